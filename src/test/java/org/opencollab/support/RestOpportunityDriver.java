package org.opencollab.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Works the worked example of docs/ (Shanghai Metro, shares SALES 50, TECH 35, DELIVERY 15) over
 * REST, each step as its rightful demo user, as an outside client would: the crash, two-node and
 * load tests drive opportunities with it. {@code engine} is the REST path of the engine: {@code
 * /engine-rest} for the default one, {@code /engine-rest/engine/<name>} for a named one.
 */
public final class RestOpportunityDriver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient rest;
  private final String engine;

  public RestOpportunityDriver(RestClient rest, String engine) {
    this.rest = rest;
    this.engine = engine;
  }

  /** Starts the opportunity as alice; returns the process instance id. */
  public String start(String id) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("opportunityId", string(id));
    values.put("customerName", string("Shanghai Metro / 上海地铁"));
    values.put("title", string("Passenger analytics"));
    values.put("customerTier", string("KEY"));
    values.put("estimatedValue", typed(2_000_000L, "Long"));
    values.put("technicalComplexity", string("MEDIUM"));
    values.put("customizationRequired", typed(false, "Boolean"));
    values.put("newProduct", typed(false, "Boolean"));
    values.put("source", string("SALES"));
    values.put("accountManager", string("alice"));
    HttpResponse<String> started =
        expect(
            200,
            rest.postJson(
                engine + "/process-definition/key/opportunityToDelivery/start",
                "alice",
                variables(values)));
    return read(started).path("id").asText();
  }

  /** Qualification, team, agreement, all three sign-offs. */
  public void toSolution(String id) {
    step("alice", id, "QualifyOpportunity", null);
    step("erin", id, "FormTeam", null);
    step("erin", id, "DraftCollaborationAgreement", null);
    step("alice", id, "SignCollaborationAgreement", "sales");
    step("tina", id, "SignCollaborationAgreement", "tech");
    step("carol", id, "SignCollaborationAgreement", "delivery");
  }

  /** Design, offer, support and the negotiation's {@code outcome} (WON or LOST). */
  public void negotiate(String id, String outcome) {
    step("bob", id, "DesignSolution", null);
    step("alice", id, "PrepareOffer", null);
    step("bob", id, "SupportNegotiation", null);
    complete(
        "alice",
        id,
        "NegotiateDeal",
        entered("NegotiateDeal", "alice", null, "WON".equals(outcome)));
  }

  /** One sprint, on track, and acceptance. */
  public void deliver(String id) {
    step("carol", id, "PlanDelivery", null);
    step("carol", id, "ReviewSprint", null);
    step("alice", id, "AcceptDelivery", null);
  }

  /** Every department's input report. */
  public void reportInputs(String id) {
    step("sam", id, "ReportDepartmentInput", "sales");
    step("tina", id, "ReportDepartmentInput", "tech");
    step("carol", id, "ReportDepartmentInput", "delivery");
  }

  /** Every member's peer ratings; the last one makes the incentive calculation due. */
  public void evaluatePeers(String id) {
    for (String rater : RATINGS.keySet()) {
      step(rater, id, "EvaluatePeers", null);
    }
  }

  /** The coordinator records the loss; the allocation becomes due. */
  public void recordLoss(String id) {
    step("erin", id, "RecordLoss", null);
  }

  public void holdRetrospective(String id) {
    step("erin", id, "HoldRetrospective", null);
  }

  public void approveIncentives(String id) {
    step("grace", id, "ApproveIncentives", null);
  }

  private void step(String user, String id, String taskKey, String group) {
    complete(user, id, taskKey, entered(taskKey, user, group, true));
  }

  private static final Map<String, String> RATINGS =
      Map.of(
          "alice", "{\"sam\": 2, \"bob\": 5, \"carol\": 4}",
          "sam", "{\"alice\": 5, \"bob\": 5, \"carol\": 4}",
          "bob", "{\"alice\": 4, \"sam\": 2, \"carol\": 3}",
          "carol", "{\"alice\": 5, \"sam\": 3, \"bob\": 4}");

  /**
   * What the rightful user enters at each step of the worked example: {@code group} is the
   * department's group of a per-department step, {@code won} the negotiation's outcome.
   */
  public static Map<String, Object> entered(String step, String user, String group, boolean won) {
    return switch (step) {
      case "QualifyOpportunity" -> Map.of("qualified", typed(true, "Boolean"));
      case "FormTeam" ->
          Map.of(
              "solutionManager", string("bob"),
              "deliveryManager", string("carol"),
              "teamMembers",
                  json(
                      "[{\"userId\": \"alice\", \"department\": \"SALES\"},"
                          + " {\"userId\": \"sam\", \"department\": \"SALES\"},"
                          + " {\"userId\": \"bob\", \"department\": \"TECH\"},"
                          + " {\"userId\": \"carol\", \"department\": \"DELIVERY\"}]"));
      case "DraftCollaborationAgreement" ->
          Map.of(
              "departmentShares", json("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}"),
              "customerDataOwner", string("SALES"),
              "dataAccessRules", string("Sales owns the data; tech analyses it anonymised"));
      case "SignCollaborationAgreement" -> Map.of("agreementApproved", typed(true, "Boolean"));
      case "DesignSolution" ->
          Map.of(
              "solutionSummary", string("Streaming analytics"),
              "estimatedEffortDays", typed(120, "Integer"));
      case "PrepareOffer" -> Map.of("offerValue", typed(2_100_000L, "Long"));
      case "SupportNegotiation" -> Map.of("technicalCommitments", string("99.9 % availability"));
      case "NegotiateDeal" ->
          won
              ? Map.of(
                  "negotiationOutcome", string("WON"),
                  "contractValue", typed(2_000_000L, "Long"))
              : Map.of("negotiationOutcome", string("LOST"));
      case "PlanDelivery" -> Map.of("sprintCount", typed(1, "Integer"));
      case "ReviewSprint" -> Map.of("sprintStatus", string("ON_TRACK"));
      case "AcceptDelivery" ->
          Map.of(
              "accepted", typed(true, "Boolean"),
              "realizedRevenue", typed(2_000_000.0, "Double"));
      case "ReportDepartmentInput" ->
          switch (group) {
            case "sales" ->
                Map.of("inputHours", typed(120, "Integer"), "inputCost", typed(30_000L, "Long"));
            case "tech" ->
                Map.of("inputHours", typed(300, "Integer"), "inputCost", typed(90_000L, "Long"));
            default ->
                Map.of("inputHours", typed(80, "Integer"), "inputCost", typed(20_000L, "Long"));
          };
      case "EvaluatePeers" -> Map.of("ratings", json(RATINGS.get(user)));
      case "ApproveIncentives" -> Map.of("incentivesApproved", typed(true, "Boolean"));
      case "RecordLoss" ->
          Map.of("lossAmount", typed(10_000L, "Long"), "lossNotes", string("Pre-sales effort"));
      case "HoldRetrospective" -> Map.of("lessonsLearned", string("Qualify earlier"));
      default -> throw new IllegalStateException("no values for " + step);
    };
  }

  /**
   * Completes the one task of {@code taskKey} that {@code user} may work in opportunity {@code id}.
   */
  public void complete(String user, String id, String taskKey, Map<String, Object> values) {
    String task = task(user, id, taskKey);
    if (task == null) {
      throw new AssertionError(user + " has no " + taskKey + " task in " + id);
    }
    expect(204, rest.postJson(engine + "/task/" + task + "/complete", user, variables(values)));
  }

  /** Waits up to {@code atMost} until {@code user} has a {@code taskKey} task in {@code id}. */
  public void awaitTask(String user, String id, String taskKey, java.time.Duration atMost) {
    org.awaitility.Awaitility.await(taskKey + " of " + id + " for " + user)
        .atMost(atMost)
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(() -> task(user, id, taskKey) != null);
  }

  /** The id of an open task of {@code taskKey} that {@code user} may work, or null. */
  public String task(String user, String id, String taskKey) {
    JsonNode tasks =
        read(
            expect(
                200,
                rest.get(
                    engine
                        + "/task?processInstanceBusinessKey="
                        + URLEncoder.encode(id, StandardCharsets.UTF_8)
                        + "&taskDefinitionKey="
                        + taskKey
                        + "&sortBy=id&sortOrder=asc",
                    user)));
    for (JsonNode task : tasks) {
      if (task.path("assignee").isNull() || user.equals(task.path("assignee").asText())) {
        if (task.path("assignee").isNull() && !canWork(user, task.path("id").asText())) {
          continue;
        }
        return task.path("id").asText();
      }
    }
    return null;
  }

  /** A group task is the user's when one of its candidate groups is one of the user's groups. */
  private boolean canWork(String user, String taskId) {
    JsonNode links =
        read(expect(200, rest.get(engine + "/task/" + taskId + "/identity-links", user)));
    JsonNode groups = read(expect(200, rest.get(engine + "/group?member=" + user, user)));
    for (JsonNode link : links) {
      if (!"candidate".equals(link.path("type").asText())) {
        continue;
      }
      if (user.equals(link.path("userId").asText())) {
        return true;
      }
      for (JsonNode group : groups) {
        if (group.path("id").asText().equals(link.path("groupId").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response;
  }

  private static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String variables(Map<String, Object> values) {
    try {
      return JSON.writeValueAsString(Map.of("variables", values));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  public static Map<String, Object> json(String value) {
    return Map.of("value", value, "type", "Json");
  }

  public static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }
}
