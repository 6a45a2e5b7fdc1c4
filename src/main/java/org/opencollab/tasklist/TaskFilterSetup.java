package org.opencollab.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.opencollab.config.DatabaseLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every employee starts with. Tasklist lists tasks only through
 * filters: without one, it shows nothing at all. The queries use Camunda's expressions for the
 * current user, so one filter serves everybody and shows each person their own work. Created when
 * missing (by name); a filter that a process owner has edited in Tasklist is left as it is. Work
 * sorts by task priority (DMN {@code serviceLevels}: priority A first), then by due date.
 */
@Component
public class TaskFilterSetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskFilterSetup.class);

  /** A shared filter: its name in English and Chinese, what it shows, its place in the list. */
  record FilterSpec(String name, String description, int priority, TaskQuery query) {}

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
                        true,
                        "variables",
                        COLUMNS));
        filterService.saveFilter(filter);
        created++;
      }
      for (Filter filter : existing) {
        // A filter from before the columns gets them (a copy or a private filter of the same name
        // too). One whose columns someone removed in Tasklist keeps an empty list, left as it is.
        if (filter.getProperties() == null || !filter.getProperties().containsKey("variables")) {
          Map<String, Object> properties =
              new LinkedHashMap<>(
                  filter.getProperties() == null ? Map.of() : filter.getProperties());
          properties.put("variables", COLUMNS);
          filterService.saveFilter(filter.setProperties(properties));
        }
      }
    }
    LOG.info("Tasklist filters in place ({} created)", created);
    return created;
  }

  /**
   * The columns every filter shows beside Tasklist's own (assignee, due date, priority): variables
   * each task of an opportunity carries ({@link TaskNames}).
   */
  static final List<Map<String, String>> COLUMNS =
      List.of(
          Map.of("name", "opportunityId", "label", "Opportunity / 商机"),
          Map.of("name", "customerName", "label", "Customer / 客户"),
          Map.of("name", "priority", "label", "Priority / 优先级"));

  static List<FilterSpec> specs(TaskService taskService) {
    return List.of(
        new FilterSpec(
            "Assigned to me / 分配给我",
            "Tasks assigned to you",
            -20,
            taskService
                .createTaskQuery()
                .taskAssigneeExpression("${currentUser()}")
                .orderByTaskPriority()
                .desc()
                .orderByDueDate()
                .asc()),
        new FilterSpec(
            "My department / 我的部门",
            "Open tasks of your groups, claimed or not",
            -10,
            taskService
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByTaskPriority()
                .desc()
                .orderByDueDate()
                .asc()),
        new FilterSpec(
            "Overdue / 已逾期",
            "Your tasks and your groups' tasks past their due date",
            0,
            taskService
                .createTaskQuery()
                .or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr()
                .dueBeforeExpression("${now()}")
                .orderByTaskPriority()
                .desc()
                .orderByDueDate()
                .asc()),
        new FilterSpec(
            "All tasks / 全部任务",
            "Every task you are allowed to see",
            10,
            taskService.createTaskQuery().orderByTaskCreateTime().desc()),
        new FilterSpec(
            "Disputes / 争议",
            "Open tasks of disputes between departments: mediation, votes, rulings",
            20,
            taskService
                .createTaskQuery()
                .processDefinitionKey("collaborationArbitration")
                .orderByTaskPriority()
                .desc()
                .orderByDueDate()
                .asc()),
        new FilterSpec(
            "Follow-ups / 跟进",
            "Overdue work a coordinator follows up: remind or escalate",
            30,
            taskService
                .createTaskQuery()
                .taskDefinitionKey("FollowUpOverdueWork")
                .orderByTaskPriority()
                .desc()
                .orderByTaskCreateTime()
                .asc()));
  }
}
