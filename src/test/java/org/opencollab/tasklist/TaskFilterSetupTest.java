package org.opencollab.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.opencollab.support.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared Tasklist filters: there once, and each shows a person their own work. */
@ApplicationTest
class TaskFilterSetupTest {

  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired TaskFilterSetup taskFilterSetup;
  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @BeforeEach
  void deployProbe() {
    TestProcesses.deployOnce(repositoryService, "authorizationProbe");
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void filtersExistOnceAndASecondStartCreatesNone() {
    assertThat(filterService.createFilterQuery().list())
        .extracting(Filter::getName)
        .contains(
            "Assigned to me / 分配给我",
            "My department / 我的部门",
            "Overdue / 已逾期",
            "All tasks / 全部任务",
            "Disputes / 争议",
            "Follow-ups / 跟进");
    long filters = filterService.createFilterQuery().count();
    assertThat(taskFilterSetup.apply(filterService, taskService)).isZero();
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void eachPersonSeesTheirDepartmentsTasksAndTheirOwn() {
    Task salesTask = startProbeTask();

    assertThat(idsIn("My department / 我的部门", "alice", "sales")).contains(salesTask.getId());
    assertThat(idsIn("My department / 我的部门", "bob", "tech")).doesNotContain(salesTask.getId());
    assertThat(idsIn("Assigned to me / 分配给我", "alice", "sales")).doesNotContain(salesTask.getId());

    taskService.claim(salesTask.getId(), "alice");
    assertThat(idsIn("Assigned to me / 分配给我", "alice", "sales")).contains(salesTask.getId());
    assertThat(idsIn("My department / 我的部门", "sam", "sales")).contains(salesTask.getId());
  }

  @Test
  void overdueShowsOnlyTasksPastTheirDueDate() {
    Task late = startProbeTask();
    late.setDueDate(new Date(System.currentTimeMillis() - 60_000));
    taskService.saveTask(late);
    Task onTime = startProbeTask();

    List<String> overdue = idsIn("Overdue / 已逾期", "alice", "sales");
    assertThat(overdue).contains(late.getId()).doesNotContain(onTime.getId());
  }

  /**
   * A seeded filter still sorting as the product seeded it before (priority first) takes the new
   * sorting, earliest due first; one whose sorting someone changed in Tasklist keeps it.
   */
  @Test
  void aFilterSortedAsSeededBeforeIsResortedAndAnEditedSortingIsKept() {
    Filter disputes = filterService.createFilterQuery().filterName("Disputes / 争议").singleResult();
    Filter overdue = filterService.createFilterQuery().filterName("Overdue / 已逾期").singleResult();
    TaskQueryImpl seededBefore = disputes.getQuery();
    seededBefore.setOrderingProperties(
        new ArrayList<>(
            ((TaskQueryImpl)
                    taskService
                        .createTaskQuery()
                        .orderByTaskPriority()
                        .desc()
                        .orderByDueDate()
                        .asc())
                .getOrderingProperties()));
    filterService.saveFilter(disputes.setQuery(seededBefore));
    TaskQueryImpl edited = overdue.getQuery();
    List<QueryOrderingProperty> dueFirst = new ArrayList<>(edited.getOrderingProperties());
    edited.setOrderingProperties(
        new ArrayList<>(
            ((TaskQueryImpl) taskService.createTaskQuery().orderByTaskCreateTime().asc())
                .getOrderingProperties()));
    filterService.saveFilter(overdue.setQuery(edited));
    try {
      taskFilterSetup.apply(filterService, taskService);

      assertThat(sorting("Disputes / 争议")).containsExactly("DUE_DATE_ asc", "PRIORITY_ desc");
      assertThat(sorting("Overdue / 已逾期")).containsExactly("CREATE_TIME_ asc");
    } finally {
      Filter restored = filterService.getFilter(overdue.getId());
      TaskQueryImpl query = restored.getQuery();
      query.setOrderingProperties(dueFirst);
      filterService.saveFilter(restored.setQuery(query));
    }
  }

  @Test
  void theFollowUpsFilterOfAnEarlierVersionGetsTheLateStepsToo() {
    Filter followUps =
        filterService.createFilterQuery().filterName("Follow-ups / 跟进").singleResult();
    TaskQueryImpl now = followUps.getQuery();
    TaskQueryImpl seededBefore =
        (TaskQueryImpl)
            taskService
                .createTaskQuery()
                .taskDefinitionKey("FollowUpOverdueWork")
                .orderByTaskPriority()
                .desc()
                .orderByTaskCreateTime()
                .asc();
    filterService.saveFilter(followUps.setQuery(seededBefore));

    taskFilterSetup.apply(filterService, taskService);

    TaskQueryImpl widened =
        filterService.createFilterQuery().filterName("Follow-ups / 跟进").singleResult().getQuery();
    assertThat(widened.getKey()).isNull();
    assertThat(widened.getKeys()).containsExactly("FollowUpOverdueWork", "FollowUpLateStep");
    assertThat(sorting("Follow-ups / 跟进")).containsExactly("PRIORITY_ desc", "CREATE_TIME_ asc");
    assertThat(now.getKeys()).containsExactly("FollowUpOverdueWork", "FollowUpLateStep");
  }

  private List<String> sorting(String filterName) {
    TaskQueryImpl query =
        filterService.createFilterQuery().filterName(filterName).singleResult().getQuery();
    return query.getOrderingProperties().stream()
        .map(
            property ->
                property.getQueryProperty().getName() + " " + property.getDirection().getName())
        .toList();
  }

  /**
   * Tasklist's cards show the opportunity's id, customer and priority from the product ({@link
   * TaskColumns}): alice reads them for her task, a task that is not hers is left out, and no task
   * carries copies of them as its own variables.
   */
  @Test
  void theCardsShowTheOpportunitysIdCustomerAndPriorityFromTheProduct() throws Exception {
    String id = OpportunityDriver.newOpportunityId();
    new OpportunityDriver(engine).start(OpportunityDriver.keyAccount(id));
    Task qualify = new OpportunityDriver(engine).task(id, "QualifyOpportunity");
    Task probe = startProbeTask();
    Filter mine =
        filterService.createFilterQuery().filterName("Assigned to me / 分配给我").singleResult();
    assertThat(mine.getProperties()).doesNotContainKey("variables");
    assertThat(taskService.getVariablesLocal(qualify.getId())).isEmpty();

    RestClient rest = new RestClient("http://localhost:" + port);
    HttpResponse<String> columns =
        rest.get(
            "/api/tasks/columns?taskId=" + qualify.getId() + "&taskId=" + probe.getId(),
            "alice",
            "application/json");
    assertThat(columns.statusCode()).as(columns.body()).isEqualTo(200);
    JsonNode answer = new ObjectMapper().readTree(columns.body());
    assertThat(answer.path(qualify.getId()).path("opportunityId").asText()).isEqualTo(id);
    assertThat(answer.path(qualify.getId()).path("customerName").asText())
        .isEqualTo("Shanghai Metro / 上海地铁");
    assertThat(answer.path(qualify.getId()).path("priority").asText()).isEqualTo("B");
    assertThat(answer.has(probe.getId())).as("a task alice may not see").isFalse();

    HttpResponse<String> unknown =
        rest.get("/api/tasks/columns?taskId=no-such-task", "alice", "application/json");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).isEqualTo("{}");

    StringBuilder tooMany = new StringBuilder("/api/tasks/columns?taskId=" + qualify.getId());
    for (int more = 0; more < TaskColumns.MOST; more++) {
      tooMany.append("&taskId=t").append(more);
    }
    HttpResponse<String> refused = rest.get(tooMany.toString(), "alice", "application/json");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("taskId");
  }

  /** A filter that still lists the columns the product seeded until 2026-12 loses them. */
  @Test
  void aFilterWithTheFormerColumnsLosesThem() {
    Filter old =
        filterService
            .newTaskFilter("Former columns " + System.nanoTime())
            .setQuery(taskService.createTaskQuery())
            .setProperties(new HashMap<>(Map.of("variables", TaskFilterSetup.FORMER_COLUMNS)));
    filterService.saveFilter(old);
    Filter changed =
        filterService
            .newTaskFilter("Own columns " + System.nanoTime())
            .setQuery(taskService.createTaskQuery())
            .setProperties(
                new HashMap<>(
                    Map.of("variables", List.of(Map.of("name", "title", "label", "Title")))));
    filterService.saveFilter(changed);

    TaskFilterSetup.withoutFormerColumns(filterService, filterService.getFilter(old.getId()));
    TaskFilterSetup.withoutFormerColumns(filterService, filterService.getFilter(changed.getId()));

    assertThat(filterService.getFilter(old.getId()).getProperties()).doesNotContainKey("variables");
    assertThat(filterService.getFilter(changed.getId()).getProperties()).containsKey("variables");
  }

  private List<String> idsIn(String filterName, String userId, String groupId) {
    String filterId =
        filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    identityService.setAuthentication(userId, List.of(groupId));
    try {
      return filterService.<Task>list(filterId).stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task startProbeTask() {
    String instanceId = runtimeService.startProcessInstanceByKey("authorizationProbe").getId();
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
  }
}
