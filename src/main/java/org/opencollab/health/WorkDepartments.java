package org.opencollab.health;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.opencollab.identity.Department;
import org.opencollab.identity.RoleGroups;

/**
 * Whose work a health check counts, by department: a group's department, a person's (the first of
 * their department groups), a late task's (the department group it was offered to, else its
 * assignee's) and a timer's (its task's candidate group, else the assignee's role). What it looked
 * up once, a person or a timer of a model, it keeps for the rest of the check.
 */
final class WorkDepartments {

  private final ProcessEngineServices engine;
  private final HistoryService history;
  private final Map<String, Optional<String>> departmentOfUser = new HashMap<>();
  private final Map<String, Optional<String>> departmentOfTimer = new HashMap<>();

  WorkDepartments(ProcessEngineServices engine) {
    this.engine = engine;
    this.history = engine.getHistoryService();
  }

  /**
   * The department of a late task: the department group it was offered to (a sign-off, an input
   * report), else its assignee's department.
   */
  Optional<String> ofLateTask(String taskId) {
    for (HistoricIdentityLinkLog link :
        HistoryWindow.read(
            () ->
                history
                    .createHistoricIdentityLinkLogQuery()
                    .taskId(taskId)
                    .type(IdentityLinkType.CANDIDATE)
                    .operationType("add")
                    .list())) {
      Optional<String> department = of(link.getGroupId());
      if (department.isPresent()) {
        return department;
      }
    }
    HistoricTaskInstance task =
        HistoryWindow.read(
            () -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
    return task == null ? Optional.empty() : ofUser(task.getAssignee());
  }

  static Optional<String> of(String groupId) {
    return groupId != null && Department.isCode(groupId.toUpperCase(Locale.ROOT))
        ? Optional.of(groupId.toUpperCase(Locale.ROOT))
        : Optional.empty();
  }

  Optional<String> ofUser(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return departmentOfUser.computeIfAbsent(
        userId,
        user ->
            HistoryWindow.read(
                    () -> engine.getIdentityService().createGroupQuery().groupMember(user).list())
                .stream()
                .map(Group::getId)
                .map(WorkDepartments::of)
                .flatMap(Optional::stream)
                .min(Comparator.comparing(Department::valueOf)));
  }

  /** The department of the task a timer is attached to: its candidate group or its role. */
  Optional<String> ofTimer(HistoricActivityInstance timer) {
    return departmentOfTimer.computeIfAbsent(
        timer.getProcessDefinitionId() + "/" + timer.getActivityId(),
        key -> {
          var model =
              engine.getRepositoryService().getBpmnModelInstance(timer.getProcessDefinitionId());
          if (!(model.getModelElementById(timer.getActivityId()) instanceof BoundaryEvent event)
              || !(event.getAttachedTo() instanceof UserTask task)) {
            return Optional.empty();
          }
          return of(task);
        });
  }

  /** A user task's department: its candidate group's, or its assignee role's. */
  private static Optional<String> of(UserTask task) {
    if (task.getCamundaCandidateGroups() != null) {
      for (String group : task.getCamundaCandidateGroups().split(",")) {
        Optional<String> department = of(group.trim());
        if (department.isPresent()) {
          return department;
        }
      }
    }
    return RoleGroups.of(task.getCamundaAssignee()).flatMap(WorkDepartments::of);
  }
}
