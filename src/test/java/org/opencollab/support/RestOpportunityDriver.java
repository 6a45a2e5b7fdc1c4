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
    complete("alice", id, "QualifyOpportunity", Map.of("qualified", typed(true, "Boolean")));
    complete(
        "erin",
        id,
        "FormTeam",
        Map.of(
            "solutionManager",
            string("bob"),
            "deliveryManager",
            string("carol"),
            "teamMembers",
            json(
                "[{\"userId\": \"alice\", \"department\": \"SALES\"},"
                    + " {\"userId\": \"sam\", \"department\": \"SALES\"},"
                    + " {\"userId\": \"bob\", \"department\": \"TECH\"},"
                    + " {\"userId\": \"carol\", \"department\": \"DELIVERY\"}]")));
    complete(
        "erin",
        id,
        "DraftCollaborationAgreement",
        Map.of(
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}"),
            "customerDataOwner",
            string("SALES"),
            "dataAccessRules",
            string("Sales owns the data; tech analyses it anonymised")));
    for (String signer : new String[] {"alice", "tina", "carol"}) {
      complete(
          signer,
          id,
          "SignCollaborationAgreement",
          Map.of("agreementApproved", typed(true, "Boolean")));
    }
  }

  /** Design, offer, support and the negotiation's {@code outcome} (WON or LOST). */
  public void negotiate(String id, String outcome) {
    complete(
        "bob",
        id,
        "DesignSolution",
        Map.of(
            "solutionSummary",
            string("Streaming analytics"),
            "estimatedEffortDays",
            typed(120, "Integer")));
    complete("alice", id, "PrepareOffer", Map.of("offerValue", typed(2_100_000L, "Long")));
    complete(
        "bob",
        id,
        "SupportNegotiation",
        Map.of("technicalCommitments", string("99.9 % availability")));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("negotiationOutcome", string(outcome));
    if ("WON".equals(outcome)) {
      values.put("contractValue", typed(2_000_000L, "Long"));
    }
    complete("alice", id, "NegotiateDeal", values);
  }

  /** One sprint, on track, and acceptance. */
  public void deliver(String id) {
    complete("carol", id, "PlanDelivery", Map.of("sprintCount", typed(1, "Integer")));
    complete("carol", id, "ReviewSprint", Map.of("sprintStatus", string("ON_TRACK")));
    complete(
        "alice",
        id,
        "AcceptDelivery",
        Map.of(
            "accepted", typed(true, "Boolean"), "realizedRevenue", typed(2_000_000.0, "Double")));
  }

  /** Every department's input report. */
  public void reportInputs(String id) {
    report(id, "sam", 120, 30_000);
    report(id, "tina", 300, 90_000);
    report(id, "carol", 80, 20_000);
  }

  /** Every member's peer ratings; the last one makes the incentive calculation due. */
  public void evaluatePeers(String id) {
    Map<String, String> ratings =
        Map.of(
            "alice", "{\"sam\": 2, \"bob\": 5, \"carol\": 4}",
            "sam", "{\"alice\": 5, \"bob\": 5, \"carol\": 4}",
            "bob", "{\"alice\": 4, \"sam\": 2, \"carol\": 3}",
            "carol", "{\"alice\": 5, \"sam\": 3, \"bob\": 4}");
    ratings.forEach(
        (rater, given) -> complete(rater, id, "EvaluatePeers", Map.of("ratings", json(given))));
  }

  /** The coordinator records the loss; the allocation becomes due. */
  public void recordLoss(String id) {
    complete(
        "erin",
        id,
        "RecordLoss",
        Map.of("lossAmount", typed(10_000L, "Long"), "lossNotes", string("Pre-sales effort")));
  }

  public void holdRetrospective(String id) {
    complete("erin", id, "HoldRetrospective", Map.of("lessonsLearned", string("Qualify earlier")));
  }

  public void approveIncentives(String id) {
    complete(
        "grace", id, "ApproveIncentives", Map.of("incentivesApproved", typed(true, "Boolean")));
  }

  private void report(String id, String user, int hours, long cost) {
    complete(
        user,
        id,
        "ReportDepartmentInput",
        Map.of("inputHours", typed(hours, "Integer"), "inputCost", typed(cost, "Long")));
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
