package org.opencollab.benchmark;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.opencollab.support.EmbeddedPostgresDatabase;

/**
 * Camunda 7 as it ships, for the benchmark's baseline: a second engine named {@code bare} with
 * Camunda's default settings and authorization on, on a PostgreSQL database of its own, which the
 * application's REST API serves at {@code /engine-rest/engine/bare} behind the same authentication.
 * Its process has 10 user tasks in a row for group {@code workers}; user {@code worker} (password
 * {@code demo}, not an administrator) may start it and read and work the group's tasks, the
 * authorizations a deployment gives such a group; {@code observer}, an administrator (group {@code
 * camunda-admin} with every permission, as Camunda's administrator setup grants), finds the next
 * task as the benchmark's clients do on the product.
 */
final class BareEngine {

  static final String NAME = "bare";
  static final String PROCESS = "bareTenTasks";
  static final String WORKER = "worker";
  static final String OBSERVER = "observer";

  private BareEngine() {}

  static ProcessEngine start(String database) {
    Map<String, String> datasource = EmbeddedPostgresDatabase.datasourceProperties(database);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration
        .setProcessEngineName(NAME)
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcUrl(datasource.get("spring.datasource.url"))
        .setJdbcUsername(datasource.get("spring.datasource.username"))
        .setJdbcPassword(datasource.get("spring.datasource.password"))
        .setDatabaseSchemaUpdate("true")
        .setAuthorizationEnabled(true);
    ProcessEngine engine = configuration.buildProcessEngine();

    IdentityService identity = engine.getIdentityService();
    user(identity, WORKER);
    user(identity, OBSERVER);
    group(identity, "workers");
    group(identity, "camunda-admin");
    identity.createMembership(WORKER, "workers");
    identity.createMembership(OBSERVER, "camunda-admin");
    AuthorizationService authorizations = engine.getAuthorizationService();
    grant(
        authorizations,
        "workers",
        Resources.PROCESS_DEFINITION,
        PROCESS,
        Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(
        authorizations,
        "workers",
        Resources.PROCESS_INSTANCE,
        Authorization.ANY,
        Permissions.CREATE);
    // The group's tasks: Camunda 7.24 creates no authorization for a candidate group by itself.
    grant(
        authorizations,
        "workers",
        Resources.TASK,
        Authorization.ANY,
        Permissions.READ,
        Permissions.TASK_WORK);
    // As Camunda's own administrator setup does: group camunda-admin may do everything.
    for (Resources resource : Resources.values()) {
      grant(authorizations, "camunda-admin", resource, Authorization.ANY, Permissions.ALL);
    }

    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(PROCESS + ".bpmn", model(PROCESS))
        .deploy();
    return engine;
  }

  /** 10 user tasks in a row, each for group {@code workers}. */
  static BpmnModelInstance model(String key) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).startEvent();
    for (int task = 1; task <= 10; task++) {
      flow = flow.userTask("Task" + task).name("Task " + task).camundaCandidateGroups("workers");
    }
    return flow.endEvent().done();
  }

  private static void user(IdentityService identity, String id) {
    User user = identity.newUser(id);
    user.setPassword("demo");
    identity.saveUser(user);
  }

  private static void group(IdentityService identity, String id) {
    Group group = identity.newGroup(id);
    identity.saveGroup(group);
  }

  private static void grant(
      AuthorizationService authorizations,
      String group,
      Resource resource,
      String id,
      Permission... permissions) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(id);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
