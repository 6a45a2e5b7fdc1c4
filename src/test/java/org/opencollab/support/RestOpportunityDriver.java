package org.opencollab.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.script.JsonText;
import org.opencollab.script.Step;
import org.opencollab.script.WorkedOpportunity;

/**
 * Plays the worked example of docs/ ({@link WorkedOpportunity}: Shanghai Metro, shares SALES 50,
 * TECH 35, DELIVERY 15) over REST, each step as its rightful demo user, as an outside client would:
 * the crash, two-node and load tests drive opportunities with it. {@code engine} is the REST path
 * of the engine: {@code /engine-rest} for the default one, {@code /engine-rest/engine/<name>} for a
 * named one.
 */
public final class RestOpportunityDriver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient rest;
  private final String engine;

  public RestOpportunityDriver(RestClient rest, String engine) {
    this.rest = rest;
    this.engine = engine;
  }

  /**
   * Starts the worked example as {@code id}, as alice, under its short title "Passenger analytics"
   * (OpportunityStoryIT has a process owner repair it to the full one); returns the process
   * instance id.
   */
  public String start(String id) {
    HttpResponse<String> started =
        expect(
            200,
            rest.postJson(
                engine + "/process-definition/key/" + OpportunityVariables.PROCESS_KEY + "/start",
                WorkedOpportunity.ACCOUNT_MANAGER_USER,
                variables(
                    typed(
                        WorkedOpportunity.keyAccount(
                            id, WorkedOpportunity.CUSTOMER, "Passenger analytics")))));
    return read(started).path("id").asText();
  }

  /** Qualification, team, agreement, all three sign-offs. */
  public void toSolution(String id) {
    play(id, WorkedOpportunity.throughAgreement());
  }

  /** Design, offer, support and the negotiation's {@code outcome} (WON or LOST). */
  public void negotiate(String id, String outcome) {
    play(id, WorkedOpportunity.solutionAndOffer());
    play(id, WorkedOpportunity.negotiation(outcome));
  }

  /** One sprint, on track, and acceptance. */
  public void deliver(String id) {
    play(id, WorkedOpportunity.delivery(1));
  }

  /** Every department's input report. */
  public void reportInputs(String id) {
    play(id, WorkedOpportunity.reportInputs(WorkedOpportunity.DELIVERED_INPUTS));
  }

  /** Every member's peer ratings and the coordinator's; the last one makes the calculation due. */
  public void evaluatePeers(String id) {
    play(id, WorkedOpportunity.evaluateTeam());
  }

  /** The coordinator records the loss; the allocation becomes due. */
  public void recordLoss(String id) {
    play(id, WorkedOpportunity.recordLoss());
  }

  public void holdRetrospective(String id) {
    play(id, WorkedOpportunity.holdRetrospective());
  }

  public void approveIncentives(String id) {
    play(id, WorkedOpportunity.approveIncentives());
  }

  public void play(String id, List<Step> steps) {
    steps.forEach(step -> play(id, step));
  }

  /** Completes the step's task as its performer, with what it enters. */
  public void play(String id, Step step) {
    String task = task(step.user(), id, step.taskKey(), step.group());
    if (task == null) {
      throw new AssertionError(step.user() + " has no " + step.taskKey() + " task in " + id);
    }
    expect(
        204,
        rest.postJson(
            engine + "/task/" + task + "/complete",
            step.user(),
            variables(typed(step.variables()))));
  }

  /**
   * What the rightful user enters at each step of the worked example ({@link WorkedOpportunity}),
   * as REST typed values: {@code group} is the department's group of a per-department step, {@code
   * won} the negotiation's outcome.
   */
  public static Map<String, Object> entered(String step, String user, String group, boolean won) {
    List<Step> walk = won ? WorkedOpportunity.delivered() : WorkedOpportunity.lost();
    List<Step> other = won ? WorkedOpportunity.lost() : WorkedOpportunity.delivered();
    return typed(
        WorkedOpportunity.find(walk, step, group, user)
            .or(() -> WorkedOpportunity.find(other, step, group, user))
            .orElseThrow(() -> new IllegalStateException("no values for " + step))
            .variables());
  }

  /** Values as REST sends them: each with its type, Json text as Json. */
  public static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, typedValue(value)));
    return typed;
  }

  private static Map<String, Object> typedValue(Object value) {
    if (value instanceof JsonText text) {
      return json(text.text());
    }
    if (value instanceof String text) {
      return string(text);
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      return typed(value, value.getClass().getSimpleName());
    }
    if (value instanceof Double) {
      return typed(value, "Double");
    }
    throw new IllegalArgumentException("no REST type for " + value);
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
    return task(user, id, taskKey, null);
  }

  /** The same, among the tasks of candidate group {@code group} when it is not null. */
  private String task(String user, String id, String taskKey, String group) {
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
                        + (group == null ? "" : "&candidateGroup=" + group)
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
