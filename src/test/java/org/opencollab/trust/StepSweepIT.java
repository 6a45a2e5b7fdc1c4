package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;
import static org.opencollab.support.OpportunityDriver.strategicAccount;
import static org.opencollab.support.OpportunityDriver.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sweep of issue 7 over the steps, on PostgreSQL: every user task of both processes and both
 * start forms, reached by working opportunities and disputes through their lives, gets from its
 * rightful user over {@code /engine-rest} one foreign variable, one variable the process derives,
 * and each of its form's text, number and Json fields at a value beyond its limit. Each is refused
 * with 400 naming the variable, the task stays open and the instance's variables stay as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class StepSweepIT {

  private static final Path FORMS = Path.of("processes", "forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who works a group's task in the sweep. */
  private static final Map<String, String> WORKER =
      Map.of(
          "sales",
          "sam",
          "tech",
          "bob",
          "delivery",
          "carol",
          "marketing",
          "dave",
          "coordinators",
          "erin",
          "committee",
          "grace",
          "committee-chair",
          "frank");

  /** The inputs of the embedded forms, which have no schema to read types from. */
  private static final Map<String, Map<String, String>> EMBEDDED =
      Map.of(
          "FormTeam",
              Map.of(
                  "solutionManager",
                  "text",
                  "deliveryManager",
                  "text",
                  "executiveSponsor",
                  "text",
                  "teamMembers",
                  "json"),
          "DraftCollaborationAgreement",
              Map.of(
                  "departmentShares",
                  "json",
                  "departmentCommitments",
                  "json",
                  "customerDataOwner",
                  "text",
                  "dataAccessRules",
                  "text"),
          "EvaluatePeers", Map.of("ratings", "json", "comments", "text"),
          "RateTeamAsSponsor", Map.of("ratings", "json", "comments", "text"),
          "RateTeamAsCoordinator", Map.of("ratings", "json", "comments", "text"),
          "ApproveIncentives", Map.of("incentivesApproved", "boolean"));

  private static final Map<String, String> FORM_OF_TASK =
      Map.ofEntries(
          Map.entry("QualifyOpportunity", "QualifyOpportunityForm"),
          Map.entry("DraftPressRelease", "DraftPressReleaseForm"),
          Map.entry("CompletePressRelease", "CompletePressReleaseForm"),
          Map.entry("SignCollaborationAgreement", "SignCollaborationAgreementForm"),
          Map.entry("ApproveBid", "ApproveBidForm"),
          Map.entry("DesignSolution", "DesignSolutionForm"),
          Map.entry("PrepareOffer", "PrepareOfferForm"),
          Map.entry("FollowUpOverdueWork", "FollowUpOverdueWorkForm"),
          Map.entry("FollowUpLateStep", "FollowUpLateStepForm"),
          Map.entry("AnswerCustomerFeedback", "AnswerCustomerFeedbackForm"),
          Map.entry("NegotiateDeal", "NegotiateDealForm"),
          Map.entry("SupportNegotiation", "SupportNegotiationForm"),
          Map.entry("PlanDelivery", "PlanDeliveryForm"),
          Map.entry("ReviewSprint", "ReviewSprintForm"),
          Map.entry("AcceptDelivery", "AcceptDeliveryForm"),
          Map.entry("ReportDepartmentInput", "ReportDepartmentInputForm"),
          Map.entry("RecordLoss", "RecordLossForm"),
          Map.entry("HoldRetrospective", "HoldRetrospectiveForm"),
          Map.entry("MediateDispute", "MediateDisputeForm"),
          Map.entry("ArbitrationVote", "ArbitrationVoteForm"),
          Map.entry("ChairRuling", "ChairRulingForm"),
          Map.entry("RecordRuling", "RecordRulingForm"));

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("step_sweep")
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private RestClient rest;
  private OpportunityDriver driver;
  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> counts = new TreeMap<>();
  private final TreeSet<String> steps = new TreeSet<>();

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    driver = new OpportunityDriver(engine);
  }

  @Test
  void everyStepRefusesForeignAndDerivedVariablesAndEveryFieldBeyondItsLimit() {
    probeStarts();

    String strategic = newOpportunityId();
    driver.start(strategicAccount(strategic));
    probe(strategic, "QualifyOpportunity", "finalOutcome");
    driver.fireTimer(strategic, "QualifyOpportunity");
    probe(strategic, "FollowUpLateStep", "lateStep");
    driver.complete(
        strategic,
        "FollowUpLateStep",
        "lateStepAction",
        "CONTACTED",
        "lateStepNote",
        "Qualified by noon");
    driver.qualify(strategic);
    probe(strategic, "FormTeam", "involvedDepartments");
    driver.formTaskForce(strategic);
    probe(strategic, "DraftPressRelease", "pressReleaseRequired");
    driver.complete(
        strategic,
        "DraftPressRelease",
        "pressRelease",
        "Riders see their train before it arrives.");
    probe(strategic, "CompletePressRelease", "pressReleaseContributions");
    driver.completePressRelease(strategic);
    probe(strategic, "DraftCollaborationAgreement", "agreementSignatures");
    driver.draftAgreement(strategic, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    probe(strategic, "SignCollaborationAgreement", "agreementRejections");
    driver.signAll(strategic);
    probe(strategic, "ApproveBid", "taskForceRequired");
    driver.complete(strategic, "ApproveBid", "bidApproved", true);
    driver.fireTimer(strategic, "Timer_TechResponseOverdue");
    probe(strategic, "FollowUpOverdueWork", "revisionCount");
    driver.complete(strategic, "FollowUpOverdueWork", "followUpAction", "REMIND");
    probe(strategic, "DesignSolution", "techParticipation");
    probe(strategic, "PrepareOffer", "priority");
    driver.designAndOffer(strategic);
    probe(strategic, "NegotiateDeal", "revisionCount");
    probe(strategic, "SupportNegotiation", "finalOutcome");
    driver.negotiate(strategic, "WON", "contractValue", 8_000_000L);
    probe(strategic, "PlanDelivery", "incentiveStatement");
    driver.complete(strategic, "PlanDelivery", "sprintCount", 1);
    probe(strategic, "ReviewSprint", "sprintCount");
    driver.complete(
        strategic,
        "ReviewSprint",
        "sprintStatus",
        "ON_TRACK",
        "customerFeedback",
        "Riders want the board in English too");
    probe(strategic, "AnswerCustomerFeedback", "feedbackFrom");
    driver.complete(
        strategic,
        "AnswerCustomerFeedback",
        "feedbackDecision",
        "IMPROVE_PRODUCT",
        "feedbackAnswer",
        "In release 2.3");
    probe(strategic, "AcceptDelivery", "finalOutcome");
    driver.complete(strategic, "AcceptDelivery", "accepted", true, "realizedRevenue", 8_000_000L);
    probe(strategic, "ReportDepartmentInput", "departmentInputs");
    driver.reportInputs(
        strategic,
        Map.of(
            "SALES",
            new int[] {100, 10000},
            "TECH",
            new int[] {200, 20000},
            "DELIVERY",
            new int[] {50, 5000}));
    probe(strategic, "EvaluatePeers", "peerRatings");
    driver.evaluatePeers(
        strategic,
        Map.of(
            "alice",
            "{\"bob\": 5, \"carol\": 4}",
            "bob",
            "{\"alice\": 4, \"carol\": 3}",
            "carol",
            "{\"alice\": 5, \"bob\": 4}"));
    probe(strategic, "RateTeamAsCoordinator", "coordinatorRatings");
    driver.play(
        strategic,
        WorkedOpportunity.rateTeamAsCoordinator("{\"alice\": 5, \"bob\": 4, \"carol\": 4}"));
    probe(strategic, "RateTeamAsSponsor", "sponsorRatings");
    driver.play(
        strategic,
        WorkedOpportunity.rateTeamAsSponsor(
            WorkedOpportunity.TASK_FORCE_SPONSOR, WorkedOpportunity.SPONSOR_RATINGS));
    driver.runJobs(strategic);
    probe(strategic, "ApproveIncentives", "incentiveStatement");

    String lost = newOpportunityId();
    driver.start(keyAccount(lost));
    driver.qualify(lost);
    driver.formWorkedExampleTeam(lost);
    driver.draftAgreement(lost, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    driver.signAll(lost);
    driver.designAndOffer(lost);
    driver.negotiate(lost, "LOST");
    driver.reportInputs(
        lost,
        Map.of(
            "SALES",
            new int[] {30, 6000},
            "TECH",
            new int[] {20, 4000},
            "DELIVERY",
            new int[] {10, 2000}));
    driver.evaluateWorkedExampleTeam(lost);
    driver.runJobs(lost);
    probe(lost, "RecordLoss", "lossStatement");
    driver.complete(lost, "RecordLoss", "lossAmount", 10_000L);
    driver.runJobs(lost);
    probe(lost, "HoldRetrospective", "finalOutcome");

    String disputed = newOpportunityId();
    driver.start(keyAccount(disputed));
    driver.qualify(disputed);
    driver.formWorkedExampleTeam(disputed);
    driver.draftAgreement(disputed, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    driver.raiseDispute(disputed, 0L);
    driver.runJobs(disputed);
    probe(disputed, "MediateDispute", "route");
    driver.complete(disputed, "MediateDispute", "mediationResolved", false);
    driver.runJobs(disputed);
    probe(disputed, "ArbitrationVote", "votes");
    Map<String, String> split = Map.of("frank", "UPHOLD", "grace", "REJECT", "heidi", "COMPROMISE");
    for (Task ballot : driver.tasks(disputed, "ArbitrationVote")) {
      driver.complete(
          ballot, "vote", split.get(ballot.getAssignee()), "voteRationale", "as I see it");
    }
    probe(disputed, "ChairRuling", "majorityOption");
    driver.complete(disputed, "ChairRuling", "chairOption", "COMPROMISE");
    probe(disputed, "RecordRuling", "ruling");

    System.out.printf(
        "step sweep: %d steps (%d user tasks + 2 start events) x (1 foreign + 1 derived variable)"
            + " = %d refusals; %d fields x their limit = %d refusals; %d failures%n",
        steps.size(),
        steps.size() - 2,
        counts.getOrDefault("variables", 0),
        counts.getOrDefault("fields", 0),
        counts.getOrDefault("fields", 0),
        failures.size());
    TreeSet<String> userTasks = new TreeSet<>();
    for (String process : List.of("opportunityToDelivery", "collaborationArbitration")) {
      Bpmn.readModelFromFile(Path.of("processes", process + ".bpmn").toFile())
          .getModelElementsByType(UserTask.class)
          .forEach(task -> userTasks.add(task.getId()));
      userTasks.add("start " + process);
    }
    assertThat(steps).isEqualTo(userTasks);
    assertThat(failures).isEmpty();
  }

  private void probeStarts() {
    Map<String, String> opportunity = new LinkedHashMap<>();
    keyAccount(newOpportunityId())
        .forEach(
            (name, value) ->
                opportunity.put(
                    name,
                    value instanceof String text
                        ? "{\"value\": \"" + text + "\"}"
                        : "{\"value\": " + value + "}"));
    probeStart(
        "opportunityToDelivery", "opportunity-start.html", "alice", opportunity, "finalOutcome");

    String id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    Map<String, String> dispute = new LinkedHashMap<>();
    dispute.put("opportunityId", "{\"value\": \"" + id + "\"}");
    dispute.put("disputeType", "{\"value\": \"PRIORITY\"}");
    dispute.put("raisedByDepartment", "{\"value\": \"DELIVERY\"}");
    dispute.put("againstDepartment", "{\"value\": \"SALES\"}");
    dispute.put("description", "{\"value\": \"Both want the same week\"}");
    probeStart("collaborationArbitration", "DisputeStartForm", "carol", dispute, "customerTier");
  }

  private void probeStart(
      String process, String form, String user, Map<String, String> valid, String derived) {
    steps.add("start " + process);
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("sweepForeignField", "{\"value\": \"x\"}");
    bad.put(derived, "{\"value\": \"X\"}");
    for (Map.Entry<String, String> variable : bad.entrySet()) {
      Map<String, String> sent = new LinkedHashMap<>(valid);
      sent.put(variable.getKey(), variable.getValue());
      expectRefused("start " + process, variable.getKey(), start(process, user, sent), "variables");
    }
    fieldsOf(form)
        .forEach(
            (field, kind) -> {
              if (hasLimit(kind)) {
                Map<String, String> sent = new LinkedHashMap<>(valid);
                sent.put(field, beyondLimit(kind));
                expectRefused("start " + process, field, start(process, user, sent), "fields");
              }
            });
    if (engine.getHistoryService().createHistoricProcessInstanceQuery().count() != before) {
      failures.add("a refused start of " + process + " left an instance");
    }
  }

  private HttpResponse<String> start(String process, String user, Map<String, String> variables) {
    return rest.postJson(
        "/engine-rest/process-definition/key/" + process + "/start", user, body(variables));
  }

  private void probe(String id, String taskKey, String derived) {
    steps.add(taskKey);
    Task task = driver.tasks(id, taskKey).get(0);
    String user = rightfulUser(task);
    String before = stateOf(task);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("sweepForeignField", "{\"value\": \"x\"}");
    bad.put(derived, "{\"value\": \"X\"}");
    bad.forEach(
        (name, value) ->
            expectRefused(taskKey, name, complete(task, user, Map.of(name, value)), "variables"));
    Map<String, String> fields =
        FORM_OF_TASK.containsKey(taskKey)
            ? fieldsOf(FORM_OF_TASK.get(taskKey))
            : EMBEDDED.get(taskKey);
    fields.forEach(
        (field, kind) -> {
          if (hasLimit(kind)) {
            expectRefused(
                taskKey, field, complete(task, user, Map.of(field, beyondLimit(kind))), "fields");
          }
        });
    if (!before.equals(stateOf(task))) {
      failures.add(taskKey + ": a refused completion changed the task or its instance");
    }
  }

  private HttpResponse<String> complete(Task task, String user, Map<String, String> variables) {
    return rest.postJson("/engine-rest/task/" + task.getId() + "/complete", user, body(variables));
  }

  private void expectRefused(
      String step, String variable, HttpResponse<String> answer, String count) {
    counts.merge(count, 1, Integer::sum);
    if (answer.statusCode() != 400 || !answer.body().contains(variable + ":")) {
      failures.add(step + " with " + variable + ": " + answer.statusCode() + " " + answer.body());
    }
  }

  private String rightfulUser(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .map(WORKER::get)
        .findFirst()
        .orElseThrow();
  }

  private String stateOf(Task task) {
    boolean open = engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 1;
    return open
        + String.valueOf(
            new TreeMap<>(engine.getRuntimeService().getVariables(task.getProcessInstanceId())))
        + new TreeMap<>(engine.getTaskService().getVariablesLocal(task.getId()));
  }

  /**
   * Text, numbers and Json have limits; a checkbox or a choice of codes has its values, checked by
   * the rules.
   */
  private static boolean hasLimit(String kind) {
    return !kind.equals("boolean") && !kind.equals("choice");
  }

  /** A value beyond the limit of a field of this kind; Json one level deeper than allowed. */
  private static String beyondLimit(String kind) {
    return switch (kind) {
      case "text" -> "{\"value\": \"" + "x".repeat(4001) + "\"}";
      case "number" -> "{\"value\": 10000000000000}";
      case "json" ->
          "{\"value\": \"" + "[".repeat(9) + "1" + "]".repeat(9) + "\", \"type\": \"Json\"}";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /**
   * The inputs of a Camunda Form (by its id) or of an embedded form (by its file name), by kind:
   * text, number, boolean or choice. An embedded form sets its variables with their types.
   */
  private static Map<String, String> fieldsOf(String formId) {
    if (formId.endsWith(".html")) {
      Map<String, String> fields = new TreeMap<>();
      Matcher set =
          Pattern.compile("set\\('(\\w+)', '(\\w+)'").matcher(html(FORMS.resolve(formId)));
      while (set.find()) {
        fields.put(
            set.group(1),
            switch (set.group(2)) {
              case "Double", "Long", "Integer" -> "number";
              case "Boolean" -> "boolean";
              default -> "text";
            });
      }
      return fields;
    }
    try (Stream<Path> files = Files.list(FORMS)) {
      JsonNode form =
          files
              .filter(file -> file.toString().endsWith(".form"))
              .map(StepSweepIT::read)
              .filter(schema -> formId.equals(schema.path("id").asText()))
              .findFirst()
              .orElseThrow();
      Map<String, String> fields = new TreeMap<>();
      collect(form, fields);
      return fields;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode container, Map<String, String> fields) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key")
          && !component.path("disabled").asBoolean(false)
          && !component.path("readonly").asBoolean(false)) {
        String type = component.path("type").asText();
        fields.put(
            component.get("key").asText(),
            switch (type) {
              case "textfield", "textarea" -> "text";
              case "number" -> "number";
              case "checkbox" -> "boolean";
              default -> "choice";
            });
      }
      collect(component, fields);
    }
  }

  private static String html(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String body(Map<String, String> variables) {
    StringBuilder json = new StringBuilder("{\"variables\": {");
    variables.forEach(
        (name, value) ->
            json.append(json.length() > 15 ? ", " : "")
                .append('"')
                .append(name)
                .append("\": ")
                .append(value));
    return json.append("}}").toString();
  }
}
