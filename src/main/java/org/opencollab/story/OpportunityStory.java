package org.opencollab.story;

import static org.opencollab.story.StoryValues.JSON;
import static org.opencollab.story.StoryValues.json;
import static org.opencollab.story.StoryValues.text;
import static org.opencollab.story.StoryValues.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.confidential.Confidential;
import org.opencollab.confidential.SealedAnswers;
import org.opencollab.confidential.SealedStep;
import org.opencollab.models.ChineseNames;
import org.opencollab.opportunity.DepartmentCommitments;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.rest.FieldLabels;
import org.springframework.stereotype.Component;

/**
 * The story of one opportunity, read from the engine's history: the opportunity and every dispute
 * about it (each dispute takes its opportunity's id as business key), with their activities, user
 * tasks ({@link StoryTasks}), decisions, operations and incidents ({@link StoryRecords}), rulings,
 * statement and state, and its timeline ({@link StoryEvents}). A {@link StoryReader} decides which
 * values the caller sees; see docs/auditors.md.
 */
@Component
public class OpportunityStory {

  static final String OPPORTUNITY = OpportunityVariables.PROCESS_KEY;
  static final String DISPUTE = ArbitrationVariables.PROCESS_KEY;

  private final HistoryService history;
  private final RepositoryService repository;
  private final ChineseNames chinese;
  private final StoryTasks tasks;
  private final StoryRecords records;

  public OpportunityStory(
      ProcessEngine engine, SealedAnswers sealed, Confidential confidential, ChineseNames chinese) {
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
    this.chinese = chinese;
    Map<String, SealedStep> sealedSteps = new HashMap<>();
    confidential.steps().forEach(step -> sealedSteps.put(step.step(), step));
    this.tasks = new StoryTasks(history, sealed, sealedSteps);
    this.records = new StoryRecords(history, repository);
  }

  /** The opportunity's process instance, or null when there is none with that id. */
  public HistoricProcessInstance opportunity(String opportunityId) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(OPPORTUNITY)
        .processInstanceBusinessKey(opportunityId)
        .orderByProcessInstanceStartTime()
        .asc()
        .list()
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** The value of a variable of the opportunity's own scope, or null. */
  public Object variable(HistoricProcessInstance instance, String name) {
    return StoryValues.variable(history, instance, name);
  }

  public ObjectNode tell(
      String opportunityId, HistoricProcessInstance opportunity, StoryReader reader) {
    ObjectNode story = JSON.createObjectNode();
    story.put("opportunityId", opportunityId);
    story.put("state", opportunity.getState());
    story.put("finalOutcome", text(variable(opportunity, OpportunityVariables.FINAL_OUTCOME)));
    story.put("readAs", reader.readAs());
    Object statement = variable(opportunity, OpportunityVariables.INCENTIVE_STATEMENT);
    story.set(
        "statement",
        statement == null
            ? json(variable(opportunity, OpportunityVariables.LOSS_STATEMENT))
            : json(statement));
    story.set("rulings", json(variable(opportunity, OpportunityVariables.RULINGS)));
    // What each department committed in the agreement, set against the input it reported.
    Object commitments = variable(opportunity, OpportunityVariables.DEPARTMENT_COMMITMENTS);
    Object inputs = variable(opportunity, OpportunityVariables.DEPARTMENT_INPUTS);
    story.set(
        "commitments",
        commitments == null
            ? null
            : DepartmentCommitments.againstInput(
                json(commitments), inputs == null ? JSON.createObjectNode() : json(inputs)));
    ArrayNode instances = story.putArray("instances");
    // The steps, phases and processes the story passes through, named in both languages by their
    // models ("Design solution / 设计方案"), by element id.
    Map<String, String> names = new java.util.TreeMap<>();
    for (HistoricProcessInstance instance : instances(opportunityId, opportunity)) {
      instances.add(instance(instance, reader));
      names.putAll(
          chinese
              .of(instance.getProcessDefinitionId(), repository::getBpmnModelInstance)
              .bilingual());
    }
    if (!reader.confidential()) {
      StoryReader.redact(story);
    }
    ObjectNode namesNode = story.putObject("names");
    names.forEach(namesNode::put);
    // What a person reads for each field a task entered, in the words of its form.
    ObjectNode labels = story.putObject("labels");
    for (JsonNode instance : story.path("instances")) {
      for (JsonNode task : instance.path("tasks")) {
        for (String part : List.of("variablesSet", "localValues", "answer")) {
          task.path(part)
              .fieldNames()
              .forEachRemaining(
                  name -> {
                    String label = FieldLabels.all().get(name);
                    if (label != null) {
                      labels.put(name, label);
                    }
                  });
        }
      }
    }
    story.set("events", StoryEvents.of(story));
    return story;
  }

  /** The process definition of one of the opportunity's instances, or null when it is not one. */
  public String definitionOf(
      String opportunityId, HistoricProcessInstance opportunity, String processInstanceId) {
    return instances(opportunityId, opportunity).stream()
        .filter(instance -> instance.getId().equals(processInstanceId))
        .map(HistoricProcessInstance::getProcessDefinitionId)
        .findFirst()
        .orElse(null);
  }

  /** The model (BPMN XML) of a process definition. */
  public String model(String definitionId) throws java.io.IOException {
    try (java.io.InputStream xml = repository.getProcessModel(definitionId)) {
      return new String(xml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * The latest opportunities (at most {@code limit}) whose id, customer or outcome contains {@code
   * search} (any case), that {@code visible} lets the caller see.
   */
  public ArrayNode list(
      String search, int limit, java.util.function.Predicate<HistoricProcessInstance> visible) {
    String needle = search == null ? "" : search.trim().toLowerCase(java.util.Locale.ROOT);
    ArrayNode found = JSON.createArrayNode();
    int first = 0;
    while (found.size() < limit) {
      List<HistoricProcessInstance> page =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(OPPORTUNITY)
              .orderByProcessInstanceStartTime()
              .desc()
              .listPage(first, 200);
      if (page.isEmpty()) {
        break;
      }
      first += page.size();
      for (HistoricProcessInstance instance : page) {
        if (found.size() >= limit || !visible.test(instance)) {
          continue;
        }
        String customer = text(variable(instance, OpportunityVariables.CUSTOMER_NAME));
        String outcome = text(variable(instance, OpportunityVariables.FINAL_OUTCOME));
        String key = instance.getBusinessKey();
        if (!needle.isEmpty()
            && !String.join(
                    " ", String.valueOf(key), String.valueOf(customer), String.valueOf(outcome))
                .toLowerCase(java.util.Locale.ROOT)
                .contains(needle)) {
          continue;
        }
        ObjectNode row = found.addObject();
        row.put("opportunityId", key);
        row.put("customerName", customer);
        row.put("title", text(variable(instance, OpportunityVariables.TITLE)));
        row.put("state", instance.getState());
        row.put("finalOutcome", outcome);
        row.put("start", time(instance.getStartTime()));
        row.put("end", time(instance.getEndTime()));
      }
    }
    return found;
  }

  private List<HistoricProcessInstance> instances(
      String opportunityId, HistoricProcessInstance opportunity) {
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    found.put(opportunity.getId(), opportunity);
    history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(DISPUTE)
        .processInstanceBusinessKey(opportunityId)
        .list()
        .forEach(dispute -> found.putIfAbsent(dispute.getId(), dispute));
    List<HistoricProcessInstance> ordered = new ArrayList<>(found.values());
    ordered.sort(Comparator.comparing(HistoricProcessInstance::getStartTime));
    return ordered;
  }

  private ObjectNode instance(HistoricProcessInstance instance, StoryReader reader) {
    ObjectNode node = JSON.createObjectNode();
    node.put("processInstanceId", instance.getId());
    node.put("process", instance.getProcessDefinitionKey());
    node.put("processDefinitionId", instance.getProcessDefinitionId());
    node.put("version", instance.getProcessDefinitionVersion());
    node.put("state", instance.getState());
    node.put("start", time(instance.getStartTime()));
    node.put("end", time(instance.getEndTime()));
    node.put("startedBy", instance.getStartUserId());
    List<HistoricDetail> updates =
        history
            .createHistoricDetailQuery()
            .processInstanceId(instance.getId())
            .variableUpdates()
            .disableBinaryFetching()
            .orderByTime()
            .asc()
            .list();
    records.activities(node.putArray("activities"), instance);
    Set<String> anonymous = new HashSet<>();
    // Who stood aside from the committee's vote and why: a fairness fact every reader sees.
    Object recusals = variable(instance, ArbitrationVariables.RECUSALS);
    if (recusals != null) {
      node.set("recusals", json(recusals));
    }
    tasks.read(node.putArray("tasks"), instance, updates, reader, anonymous);
    records.decisions(node.putArray("decisions"), instance);
    records.operations(node.putArray("operations"), instance, updates, reader, anonymous);
    records.incidents(node.putArray("incidents"), instance);
    return node;
  }
}
