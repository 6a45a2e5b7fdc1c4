package org.opencollab.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.opencollab.confidential.Confidential;
import org.opencollab.confidential.SealedAnswers;
import org.opencollab.confidential.SealedStep;
import org.opencollab.models.ChineseNames;
import org.opencollab.opportunity.OpportunityRecords;
import org.opencollab.rest.FieldLabels;
import org.springframework.stereotype.Component;

/**
 * The story of one opportunity, read from the engine's history: the opportunity and every dispute
 * about it (each dispute takes its opportunity's id as business key), with their activities, user
 * tasks, decisions, rulings, statement, user-operation-log entries, incidents and state. A {@link
 * Reader} decides which values the caller sees; see docs/auditors.md.
 */
@Component
public class OpportunityStory {

  static final String OPPORTUNITY = "opportunityToDelivery";
  static final String DISPUTE = "collaborationArbitration";

  /**
   * What only {@link Confidential#mayRead oversight} reads, once decided: the committee's gathered
   * votes and the gathered peer ratings and comments. The answers themselves are sealed outside the
   * history ({@link SealedAnswers}); older histories may still hold them, and their giver alone
   * reads them there.
   */
  static final Set<String> GATHERED = Set.of("votes", "peerRatings", "peerComments");

  static final Set<String> PERSONAL = Set.of("vote", "voteRationale", "ratings", "comments");

  /**
   * Where the gathered values also travel: each ruling of an older history carries the committee's
   * votes, each member of the incentive statement the ratings received.
   */
  static final Set<String> REDACTED =
      Set.of("votes", "peerRatings", "peerComments", "ratingsReceived");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HistoryService history;
  private final RepositoryService repository;
  private final SealedAnswers sealed;
  private final ChineseNames chinese;
  private final Map<String, SealedStep> sealedSteps = new HashMap<>();

  public OpportunityStory(
      ProcessEngine engine, SealedAnswers sealed, Confidential confidential, ChineseNames chinese) {
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
    this.sealed = sealed;
    this.chinese = chinese;
    confidential.steps().forEach(step -> sealedSteps.put(step.step(), step));
  }

  /**
   * Who reads: whether they read confidential values (decided votes, approved ratings), and how the
   * story names their view ({@code everything}, {@code without confidential values} for a
   * coordinator, {@code team member}).
   */
  public record Reader(String userId, boolean confidential, String readAs) {
    boolean sees(String variable, String givenBy) {
      return confidential
          || !GATHERED.contains(variable)
              && (!PERSONAL.contains(variable) || userId.equals(givenBy));
    }
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
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .list()
        .stream()
        .filter(OpportunityRecords::ofTheInstanceItself)
        .map(HistoricVariableInstance::getValue)
        .findFirst()
        .orElse(null);
  }

  public ObjectNode tell(String opportunityId, HistoricProcessInstance opportunity, Reader reader) {
    ObjectNode story = JSON.createObjectNode();
    story.put("opportunityId", opportunityId);
    story.put("state", opportunity.getState());
    story.put("finalOutcome", text(variable(opportunity, "finalOutcome")));
    story.put("readAs", reader.readAs());
    Object statement = variable(opportunity, "incentiveStatement");
    story.set(
        "statement",
        statement == null ? json(variable(opportunity, "lossStatement")) : json(statement));
    story.set("rulings", json(variable(opportunity, "rulings")));
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
      redact(story);
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
    story.set("events", events(story));
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
        String customer = text(variable(instance, "customerName"));
        String outcome = text(variable(instance, "finalOutcome"));
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
        row.put("title", text(variable(instance, "title")));
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

  private ObjectNode instance(HistoricProcessInstance instance, Reader reader) {
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
    activities(node.putArray("activities"), instance);
    Set<String> anonymous = new HashSet<>();
    // Who stood aside from the committee's vote and why: a fairness fact every reader sees.
    Object recusals = variable(instance, "recusals");
    if (recusals != null) {
      node.set("recusals", json(recusals));
    }
    tasks(node.putArray("tasks"), instance, updates, reader, anonymous);
    decisions(node.putArray("decisions"), instance);
    operations(node.putArray("operations"), instance, updates, reader, anonymous);
    incidents(node.putArray("incidents"), instance);
    return node;
  }

  private void activities(ArrayNode into, HistoricProcessInstance instance) {
    for (HistoricActivityInstance activity :
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      ObjectNode node = into.addObject();
      node.put("id", activity.getActivityId());
      node.put("name", activity.getActivityName());
      node.put("type", activity.getActivityType());
      node.put("start", time(activity.getStartTime()));
      node.put("end", time(activity.getEndTime()));
      if (activity.getDurationInMillis() != null) {
        node.put("durationMillis", activity.getDurationInMillis());
      }
      node.put("canceled", activity.isCanceled());
    }
  }

  /**
   * The user tasks; a task of a step that hides who answered (a committee vote) shows a reader
   * without confidential access only its name, creation and due date, and its id goes into {@code
   * anonymous}.
   */
  private void tasks(
      ArrayNode into,
      HistoricProcessInstance instance,
      List<HistoricDetail> updates,
      Reader reader,
      Set<String> anonymous) {
    Map<String, String> completedBy = new HashMap<>();
    history
        .createUserOperationLogQuery()
        .processInstanceId(instance.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .forEach(entry -> completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId()));
    Map<String, JsonNode> answers = new HashMap<>();
    boolean unsealed = false;
    for (SealedStep step : sealedSteps.values()) {
      if (step.processKey().equals(instance.getProcessDefinitionKey())) {
        sealed
            .read(instance.getId(), step.step())
            .forEach(answer -> answers.put(step.step() + "/" + answer.person(), answer.fields()));
        Object decided = variable(instance, step.decidedBy());
        unsealed |= decided != null && !Boolean.FALSE.equals(decided);
      }
    }
    for (HistoricTaskInstance task :
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(instance.getId())
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list()) {
      ObjectNode node = into.addObject();
      SealedStep sealedStep = sealedSteps.get(task.getTaskDefinitionKey());
      if (sealedStep != null
          && sealedStep.hidesWhoAnswered()
          && !reader.confidential()
          && !reader.userId().equals(task.getAssignee())) {
        anonymous.add(task.getId());
        node.put("key", task.getTaskDefinitionKey());
        node.put("name", task.getName());
        node.put("created", time(task.getStartTime()));
        node.put("due", time(task.getDueDate()));
        node.put("confidential", "who voted, and when, is read by oversight only");
        continue;
      }
      JsonNode answer = answers.get(task.getTaskDefinitionKey() + "/" + task.getAssignee());
      // A sealed answer: its giver reads it; oversight once the step is decided.
      if (answer != null
          && (reader.userId().equals(task.getAssignee()) || reader.confidential() && unsealed)) {
        node.set("answer", answer);
      }
      node.put("taskId", task.getId());
      node.put("key", task.getTaskDefinitionKey());
      node.put("name", task.getName());
      node.put("assignee", task.getAssignee());
      node.put("completedBy", completedBy.get(task.getId()));
      ArrayNode groups = node.putArray("candidateGroups");
      String claimed = null;
      for (HistoricIdentityLinkLog link :
          history
              .createHistoricIdentityLinkLogQuery()
              .taskId(task.getId())
              .orderByTime()
              .asc()
              .list()) {
        if ("candidate".equals(link.getType())
            && "add".equals(link.getOperationType())
            && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
        if (claimed == null
            && "assignee".equals(link.getType())
            && "add".equals(link.getOperationType())) {
          claimed = time(link.getTime());
        }
      }
      node.put("created", time(task.getStartTime()));
      node.put("claimed", claimed);
      node.put(
          "completed", "completed".equals(task.getDeleteReason()) ? time(task.getEndTime()) : null);
      node.put("ended", time(task.getEndTime()));
      node.put("endReason", task.getDeleteReason());
      node.put("due", time(task.getDueDate()));
      ObjectNode set = node.putObject("variablesSet");
      ObjectNode local = node.putObject("localValues");
      for (HistoricDetail detail : updates) {
        HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
        String givenBy = completedBy.getOrDefault(task.getId(), task.getAssignee());
        if (!reader.sees(update.getVariableName(), givenBy)) {
          continue;
        }
        if (task.getId().equals(detail.getTaskId())) {
          local.set(update.getVariableName(), json(update.getValue()));
        } else if (detail.getTaskId() == null
            && task.getEndTime() != null
            && task.getActivityInstanceId() != null
            && task.getActivityInstanceId().equals(detail.getActivityInstanceId())
            && Math.abs(detail.getTime().getTime() - task.getEndTime().getTime()) < 2_000) {
          set.set(update.getVariableName(), json(update.getValue()));
        }
      }
    }
  }

  private void decisions(ArrayNode into, HistoricProcessInstance instance) {
    for (HistoricDecisionInstance decision :
        history
            .createHistoricDecisionInstanceQuery()
            .processInstanceId(instance.getId())
            .includeInputs()
            .includeOutputs()
            .orderByEvaluationTime()
            .asc()
            .list()) {
      ObjectNode node = into.addObject();
      node.put("key", decision.getDecisionDefinitionKey());
      var definition = repository.getDecisionDefinition(decision.getDecisionDefinitionId());
      node.put("name", definition.getName());
      node.put("version", definition.getVersion());
      node.put("activityId", decision.getActivityId());
      node.put("evaluated", time(decision.getEvaluationTime()));
      DmnModelInstance table = repository.getDmnModelInstance(decision.getDecisionDefinitionId());
      // The inputs and outputs as the table's columns name them for people ("Reason / 原因"),
      // beside the values keyed as before for machines.
      ObjectNode inputs = node.putObject("inputs");
      ObjectNode inputLabels = node.putObject("inputLabels");
      for (HistoricDecisionInputInstance input : decision.getInputs()) {
        String key = label(input.getClauseName(), input.getClauseId());
        inputs.set(key, json(input.getValue()));
        inputLabels.put(key, columnLabel(table, input.getClauseId(), key));
      }
      ObjectNode outputs = node.putObject("outputs");
      ObjectNode outputLabels = node.putObject("outputLabels");
      Map<String, String> rules = new LinkedHashMap<>();
      for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
        String key = label(output.getVariableName(), output.getClauseId());
        outputs.set(key, json(output.getValue()));
        outputLabels.put(key, columnLabel(table, output.getClauseId(), key));
        rules.putIfAbsent(output.getRuleId(), null);
      }
      ArrayNode matched = node.putArray("matchedRules");
      rules
          .keySet()
          .forEach(
              rule -> {
                ObjectNode ruleNode = matched.addObject();
                ruleNode.put("id", rule);
                ruleNode.put(
                    "description", ruleDescription(decision.getDecisionDefinitionId(), rule));
              });
    }
  }

  /** The label of a decision table's input or output column, else {@code fallback}. */
  private static String columnLabel(DmnModelInstance table, String clauseId, String fallback) {
    ModelElementInstance column = clauseId == null ? null : table.getModelElementById(clauseId);
    String label = null;
    if (column instanceof Input input) {
      label = input.getLabel();
      if ((label == null || label.isBlank())
          && input.getInputExpression() != null
          && input.getInputExpression().getText() != null) {
        label = input.getInputExpression().getText().getTextContent();
      }
    } else if (column instanceof Output output) {
      label = output.getLabel();
    }
    return label == null || label.isBlank() ? fallback : label.trim();
  }

  private String ruleDescription(String decisionDefinitionId, String ruleId) {
    Rule rule = repository.getDmnModelInstance(decisionDefinitionId).getModelElementById(ruleId);
    return rule == null || rule.getDescription() == null
        ? null
        : rule.getDescription().getTextContent();
  }

  /**
   * The user operation log, and for a variable changed outside a task (a repair by a process owner
   * or administrator) the variable, its old and its new value, which Camunda's log leaves out: the
   * history detail written by the same operation carries its operation id.
   */
  private void operations(
      ArrayNode into,
      HistoricProcessInstance instance,
      List<HistoricDetail> updates,
      Reader reader,
      Set<String> anonymous) {
    for (UserOperationLogEntry entry :
        history
            .createUserOperationLogQuery()
            .processInstanceId(instance.getId())
            .orderByTimestamp()
            .asc()
            .list()) {
      if (entry.getTaskId() != null && anonymous.contains(entry.getTaskId())) {
        continue;
      }
      ObjectNode node = into.addObject();
      node.put("time", time(entry.getTimestamp()));
      node.put("userId", entry.getUserId());
      node.put("operation", entry.getOperationType());
      node.put("entity", entry.getEntityType());
      node.put("taskId", entry.getTaskId());
      HistoricVariableUpdate change = changeOf(entry, updates);
      if (change != null) {
        boolean visible = reader.sees(change.getVariableName(), null);
        node.put("property", change.getVariableName());
        node.put("oldValue", visible ? text(previous(change, updates)) : "(confidential)");
        node.put("newValue", visible ? text(change.getValue()) : "(confidential)");
        continue;
      }
      node.put("property", entry.getProperty());
      boolean visible = entry.getProperty() == null || reader.sees(entry.getProperty(), null);
      node.put("oldValue", visible ? entry.getOrgValue() : "(confidential)");
      node.put("newValue", visible ? entry.getNewValue() : "(confidential)");
    }
  }

  private static HistoricVariableUpdate changeOf(
      UserOperationLogEntry entry, List<HistoricDetail> updates) {
    if (!org.camunda.bpm.engine.EntityTypes.VARIABLE.equals(entry.getEntityType())) {
      return null;
    }
    for (HistoricDetail detail : updates) {
      if (entry.getOperationId() != null
          && entry.getOperationId().equals(detail.getUserOperationId())) {
        return (HistoricVariableUpdate) detail;
      }
    }
    return null;
  }

  /** The value the variable had before {@code change}, or null when it had none. */
  private static Object previous(HistoricVariableUpdate change, List<HistoricDetail> updates) {
    Object before = null;
    for (HistoricDetail detail : updates) {
      if (detail == change) {
        return before;
      }
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      if (change.getVariableInstanceId().equals(update.getVariableInstanceId())) {
        before = update.getValue();
      }
    }
    return before;
  }

  private void incidents(ArrayNode into, HistoricProcessInstance instance) {
    for (HistoricIncident incident :
        history.createHistoricIncidentQuery().processInstanceId(instance.getId()).list()) {
      ObjectNode node = into.addObject();
      node.put("type", incident.getIncidentType());
      node.put("activityId", incident.getActivityId());
      node.put("message", incident.getIncidentMessage());
      node.put("created", time(incident.getCreateTime()));
      node.put("ended", time(incident.getEndTime()));
      node.put("resolved", incident.isResolved());
    }
  }

  /** Removes, at any depth, the fields a team member does not read. */
  static void redact(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(REDACTED);
    }
    node.forEach(OpportunityStory::redact);
  }

  /**
   * One event per line of the story, in time order: what the timeline and the CSV show. Each also
   * reads as a person would: {@code label}, the step, decision or field in both languages (from the
   * story's {@code names}, the decision's name, the forms' labels), and {@code labelledDetail}, the
   * detail with its fields named by their labels.
   */
  static ArrayNode events(ObjectNode story) {
    List<ObjectNode> events = new ArrayList<>();
    JsonNode names = story.path("names");
    JsonNode labels = story.path("labels");
    for (JsonNode instance : story.path("instances")) {
      String process = instance.path("process").asText();
      String id = instance.path("processInstanceId").asText();
      for (JsonNode activity : instance.path("activities")) {
        if (!activity.path("type").asText().endsWith("Task")
            && !activity.path("type").asText().contains("Event")) {
          continue;
        }
        events.add(
            event(
                    activity.path("start").asText(),
                    process,
                    id,
                    "activity",
                    activity.path("id").asText(),
                    activity.path("name").asText(""),
                    null,
                    activity.path("type").asText())
                .put("label", names.path(activity.path("id").asText()).asText(null)));
      }
      String voteOpened = instance.path("start").asText();
      for (JsonNode activity : instance.path("activities")) {
        if (activity.path("id").asText().startsWith("ArbitrationVote")) {
          voteOpened = activity.path("start").asText();
          break;
        }
      }
      for (JsonNode recusal : instance.path("recusals")) {
        events.add(
            event(
                    voteOpened,
                    process,
                    id,
                    "stood aside",
                    "ArbitrationVote",
                    recusal.path("reason").asText(""),
                    recusal.path("userId").asText(null),
                    recusal.path("reason").asText(""))
                .put("label", names.path("ArbitrationVote").asText(null)));
      }
      for (JsonNode task : instance.path("tasks")) {
        if (!task.path("completed").isNull()) {
          events.add(
              event(
                      task.path("completed").asText(),
                      process,
                      id,
                      "task completed",
                      task.path("key").asText(),
                      task.path("name").asText(""),
                      task.path("completedBy").asText(task.path("assignee").asText(null)),
                      entered(task).toString())
                  .put("label", names.path(task.path("key").asText()).asText(null))
                  .put("labelledDetail", labelled(entered(task), labels)));
        }
      }
      for (JsonNode decision : instance.path("decisions")) {
        events.add(
            event(
                    decision.path("evaluated").asText(),
                    process,
                    id,
                    "decision",
                    decision.path("key").asText(),
                    decision.path("name").asText(decision.path("key").asText()),
                    null,
                    decision.path("outputs").toString())
                .put("label", decision.path("name").asText(decision.path("key").asText()))
                .put(
                    "labelledDetail",
                    labelled(decision.path("outputs"), decision.path("outputLabels"))));
      }
      for (JsonNode operation : instance.path("operations")) {
        events.add(
            event(
                    operation.path("time").asText(),
                    process,
                    id,
                    "operation",
                    operation.path("operation").asText(),
                    operation.path("property").asText(""),
                    operation.path("userId").asText(null),
                    operation.path("oldValue").asText("")
                        + " -> "
                        + operation.path("newValue").asText(""))
                .put(
                    "label",
                    FieldLabels.all()
                        .getOrDefault(
                            operation.path("property").asText(""),
                            operation.path("property").asText(null))));
      }
      for (JsonNode incident : instance.path("incidents")) {
        events.add(
            event(
                    incident.path("created").asText(),
                    process,
                    id,
                    "incident",
                    incident.path("activityId").asText(),
                    incident.path("type").asText(),
                    null,
                    incident.path("message").asText(""))
                .put("label", names.path(incident.path("activityId").asText()).asText(null)));
      }
    }
    events.sort(Comparator.comparing(event -> event.path("time").asText()));
    ArrayNode array = JSON.createArrayNode();
    events.forEach(array::add);
    return array;
  }

  /** "Label: value; …": each field of {@code values} named by its label, else by its name. */
  private static String labelled(JsonNode values, JsonNode labels) {
    List<String> parts = new ArrayList<>();
    values
        .fields()
        .forEachRemaining(
            field ->
                parts.add(
                    labels.path(field.getKey()).asText(field.getKey())
                        + ": "
                        + (field.getValue().isValueNode()
                            ? field.getValue().asText()
                            : field.getValue().toString())));
    return String.join("; ", parts);
  }

  /** What a completed task entered: the variables its completion set, and its sealed answer. */
  private static JsonNode entered(JsonNode task) {
    if (!task.has("answer")) {
      return task.path("variablesSet");
    }
    ObjectNode entered = task.path("variablesSet").deepCopy();
    entered.setAll((ObjectNode) task.get("answer"));
    return entered;
  }

  private static ObjectNode event(
      String time,
      String process,
      String instance,
      String kind,
      String element,
      String name,
      String actor,
      String detail) {
    ObjectNode event = JSON.createObjectNode();
    event.put("time", time);
    event.put("process", process);
    event.put("processInstanceId", instance);
    event.put("kind", kind);
    event.put("element", element);
    event.put("name", name);
    event.put("actor", actor);
    event.put("detail", detail);
    return event;
  }

  private static String label(String name, String fallback) {
    return name == null || name.isBlank() ? fallback : name;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String time(Date date) {
    return date == null ? null : date.toInstant().toString();
  }

  /** A value as Json: Json variables as their tree, everything else as its plain value. */
  static JsonNode json(Object value) {
    if (value == null) {
      return JSON.nullNode();
    }
    if (value instanceof org.camunda.spin.json.SpinJsonNode spin) {
      try {
        return JSON.readTree(spin.toString());
      } catch (Exception e) {
        return JSON.getNodeFactory().textNode(spin.toString());
      }
    }
    return JSON.valueToTree(value);
  }
}
