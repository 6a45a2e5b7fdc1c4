package org.opencollab.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.config.EnginePlugins;
import org.opencollab.engine.DatabaseLock;
import org.opencollab.opportunity.OpportunityVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every employee starts with. Tasklist lists tasks only through
 * filters: without one, it shows nothing at all. The queries use Camunda's expressions for the
 * current user, so one filter serves everybody and shows each person their own work. Created when
 * missing (by name); a filter that a process owner has edited in Tasklist is left as it is. Work
 * sorts by due date, earliest first, so that overdue work is on top and work without a due date
 * comes last ({@link org.opencollab.engine.NullsLastOnH2} makes H2 sort as PostgreSQL does); then
 * by task priority (DMN {@code serviceLevels}: priority A first). A seeded filter that still sorts
 * as the product seeded it before (priority first, then due date) gets the new sorting; one whose
 * sorting someone changed keeps it.
 */
@Component
@Order(EnginePlugins.TASK_FILTER_SETUP)
public class TaskFilterSetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskFilterSetup.class);

  /**
   * A shared filter: its name in English and Chinese, what it shows, its place in the list, and the
   * sorting it had when the product seeded it before (null: unchanged), which a filter still
   * sorting so trades for the query's.
   */
  static final String FOLLOW_UPS = "Follow-ups / 跟进";

  record FilterSpec(
      String name, String description, int priority, TaskQuery query, TaskQuery formerSorting) {

    FilterSpec(String name, String description, int priority, TaskQuery query) {
      this(name, description, priority, query, null);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DatabaseLock.whileLocked(
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getDataSource(),
        DatabaseLock.SEEDING,
        () -> apply(processEngine.getFilterService(), processEngine.getTaskService()));
  }

  /**
   * @return the number of filters created
   */
  public int apply(FilterService filterService, TaskService taskService) {
    int created = 0;
    for (FilterSpec spec : specs(taskService)) {
      List<Filter> existing = filterService.createFilterQuery().filterName(spec.name()).list();
      if (existing.isEmpty()) {
        Filter filter =
            filterService
                .newTaskFilter(spec.name())
                .setQuery(spec.query())
                .setProperties(
                    Map.of(
                        "description",
                        spec.description(),
                        "priority",
                        spec.priority(),
                        "refresh",
                        true));
        filterService.saveFilter(filter);
        created++;
      }
      for (Filter filter : existing) {
        resort(filterService, filter, spec);
        widenFollowUps(filterService, filter, spec);
        withoutFormerColumns(filterService, filter);
      }
    }
    LOG.info("Tasklist filters in place ({} created)", created);
    return created;
  }

  /**
   * The follow-ups filter seeded before late steps had follow-ups showed overdue designs only: it
   * gets the late steps too, keeping its sorting. A filter someone changed otherwise is left.
   */
  private static void widenFollowUps(FilterService filterService, Filter filter, FilterSpec spec) {
    if (!FOLLOW_UPS.equals(spec.name())
        || !(filter.getQuery() instanceof TaskQueryImpl query)
        || !"FollowUpOverdueWork".equals(query.getKey())
        || query.getKeys() != null) {
      return;
    }
    TaskQueryImpl widened = (TaskQueryImpl) spec.query();
    widened.setOrderingProperties(new ArrayList<>(query.getOrderingProperties()));
    filterService.saveFilter(filter.setQuery(widened));
    LOG.info("Tasklist filter '{}' now shows late steps' follow-ups too", filter.getName());
  }

  /** Gives a filter the spec's sorting if it still sorts as the product seeded it before. */
  private static void resort(FilterService filterService, Filter filter, FilterSpec spec) {
    if (spec.formerSorting() == null
        || !(filter.getQuery() instanceof TaskQueryImpl query)
        || !sorting(query).equals(sorting(spec.formerSorting()))) {
      return;
    }
    query.setOrderingProperties(
        new ArrayList<>(((TaskQueryImpl) spec.query()).getOrderingProperties()));
    filterService.saveFilter(filter.setQuery(query));
    LOG.info("Tasklist filter '{}' now sorts by {}", filter.getName(), sorting(query));
  }

  private static List<String> sorting(TaskQuery query) {
    List<QueryOrderingProperty> ordering = ((TaskQueryImpl) query).getOrderingProperties();
    return ordering == null
        ? List.of()
        : ordering.stream()
            .map(
                property ->
                    property.getQueryProperty().getName() + " " + property.getDirection().getName())
            .toList();
  }

  /** Work first that is due first (overdue on top, no due date last), then the higher priority. */
  private static TaskQuery dueFirst(TaskQuery query) {
    return query.orderByDueDate().asc().orderByTaskPriority().desc();
  }

  /** How the work filters sorted until 2026-12. */
  private static TaskQuery priorityFirst(TaskService taskService) {
    return taskService.createTaskQuery().orderByTaskPriority().desc().orderByDueDate().asc();
  }

  /**
   * The columns the product's filters showed from task variables until 2026-12: the opportunity's
   * id, customer and priority, copied onto every task. The cards show them from the product now
   * ({@link TaskColumns}), so a filter that still lists exactly these loses them; one whose columns
   * someone changed keeps its own.
   */
  static final List<Map<String, String>> FORMER_COLUMNS =
      List.of(
          Map.of("name", OpportunityVariables.OPPORTUNITY_ID, "label", "Opportunity / 商机"),
          Map.of("name", OpportunityVariables.CUSTOMER_NAME, "label", "Customer / 客户"),
          Map.of("name", OpportunityVariables.PRIORITY, "label", "Priority / 优先级"));

  static void withoutFormerColumns(FilterService filterService, Filter filter) {
    if (filter.getProperties() == null
        || !FORMER_COLUMNS.equals(filter.getProperties().get("variables"))) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
    properties.remove("variables");
    filterService.saveFilter(filter.setProperties(properties));
    LOG.info("Tasklist filter '{}' shows its columns from the product now", filter.getName());
  }

  static List<FilterSpec> specs(TaskService taskService) {
    return List.of(
        new FilterSpec(
            "Assigned to me / 分配给我",
            "Tasks assigned to you",
            -20,
            dueFirst(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
            priorityFirst(taskService)),
        new FilterSpec(
            "My department / 我的部门",
            "Open tasks of your groups, claimed or not",
            -10,
            dueFirst(
                taskService
                    .createTaskQuery()
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks()),
            priorityFirst(taskService)),
        new FilterSpec(
            "Overdue / 已逾期",
            "Your tasks and your groups' tasks past their due date",
            0,
            dueFirst(
                taskService
                    .createTaskQuery()
                    .or()
                    .taskAssigneeExpression("${currentUser()}")
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .endOr()
                    .dueBeforeExpression("${now()}")),
            priorityFirst(taskService)),
        new FilterSpec(
            "All tasks / 全部任务",
            "Every task you are allowed to see",
            10,
            taskService.createTaskQuery().orderByTaskCreateTime().desc()),
        new FilterSpec(
            "Disputes / 争议",
            "Open tasks of disputes between departments: mediation, votes, rulings",
            20,
            dueFirst(
                taskService
                    .createTaskQuery()
                    .processDefinitionKey(ArbitrationVariables.PROCESS_KEY)),
            priorityFirst(taskService)),
        new FilterSpec(
            FOLLOW_UPS,
            "Late steps a coordinator follows up / 协调员跟进的超时步骤",
            30,
            taskService
                .createTaskQuery()
                .taskDefinitionKeyIn("FollowUpOverdueWork", "FollowUpLateStep")
                .orderByTaskPriority()
                .desc()
                .orderByTaskCreateTime()
                .asc()));
  }
}
