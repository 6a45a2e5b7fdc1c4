package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The sweep of issue 7, on PostgreSQL: every mutating {@code /engine-rest} door that touches an
 * opportunity, its tasks, its model or its people, called by four callers. Anonymous gets 401, the
 * auditor 403, a member of another department 403, and nothing they sent changes anything; the
 * rightful user gets 2xx, or 403 where nobody but process owners (and, for hand-overs,
 * coordinators) may act. {@link StepSweepIT} sweeps the steps and their fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DoorSweepIT {

  private static final Set<Integer> OK = Set.of(200, 204);
  private static final Set<Integer> FORBIDDEN = Set.of(403);

  /**
   * One door: its method and path, its body, who may rightfully call it and what they get, and an
   * outsider.
   */
  record Door(
      String method,
      String path,
      String body,
      String rightful,
      Set<Integer> rightfulAnswer,
      String outsider) {
    Door(String method, String path, String body, String rightful, Set<Integer> rightfulAnswer) {
      this(method, path, body, rightful, rightfulAnswer, "dave");
    }
  }

  static final String SIGNED = "{\"variables\": {\"agreementApproved\": {\"value\": true}}}";
  static final String REVENUE = "{\"value\": 99999999}";
  static final String MODIFICATION =
      "{\"modifications\": {\"finalOutcome\": {\"value\": \"LOST\"}}}";

  static List<Door> doors() {
    return List.of(
        // the task doors: the SALES sign-off, which sales works and coordinators hand over
        new Door("POST", "/task/{task}/claim", "{\"userId\": \"{caller}\"}", "sam", OK),
        new Door("POST", "/task/{task}/unclaim", null, "erin", OK),
        new Door("POST", "/task/{task}/assignee", "{\"userId\": \"alice\"}", "erin", OK),
        new Door("POST", "/task/{task}/delegate", "{\"userId\": \"alice\"}", "erin", OK),
        new Door(
            "POST",
            "/task/{task}/identity-links",
            "{\"userId\": \"sam\", \"type\": \"candidate\"}",
            "erin",
            OK),
        new Door(
            "POST",
            "/task/{task}/identity-links/delete",
            "{\"groupId\": \"sales\", \"type\": \"candidate\"}",
            "erin",
            OK),
        new Door("PUT", "/task/{task}", "{\"name\": \"Sign it\", \"priority\": 80}", "erin", OK),
        new Door("POST", "/task/{task}/comment/create", "{\"message\": \"checked\"}", "sam", OK),
        new Door("POST", "/task/{task}/complete", SIGNED, "sam", OK),
        new Door("POST", "/task/{task}/submit-form", SIGNED, "sam", OK),
        new Door("POST", "/task/{task}/resolve", SIGNED, "sam", FORBIDDEN),
        new Door("POST", "/task/{task}/bpmnError", "{\"errorCode\": \"E\"}", "sam", FORBIDDEN),
        new Door(
            "POST", "/task/{task}/bpmnEscalation", "{\"escalationCode\": \"E\"}", "sam", FORBIDDEN),
        new Door("PUT", "/task/{task}/variables/realizedRevenue", REVENUE, "sam", FORBIDDEN),
        new Door("POST", "/task/{task}/variables", MODIFICATION, "sam", FORBIDDEN),
        new Door("DELETE", "/task/{task}/variables/departmentShares", null, "sam", FORBIDDEN),
        new Door(
            "PUT",
            "/task/{task}/localVariables/agreementApproved",
            "{\"value\": true}",
            "sam",
            FORBIDDEN),
        new Door("POST", "/task/{task}/localVariables", MODIFICATION, "sam", FORBIDDEN),
        new Door("DELETE", "/task/{task}/localVariables/department", null, "sam", FORBIDDEN),
        new Door("DELETE", "/task/{task}", null, "sam", FORBIDDEN),
        new Door(
            "POST",
            "/task/create",
            "{\"id\": \"standalone-{id}\", \"name\": \"Side work\"}",
            "sam",
            FORBIDDEN),
        // the opportunity's instance and executions: process owners repair, nobody else
        new Door(
            "PUT", "/process-instance/{pi}/variables/realizedRevenue", REVENUE, "alice", FORBIDDEN),
        new Door("POST", "/process-instance/{pi}/variables", MODIFICATION, "alice", FORBIDDEN),
        new Door(
            "DELETE",
            "/process-instance/{pi}/variables/departmentShares",
            null,
            "alice",
            FORBIDDEN),
        new Door(
            "POST",
            "/process-instance/{pi}/modification",
            "{\"instructions\": [{\"type\": \"startBeforeActivity\","
                + " \"activityId\": \"ApproveIncentives\"}]}",
            "alice",
            FORBIDDEN),
        new Door(
            "PUT", "/process-instance/{pi}/suspended", "{\"suspended\": true}", "alice", FORBIDDEN),
        new Door("DELETE", "/process-instance/{pi}", null, "alice", FORBIDDEN),
        new Door(
            "POST",
            "/process-instance/delete",
            "{\"processInstanceIds\": [\"{pi}\"]}",
            "alice",
            FORBIDDEN),
        new Door(
            "POST",
            "/process-instance/variables-async",
            "{\"processInstanceIds\": [\"{pi}\"],"
                + " \"variables\": {\"finalOutcome\": {\"value\": \"LOST\"}}}",
            "alice",
            FORBIDDEN),
        new Door("POST", "/execution/{pi}/localVariables", MODIFICATION, "alice", FORBIDDEN),
        new Door(
            "PUT",
            "/execution/{pi}/localVariables/finalOutcome",
            "{\"value\": \"LOST\"}",
            "alice",
            FORBIDDEN),
        new Door(
            "POST",
            "/migration/execute",
            "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"{def}\","
                + " \"targetProcessDefinitionId\": \"{def}\", \"instructions\": [], \"variables\": {\"finalOutcome\":"
                + " {\"value\": \"LOST\"}}}, \"processInstanceIds\": [\"{pi}\"]}",
            "alice",
            FORBIDDEN),
        new Door(
            "POST",
            "/signal",
            "{\"name\": \"AnySignal\", \"variables\": {\"finalOutcome\": {\"value\": \"LOST\"}}}",
            "alice",
            FORBIDDEN),
        new Door(
            "POST",
            "/message",
            "{\"messageName\": \"DisputeRuled\", \"businessKey\": \"{id}\", \"processVariables\":"
                + " {\"ruling\": {\"value\": \"{}\", \"type\": \"Json\"}}}",
            "alice",
            FORBIDDEN),
        // starting: sales (and marketing) start opportunities; an involved department raises
        // disputes
        new Door(
            "POST",
            "/process-definition/key/opportunityToDelivery/start",
            "{START}",
            "alice",
            OK,
            "bob"),
        new Door(
            "POST",
            "/process-definition/key/opportunityToDelivery/submit-form",
            "{START}",
            "sam",
            OK,
            "carol"),
        new Door(
            "POST",
            "/message",
            "{\"messageName\": \"OpportunityIdentified\", \"processVariables\": {START_VARIABLES}}",
            "alice",
            OK,
            "bob"),
        new Door(
            "POST",
            "/process-definition/{def}/restart",
            "{\"processInstanceIds\": [\"{pi}\"],"
                + " \"instructions\": [{\"type\": \"startAfterActivity\", \"activityId\": \"StartEvent_Identified\"}]}",
            "alice",
            FORBIDDEN),
        new Door(
            "PUT",
            "/process-definition/{def}/suspended",
            "{\"suspended\": true}",
            "alice",
            FORBIDDEN),
        new Door("DELETE", "/process-definition/{def}", null, "alice", FORBIDDEN),
        new Door(
            "POST",
            "/decision-definition/key/techParticipation/evaluate",
            "{\"variables\": {}}",
            "alice",
            FORBIDDEN),
        // the model, the people, the filters, the history
        new Door(
            "POST",
            "/filter/create",
            "{\"resourceType\": \"Task\", \"name\": \"Mine\", \"query\": {}}",
            "alice",
            FORBIDDEN),
        new Door(
            "POST",
            "/user/create",
            "{\"profile\": {\"id\": \"mallory\"}, \"credentials\": {\"password\": \"x\"}}",
            "alice",
            FORBIDDEN),
        new Door(
            "PUT",
            "/user/sam/profile",
            "{\"id\": \"sam\", \"firstName\": \"Mallory\"}",
            "sam",
            OK,
            "alice"),
        new Door(
            "POST",
            "/group/create",
            "{\"id\": \"cabal\", \"name\": \"Cabal\"}",
            "alice",
            FORBIDDEN),
        new Door("PUT", "/group/committee/members/alice", null, "alice", FORBIDDEN),
        new Door(
            "POST",
            "/authorization/create",
            "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"alice\","
                + " \"resourceType\": 8, \"resourceId\": \"*\"}",
            "alice",
            FORBIDDEN),
        new Door("DELETE", "/history/process-instance/{pi}", null, "alice", FORBIDDEN),
        new Door("POST", "/history/cleanup", null, "alice", FORBIDDEN));
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("door_sweep")
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private RestClient rest;
  private OpportunityDriver driver;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    driver = new OpportunityDriver(engine);
  }

  @Test
  void everyDoorRefusesTheWrongCallersAndChangesNothing() {
    List<String> failures = new ArrayList<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Door door : doors()) {
      Fixture fixture = fixture();
      for (String caller : new String[] {null, "ivan", door.outsider()}) {
        String before = fixture.state();
        HttpResponse<String> answer = call(door, fixture, caller);
        int expected = caller == null ? 401 : 403;
        counts.merge("refused", 1, Integer::sum);
        if (answer.statusCode() != expected) {
          failures.add(
              door.method()
                  + " "
                  + door.path()
                  + " as "
                  + caller
                  + ": expected "
                  + expected
                  + ", got "
                  + answer.statusCode()
                  + " "
                  + answer.body());
        }
        if (!before.equals(fixture.state())) {
          failures.add(
              door.method() + " " + door.path() + " as " + caller + " changed the opportunity");
        }
      }
      HttpResponse<String> rightful = call(door, fixture, door.rightful());
      counts.merge("rightful", 1, Integer::sum);
      if (!door.rightfulAnswer().contains(rightful.statusCode())) {
        failures.add(
            door.method()
                + " "
                + door.path()
                + " as "
                + door.rightful()
                + ": expected "
                + door.rightfulAnswer()
                + ", got "
                + rightful.statusCode()
                + " "
                + rightful.body());
      }
    }
    System.out.printf(
        "door sweep: %d endpoints x 4 callers (%d refused calls, %d rightful calls), %d failures%n",
        doors().size(), counts.get("refused"), counts.get("rightful"), failures.size());
    assertThat(failures).isEmpty();
  }

  private HttpResponse<String> call(Door door, Fixture fixture, String caller) {
    String startVariables = StepFieldsTest.startVariables(newOpportunityId());
    String body =
        door.body() == null
            ? null
            : fixture.fill(
                door.body()
                    .replace("{START}", "{\"variables\": {" + startVariables + "}}")
                    .replace("{START_VARIABLES}", "{" + startVariables + "}")
                    .replace("{caller}", String.valueOf(caller)));
    return rest.send(door.method(), "/engine-rest" + fixture.fill(door.path()), caller, body);
  }

  /**
   * A fresh opportunity waiting for its sign-offs: the SALES sign-off is the task of the task
   * doors.
   */
  private Fixture fixture() {
    String id = newOpportunityId();
    String instance = driver.start(keyAccount(id)).getId();
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    Task salesSignOff =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(id)
            .taskDefinitionKey("SignCollaborationAgreement")
            .taskCandidateGroup("sales")
            .singleResult();
    return new Fixture(id, instance, salesSignOff.getId(), salesSignOff.getProcessDefinitionId());
  }

  private final class Fixture {
    final String id;
    final String instance;
    final String task;
    final String definition;

    Fixture(String id, String instance, String task, String definition) {
      this.id = id;
      this.instance = instance;
      this.task = task;
      this.definition = definition;
    }

    String fill(String template) {
      return template
          .replace("{task}", task)
          .replace("{pi}", instance)
          .replace("{def}", definition)
          .replace("{id}", id);
    }

    /**
     * Everything a refused call must leave as it was: variables, tasks, their people, comments,
     * instances.
     */
    String state() {
      StringBuilder state = new StringBuilder();
      engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .processInstanceBusinessKey(id)
          .list()
          .forEach(
              instance ->
                  state
                      .append(instance.getId())
                      .append(instance.isSuspended())
                      .append(
                          new TreeMap<>(
                              engine.getRuntimeService().getVariables(instance.getId()))));
      for (Task open :
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceBusinessKey(id)
              .orderByTaskId()
              .asc()
              .list()) {
        state
            .append(open.getId())
            .append(open.getName())
            .append(open.getAssignee())
            .append(open.getOwner())
            .append(open.getPriority())
            .append(open.getDelegationState())
            .append(
                engine.getTaskService().getIdentityLinksForTask(open.getId()).stream()
                    .map(link -> link.getType() + link.getUserId() + link.getGroupId())
                    .sorted()
                    .toList())
            .append(engine.getTaskService().getTaskComments(open.getId()).size())
            .append(new TreeMap<>(engine.getTaskService().getVariablesLocal(open.getId())));
      }
      state.append(engine.getHistoryService().createHistoricProcessInstanceQuery().count());
      state.append(
          engine.getRepositoryService().createProcessDefinitionQuery().suspended().count());
      state.append(engine.getIdentityService().createUserQuery().userFirstName("Mallory").count());
      state.append(
          engine.getIdentityService().createUserQuery().memberOfGroup("committee").count());
      state.append(engine.getFilterService().createFilterQuery().count());
      state.append(engine.getTaskService().createTaskQuery().taskId("standalone-" + id).count());
      return state.toString();
    }
  }
}
