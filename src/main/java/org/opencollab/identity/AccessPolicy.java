package org.opencollab.identity;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.AUTHORIZATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * Who may do what (docs/employees.md, "Who may do what"). Task work needs no grant here: Camunda
 * grants a task to its assignee and candidate groups when it is created, with {@code TASK_WORK}
 * (claim, complete), not {@code UPDATE} ({@code org.opencollab.trust.TrustPlugin}). Auditors get
 * read permissions only, so every change they try is refused (403 over REST).
 */
public final class AccessPolicy {

  public static final String OPPORTUNITY_PROCESS = "opportunityToDelivery";
  public static final String ARBITRATION_PROCESS = "collaborationArbitration";
  public static final String HEALTH_CHECK_PROCESS = "collaborationHealthCheck";

  /** One grant authorization: a group's permissions on one resource. */
  public record Grant(
      String groupId, Resource resource, String resourceId, List<Permission> permissions) {}

  private AccessPolicy() {}

  public static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    List<String> workers = new ArrayList<>(Groups.departmentGroupIds());
    workers.addAll(
        List.of(
            Groups.COORDINATORS, Groups.COMMITTEE, Groups.COMMITTEE_CHAIR, Groups.PROCESS_OWNERS));
    for (String group : workers) {
      grants.add(grant(group, APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(grant(group, USER, Authorization.ANY, Permissions.READ));
      grants.add(grant(group, GROUP, Authorization.ANY, Permissions.READ));
      grants.add(grant(group, FILTER, Authorization.ANY, Permissions.READ));
      // Tasklist shows a task's process name and diagram only to those who may read its definition.
      grants.add(
          grant(group, PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ));
      // The decisions are policy everyone works under: readable, evaluated only by the processes.
      grants.add(grant(group, DECISION_DEFINITION, Authorization.ANY, Permissions.READ));
    }

    for (String department : Groups.departmentGroupIds()) {
      grants.add(startProcess(department, ARBITRATION_PROCESS));
      grants.add(
          grant(
              department, PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE));
    }
    for (Department starter : List.of(Department.SALES, Department.MARKETING)) {
      grants.add(startProcess(starter.groupId(), OPPORTUNITY_PROCESS));
    }
    // Coordinators mediate, and may raise a dispute for any involved department
    // (docs/process-variables.md).
    grants.add(startProcess(Groups.COORDINATORS, ARBITRATION_PROCESS));
    // Coordinators and process owners run a collaboration health check by hand
    // (docs/collaboration-health.md).
    for (String group : List.of(Groups.COORDINATORS, Groups.PROCESS_OWNERS)) {
      grants.add(startProcess(group, HEALTH_CHECK_PROCESS));
      grants.add(
          grant(group, PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE));
    }

    // Coordinators follow up every department's work: they see every task and may reassign it,
    // delegate
    // it, add candidates, rename it and change its priority (TASK_ASSIGN), but work only their own.
    grants.add(
        grant(
            Groups.COORDINATORS,
            PROCESS_DEFINITION,
            Authorization.ANY,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.TASK_ASSIGN));
    // Process owners repair data: every change they make is in the user operation log.
    grants.add(
        grant(
            Groups.PROCESS_OWNERS,
            PROCESS_DEFINITION,
            Authorization.ANY,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.UPDATE_INSTANCE,
            ProcessDefinitionPermissions.UPDATE_TASK,
            ProcessDefinitionPermissions.TASK_ASSIGN,
            ProcessDefinitionPermissions.MIGRATE_INSTANCE));
    // Process owners move running instances to a changed model (docs/process-owners.md), as a
    // batch.
    grants.add(
        grant(
            Groups.PROCESS_OWNERS,
            BATCH,
            Authorization.ANY,
            BatchPermissions.READ,
            BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES));
    grants.add(
        grant(
            Groups.PROCESS_OWNERS,
            PROCESS_INSTANCE,
            Authorization.ANY,
            ProcessInstancePermissions.READ,
            ProcessInstancePermissions.UPDATE));
    grants.add(
        grant(
            Groups.PROCESS_OWNERS,
            TASK,
            Authorization.ANY,
            TaskPermissions.READ,
            TaskPermissions.UPDATE,
            TaskPermissions.TASK_ASSIGN));

    String auditors = Groups.AUDITORS;
    grants.add(grant(auditors, APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(grant(auditors, APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(
        grant(
            auditors,
            PROCESS_DEFINITION,
            Authorization.ANY,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
            ProcessDefinitionPermissions.READ_TASK_VARIABLE,
            ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_HISTORY_VARIABLE));
    grants.add(
        grant(auditors, PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ));
    grants.add(
        grant(
            auditors,
            TASK,
            Authorization.ANY,
            TaskPermissions.READ,
            TaskPermissions.READ_VARIABLE));
    grants.add(
        grant(
            auditors,
            HISTORIC_TASK,
            Authorization.ANY,
            HistoricTaskPermissions.READ,
            HistoricTaskPermissions.READ_VARIABLE));
    grants.add(
        grant(
            auditors,
            HISTORIC_PROCESS_INSTANCE,
            Authorization.ANY,
            HistoricProcessInstancePermissions.READ));
    grants.add(
        grant(
            auditors,
            DECISION_DEFINITION,
            Authorization.ANY,
            Permissions.READ,
            Permissions.READ_HISTORY));
    grants.add(
        grant(auditors, DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ));
    grants.add(grant(auditors, DEPLOYMENT, Authorization.ANY, Permissions.READ));
    grants.add(
        grant(
            auditors,
            OPERATION_LOG_CATEGORY,
            Authorization.ANY,
            UserOperationLogCategoryPermissions.READ));
    grants.add(grant(auditors, USER, Authorization.ANY, Permissions.READ));
    grants.add(grant(auditors, GROUP, Authorization.ANY, Permissions.READ));
    grants.add(grant(auditors, FILTER, Authorization.ANY, Permissions.READ));
    grants.add(grant(auditors, AUTHORIZATION, Authorization.ANY, Permissions.READ));

    // Camunda 7.24 no longer lets administrators bypass query checks: they see what their grants
    // allow.
    for (Resources resource : Resources.values()) {
      grants.add(grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL));
    }
    return List.copyOf(grants);
  }

  private static Grant startProcess(String groupId, String processKey) {
    return grant(
        groupId,
        PROCESS_DEFINITION,
        processKey,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
  }

  private static Grant grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    return new Grant(groupId, resource, resourceId, List.of(permissions));
  }
}
