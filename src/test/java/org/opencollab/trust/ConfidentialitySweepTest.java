package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.opencollab.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The confidentiality sweep (docs/operators.md, "Secret ballots and sealed ratings"): for each
 * confidential value (a vote, its rationale, a rating, a rating's comment), every read door and
 * every filter door, as a voter who has not voted yet, a rater who has not rated yet, team members,
 * an outsider, a coordinator and oversight, while the vote and the evaluation are open, once the
 * dispute is ruled (the statement computed, not approved), and once the statement is approved. A
 * value leaks when a caller reads it, or learns it by a filter, a sort or a count, before it is
 * decided, or ever without being oversight. Writes' answers are checked on the way.
 */
@ApplicationTest
class ConfidentialitySweepTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Those who read decided votes and approved ratings. */
  private static final Set<String> OVERSIGHT = Set.of("ivan", "frank", "grace", "heidi", "olivia");

  private static final List<String> CALLERS =
      List.of("heidi", "sam", "alice", "otto", "erin", "ivan", "frank", "olivia");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private RestClient rest;
  private OpportunityDriver driver;
  private String id;
  private ProcessInstance opportunity;
  private ProcessInstance dispute;
  private final String nonce = Long.toString(System.nanoTime(), 36);

  /** The confidential values, each by the text that shows it in any answer, once normalised. */
  private Map<Secret, List<String>> markers;

  /** Each value, whether it is a ballot's (else a rating's), and who gave it. */
  private enum Secret {
    VOTE(true, "grace"),
    RATIONALE(true, "grace"),
    RATING(false, "alice"),
    RATING_COMMENT(false, "alice");

    final boolean ballot;
    final String givenBy;

    Secret(boolean ballot, String givenBy) {
      this.ballot = ballot;
      this.givenBy = givenBy;
    }
  }

  private enum Phase {
    OPEN,
    RULED,
    APPROVED
  }

  private final List<String> leaks = new ArrayList<>();
  private final Set<String> doors = new LinkedHashSet<>();
  private int probes;

  @Test
  void noConfidentialValueLeaksThroughAnyDoorBeforeItIsDecidedOrEverToOthersThanOversight() {
    rest = new RestClient("http://localhost:" + port);
    driver = new OpportunityDriver(engine);
    markers = new LinkedHashMap<>();
    // grace's REJECT is the minority vote: REJECT appears as a value nowhere but in her ballot.
    markers.put(Secret.VOTE, List.of(":\"REJECT\""));
    markers.put(Secret.RATIONALE, List.of("rationale-" + nonce));
    markers.put(Secret.RATING, List.of("\"sam\":2"));
    markers.put(Secret.RATING_COMMENT, List.of("comment-" + nonce));
    deliverUntilEvaluationAndRaiseADispute();

    // Open: grace voted REJECT; alice and bob rated. heidi and frank have not voted, sam and
    // carol have not rated.
    vote("grace", "REJECT", "rationale-" + nonce);
    rate("alice", "{\"sam\": 2, \"bob\": 5, \"carol\": 4}", "comment-" + nonce);
    rate("bob", "{\"alice\": 4, \"sam\": 3, \"carol\": 3}", "fine");
    sweep(Phase.OPEN);

    // Ruled: the vote closes with the last votes; their answers carry nothing confidential.
    checkWrite(
        Phase.OPEN,
        "heidi",
        "vote's answer",
        rest.postJson(
            "/engine-rest/task/" + taskOf(dispute, "ArbitrationVote", "heidi") + "/complete",
            "heidi",
            "{\"variables\": {\"vote\": {\"value\": \"UPHOLD\"}, \"voteRationale\": {\"value\":"
                + " \"rationale-"
                + nonce
                + "-heidi\"}}, \"withVariablesInReturn\": true}"));
    checkWrite(
        Phase.OPEN,
        "frank",
        "vote's answer",
        rest.postJson(
            "/engine-rest/task/" + taskOf(dispute, "ArbitrationVote", "frank") + "/complete",
            "frank",
            "{\"variables\": {\"vote\": {\"value\": \"UPHOLD\"}, \"voteRationale\": {\"value\":"
                + " \"rationale-"
                + nonce
                + "-frank\"}}, \"withVariablesInReturn\": true}"));
    driver.complete(id, "RecordRuling", "rulingText", "Delivery goes first");
    driver.runJobs(id);
    // The ratings' last answers: in Tasklist (the webapps' API) and over REST.
    WebappSession tasklist = WebappSession.login(port, "sam", "tasklist");
    checkWrite(
        Phase.OPEN,
        "sam",
        "rating's answer (webapps)",
        tasklist.postJson(
            "/task/" + taskOf(opportunity, "EvaluatePeers", "sam") + "/submit-form",
            "{\"variables\": {\"ratings\": {\"type\": \"Json\", \"value\": \"{\\\"alice\\\": 5,"
                + " \\\"bob\\\": 4, \\\"carol\\\": 4}\"}, \"comments\": {\"value\": \"ok\"}},"
                + " \"withVariablesInReturn\": true}"));
    checkWrite(
        Phase.OPEN,
        "carol",
        "rating's answer",
        rest.postJson(
            "/engine-rest/task/" + taskOf(opportunity, "EvaluatePeers", "carol") + "/complete",
            "carol",
            "{\"variables\": {\"ratings\": {\"type\": \"Json\", \"value\": \"{\\\"alice\\\": 5,"
                + " \\\"sam\\\": 3, \\\"bob\\\": 4}\"}}, \"withVariablesInReturn\": true}"));
    // The coordinator's rating of the team (360°), sealed like the peers'.
    checkWrite(
        Phase.OPEN,
        "erin",
        "coordinator rating's answer",
        rest.postJson(
            "/engine-rest/task/"
                + engine
                    .getTaskService()
                    .createTaskQuery()
                    .processInstanceId(opportunity.getId())
                    .taskDefinitionKey("RateTeamAsCoordinator")
                    .singleResult()
                    .getId()
                + "/complete",
            "erin",
            "{\"variables\": {\"ratings\": {\"type\": \"Json\", \"value\": \"{\\\"alice\\\": 5,"
                + " \\\"sam\\\": 2, \\\"bob\\\": 5, \\\"carol\\\": 4}\"}, \"comments\": {\"value\":"
                + " \"ok\"}}, \"withVariablesInReturn\": true}"));
    driver.runJobs(id);
    assertThat(driver.tasks(id, "ApproveIncentives")).hasSize(1);
    sweep(Phase.RULED);

    // The approval unseals the ratings; the approver, a committee member, may read them.
    checkWrite(
        Phase.APPROVED,
        "grace",
        "approval's answer",
        rest.postJson(
            "/engine-rest/task/" + driver.task(id, "ApproveIncentives").getId() + "/complete",
            "grace",
            "{\"variables\": {\"incentivesApproved\": {\"value\": true}},"
                + " \"withVariablesInReturn\": true}"));
    sweep(Phase.APPROVED);

    // The sweep can see a leak: oversight reads every value once decided.
    String audited = normalised(rest.get("/api/opportunities/" + id + "/story", "ivan").body());
    markers.forEach(
        (secret, texts) ->
            assertThat(texts.stream().anyMatch(audited::contains))
                .as("the auditor reads the decided %s in the story", secret)
                .isTrue());

    System.out.printf(
        "Confidentiality sweep: %d values x %d doors x %d callers x %d phases: %d probes,"
            + " %d leaks%n",
        markers.size(), doors.size(), CALLERS.size(), Phase.values().length, probes, leaks.size());
    assertThat(leaks).isEmpty();
  }

  private void deliverUntilEvaluationAndRaiseADispute() {
    id = newOpportunityId();
    opportunity = driver.deliverWorkedExampleUntilEvaluation(id);
    dispute = driver.raiseDispute(id, 2_000_000L);
  }

  // ------------------------------------------------------------------ the sweep

  private void sweep(Phase phase) {
    for (String caller : CALLERS) {
      readDoors(phase, caller);
      filterDoors(phase, caller);
    }
  }

  private void readDoors(Phase phase, String caller) {
    List<String> instances = List.of(opportunity.getId(), dispute.getId());
    for (String instance : instances) {
      read(phase, caller, "task list", "/engine-rest/task?processInstanceId=" + instance);
      for (String task : visibleTasks(caller, instance)) {
        read(phase, caller, "task variables", "/engine-rest/task/" + task + "/variables");
        read(
            phase, caller, "task local variables", "/engine-rest/task/" + task + "/localVariables");
        read(phase, caller, "form variables", "/engine-rest/task/" + task + "/form-variables");
        for (String name : List.of("vote", "votes", "peerRatings", "ratings", "rulings")) {
          read(
              phase,
              caller,
              "one task variable",
              "/engine-rest/task/" + task + "/variables/" + name);
        }
      }
      read(
          phase,
          caller,
          "instance variables",
          "/engine-rest/process-instance/" + instance + "/variables");
      read(
          phase,
          caller,
          "variable instances",
          "/engine-rest/variable-instance?processInstanceIdIn=" + instance);
      read(
          phase,
          caller,
          "history variables",
          "/engine-rest/history/variable-instance?processInstanceId=" + instance);
      read(
          phase,
          caller,
          "history details",
          "/engine-rest/history/detail?processInstanceId=" + instance);
      read(
          phase,
          caller,
          "history tasks",
          "/engine-rest/history/task?processInstanceId=" + instance);
      read(
          phase,
          caller,
          "operation log",
          "/engine-rest/history/user-operation?processInstanceId=" + instance);
      HttpResponse<String> executions =
          rest.get("/engine-rest/execution?processInstanceId=" + instance, caller);
      for (JsonNode execution : array(executions)) {
        read(
            phase,
            caller,
            "execution variables",
            "/engine-rest/execution/" + execution.path("id").asText() + "/localVariables");
      }
    }
    read(phase, caller, "story", "/api/opportunities/" + id + "/story");
    // With the tally known, who voted when would tell how: heidi's vote is in no story but
    // oversight's.
    String story = normalised(rest.get("/api/opportunities/" + id + "/story", caller).body());
    if (phase != Phase.OPEN && !OVERSIGHT.contains(caller) && story.contains("\"heidi\"")) {
      leaks.add(phase + " " + caller + " story: shows who voted (heidi)");
    }
    check(
        phase,
        caller,
        "story CSV",
        rest.get("/api/opportunities/" + id + "/story", caller, "text/csv"),
        false);
    WebappSession tasklist = webapps(caller);
    if (tasklist != null) {
      for (String instance : instances) {
        for (String task : visibleTasks(caller, instance)) {
          check(
              phase,
              caller,
              "form variables (webapps)",
              tasklist.get("/task/" + task + "/form-variables"),
              false);
          check(
              phase,
              caller,
              "task variables (webapps)",
              tasklist.get("/task/" + task + "/variables"),
              false);
        }
      }
    }
  }

  private void filterDoors(Phase phase, String caller) {
    Map<String, String> gets = new LinkedHashMap<>();
    gets.put("task count by vote", "/engine-rest/task/count?processVariables=vote_eq_REJECT");
    gets.put(
        "tasks by rationale",
        "/engine-rest/task?processVariables=" + like("voteRationale", "rationale"));
    gets.put(
        "task count by comment",
        "/engine-rest/task/count?processVariables=" + like("comments", "comment"));
    gets.put(
        "task count by rating",
        "/engine-rest/task/count?processVariables=" + like("ratings", "sam"));
    gets.put(
        "task count by gathered votes",
        "/engine-rest/task/count?processVariables=" + like("votes", "REJECT"));
    gets.put("task count by task variable", "/engine-rest/task/count?taskVariables=vote_eq_REJECT");
    gets.put(
        "history task count by vote",
        "/engine-rest/history/task/count?processVariables=vote_eq_REJECT");
    gets.put(
        "history tasks by gathered ratings",
        "/engine-rest/history/task?processVariables=" + like("peerRatings", "sam"));
    gets.put(
        "instance count by vote", "/engine-rest/process-instance/count?variables=vote_eq_REJECT");
    gets.put(
        "history instance count by gathered votes",
        "/engine-rest/history/process-instance/count?variables=" + like("votes", "rationale"));
    gets.put(
        "history instance count by gathered comments",
        "/engine-rest/history/process-instance/count?variables=" + like("peerComments", "comment"));
    gets.put(
        "execution count by vote", "/engine-rest/execution/count?processVariables=vote_eq_REJECT");
    gets.put("variable instances by name", "/engine-rest/variable-instance?variableName=vote");
    gets.put(
        "variable instances by name pattern",
        "/engine-rest/variable-instance?variableNameLike="
            + URLEncoder.encode("peerR%", StandardCharsets.UTF_8));
    gets.put(
        "task count by vote, any case",
        "/engine-rest/task/count?processVariables=VOTE_eq_REJECT&variableNamesIgnoreCase=true");
    gets.put(
        "variable instance count by value",
        "/engine-rest/variable-instance/count?variableValues=vote_eq_REJECT");
    gets.put(
        "history variables by name",
        "/engine-rest/history/variable-instance?variableName=voteRationale");
    for (Map.Entry<String, String> door : gets.entrySet()) {
      filter(phase, caller, door.getKey(), rest.get(door.getValue(), caller));
    }
    String byVote = "{\"name\": \"vote\", \"operator\": \"eq\", \"value\": \"REJECT\"}";
    filter(
        phase,
        caller,
        "task count, or-query by vote",
        rest.postJson(
            "/engine-rest/task/count",
            caller,
            "{\"orQueries\": [{\"processVariables\": [" + byVote + "]}]}"));
    filter(
        phase,
        caller,
        "tasks sorted by votes",
        rest.postJson(
            "/engine-rest/task",
            caller,
            "{\"sorting\": [{\"sortBy\": \"processVariable\", \"sortOrder\": \"asc\","
                + " \"parameters\": {\"variable\": \"votes\", \"type\": \"String\"}}]}"));
    String extending = "{\"processVariables\": [" + byVote + "]}";
    for (JsonNode filter : array(rest.get("/engine-rest/filter?resourceType=Task", caller))) {
      filter(
          phase,
          caller,
          "stored filter count by vote",
          rest.postJson(
              "/engine-rest/filter/" + filter.path("id").asText() + "/count", caller, extending));
      WebappSession tasklist = webapps(caller);
      if (tasklist != null) {
        filter(
            phase,
            caller,
            "stored filter list by vote (webapps)",
            tasklist.postJson("/filter/" + filter.path("id").asText() + "/list", extending));
      }
      break;
    }
    WebappSession tasklist = webapps(caller);
    if (tasklist != null) {
      filter(
          phase,
          caller,
          "task count by vote (webapps)",
          tasklist.get("/task/count?processVariables=vote_eq_REJECT"));
    }
  }

  // ------------------------------------------------------------------ checks

  private void read(Phase phase, String caller, String door, String path) {
    check(phase, caller, door, rest.get(path, caller), false);
  }

  /**
   * A filter door: refused (400) for everyone but oversight; for oversight, it finds nothing that
   * is not decided yet.
   */
  private void filter(Phase phase, String caller, String door, HttpResponse<String> response) {
    doors.add(door);
    probes++;
    if (!OVERSIGHT.contains(caller)) {
      // 400 names the confidential variable; the variable history answers 403 to all but its
      // readers.
      if (response.statusCode() != 400 && response.statusCode() != 403) {
        leaks.add(
            phase
                + " "
                + caller
                + " "
                + door
                + ": not refused, "
                + response.statusCode()
                + " "
                + response.body());
      }
      return;
    }
    check(phase, caller, door, response, true);
  }

  /** A door's answer must hold no value the caller may not read in this phase. */
  private void check(
      Phase phase, String caller, String door, HttpResponse<String> response, boolean filter) {
    doors.add(door);
    probes++;
    if (response.statusCode() >= 500) {
      leaks.add(phase + " " + caller + " " + door + ": " + response.statusCode());
      return;
    }
    if (response.statusCode() != 200) {
      return;
    }
    String body = normalised(response.body());
    for (Map.Entry<Secret, List<String>> secret : markers.entrySet()) {
      if (maySee(caller, secret.getKey(), phase)) {
        continue;
      }
      for (String marker : secret.getValue()) {
        if (body.contains(marker)) {
          leaks.add(phase + " " + caller + " " + door + ": " + secret.getKey() + " " + marker);
        }
      }
      if (filter && !door.contains("sorted") && found(body) && isFilterOn(door, secret.getKey())) {
        leaks.add(phase + " " + caller + " " + door + ": found " + body);
      }
    }
  }

  private static boolean isFilterOn(String door, Secret secret) {
    return switch (secret) {
      case VOTE -> door.contains("vote") && !door.contains("gathered");
      case RATIONALE -> door.contains("rationale") || door.contains("gathered votes");
      case RATING -> door.contains("rating");
      case RATING_COMMENT -> door.contains("comment");
    };
  }

  /** Whether a filter's answer found something: a count above 0 or a non-empty list. */
  private static boolean found(String body) {
    return body.startsWith("[{") || body.matches(".*\"count\":[1-9].*");
  }

  private static boolean maySee(String caller, Secret secret, Phase phase) {
    boolean decided = secret.ballot ? phase != Phase.OPEN : phase == Phase.APPROVED;
    return caller.equals(secret.givenBy) || decided && OVERSIGHT.contains(caller);
  }

  private void checkWrite(Phase phase, String caller, String door, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(door + ": " + response.body()).isLessThan(300);
    check(phase, caller, door, response, false);
  }

  // ------------------------------------------------------------------ helpers

  private final Map<String, WebappSession> sessions = new LinkedHashMap<>();

  /** The caller's Tasklist session; auditors and outsiders without Tasklist have none. */
  private WebappSession webapps(String caller) {
    return sessions.computeIfAbsent(
        caller,
        user -> {
          try {
            return WebappSession.login(port, user, "tasklist");
          } catch (IllegalStateException refused) {
            return null;
          }
        });
  }

  private List<String> visibleTasks(String caller, String instance) {
    List<String> ids = new ArrayList<>();
    for (JsonNode task :
        array(rest.get("/engine-rest/task?processInstanceId=" + instance, caller))) {
      ids.add(task.path("id").asText());
    }
    return ids;
  }

  private static Iterable<JsonNode> array(HttpResponse<String> response) {
    try {
      JsonNode tree = JSON.readTree(response.body());
      return tree.isArray() ? tree : List.of();
    } catch (Exception e) {
      return List.of();
    }
  }

  /** Json, escaped Json inside Json and CSV alike: no backslashes, no doubled quotes, no blanks. */
  private static String normalised(String body) {
    return body.replace("\\", "").replace("\"\"", "\"").replaceAll("\\s", "");
  }

  private String like(String variable, String prefix) {
    return variable + "_like_" + URLEncoder.encode("%" + prefix + "%", StandardCharsets.UTF_8);
  }

  private String taskOf(ProcessInstance instance, String key, String assignee) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(key)
        .taskAssignee(assignee)
        .singleResult()
        .getId();
  }

  private void vote(String member, String option, String rationale) {
    driver.complete(
        engine
            .getTaskService()
            .createTaskQuery()
            .taskId(taskOf(dispute, "ArbitrationVote", member))
            .singleResult(),
        "vote",
        option,
        "voteRationale",
        rationale);
  }

  private void rate(String member, String ratings, String comment) {
    Task evaluation =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskId(taskOf(opportunity, "EvaluatePeers", member))
            .singleResult();
    driver.complete(
        evaluation,
        "ratings",
        org.camunda.spin.plugin.variable.SpinValues.jsonValue(ratings).create(),
        "comments",
        comment);
  }
}
