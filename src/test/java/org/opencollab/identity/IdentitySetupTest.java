package org.opencollab.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** docs/employees.md, "Who may do what": groups, demo users and authorizations, seeded once. */
@ApplicationTest
class IdentitySetupTest {

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentitySetup identitySetup;

  @Test
  void everyGroupOfTheSpecExists() {
    assertThat(identityService.createGroupQuery().list())
        .extracting(Group::getId)
        .contains(
            "sales",
            "tech",
            "marketing",
            "delivery",
            "operations",
            "coordinators",
            "committee",
            "auditors",
            "process-owners",
            "camunda-admin");
  }

  @Test
  void demoUsersBelongToTheirGroups() {
    assertThat(groupsOf("alice")).containsExactly("sales");
    assertThat(groupsOf("sam")).containsExactly("sales");
    assertThat(groupsOf("bob")).containsExactly("tech");
    assertThat(groupsOf("tina")).containsExactly("tech");
    assertThat(groupsOf("carol")).containsExactly("delivery");
    assertThat(groupsOf("dave")).containsExactly("marketing");
    assertThat(groupsOf("otto")).containsExactly("operations");
    assertThat(groupsOf("erin")).containsExactly("coordinators");
    assertThat(groupsOf("frank")).containsExactlyInAnyOrder("committee", "committee-chair");
    assertThat(groupsOf("grace")).containsExactly("committee");
    assertThat(groupsOf("heidi")).containsExactly("committee");
    assertThat(groupsOf("ivan")).containsExactly("auditors");
    assertThat(groupsOf("olivia")).containsExactlyInAnyOrder("process-owners", "camunda-admin");
    assertThat(identityService.checkPassword("alice", "demo")).isTrue();
  }

  @Test
  void aSecondStartChangesNothing() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long users = identityService.createUserQuery().count();

    assertThat(identitySetup.apply(identityService, authorizationService)).isZero();
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
  }

  @Test
  void whoMayStartWhich() {
    assertThat(mayStart("alice", "sales", AccessPolicy.OPPORTUNITY_PROCESS)).isTrue();
    assertThat(mayStart("dave", "marketing", AccessPolicy.OPPORTUNITY_PROCESS)).isTrue();
    assertThat(mayStart("bob", "tech", AccessPolicy.OPPORTUNITY_PROCESS)).isFalse();
    for (Department department : Department.values()) {
      assertThat(mayStart("someone", department.groupId(), AccessPolicy.ARBITRATION_PROCESS))
          .as(department.name())
          .isTrue();
    }
    assertThat(mayStart("erin", "coordinators", AccessPolicy.HEALTH_CHECK_PROCESS)).isTrue();
    assertThat(mayStart("olivia", "process-owners", AccessPolicy.HEALTH_CHECK_PROCESS)).isTrue();
    assertThat(mayStart("alice", "sales", AccessPolicy.HEALTH_CHECK_PROCESS)).isFalse();
    assertThat(mayStart("ivan", "auditors", AccessPolicy.OPPORTUNITY_PROCESS)).isFalse();
    assertThat(mayStart("ivan", "auditors", AccessPolicy.ARBITRATION_PROCESS)).isFalse();
  }

  @Test
  void auditorsReadEverythingAndChangeNothing() {
    List<String> auditors = List.of("auditors");
    assertThat(
            authorizationService.isUserAuthorized(
                "ivan",
                auditors,
                ProcessDefinitionPermissions.READ_HISTORY,
                Resources.PROCESS_DEFINITION,
                "opportunityToDelivery"))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "ivan", auditors, Permissions.READ, Resources.TASK, "any-task"))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "ivan", auditors, Permissions.UPDATE, Resources.TASK, "any-task"))
        .isFalse();
    assertThat(
            authorizationService.isUserAuthorized(
                "ivan",
                auditors,
                ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
                Resources.PROCESS_DEFINITION,
                "opportunityToDelivery"))
        .isFalse();
    assertThat(
            authorizationService.isUserAuthorized(
                "ivan", auditors, Permissions.CREATE, Resources.PROCESS_INSTANCE))
        .isFalse();
    assertThat(
            authorizationService.isUserAuthorized(
                "ivan", auditors, Permissions.CREATE, Resources.DEPLOYMENT))
        .isFalse();
  }

  private boolean mayStart(String user, String group, String processKey) {
    return authorizationService.isUserAuthorized(
            user, List.of(group), Permissions.CREATE, Resources.PROCESS_INSTANCE)
        && authorizationService.isUserAuthorized(
            user,
            List.of(group),
            ProcessDefinitionPermissions.CREATE_INSTANCE,
            Resources.PROCESS_DEFINITION,
            processKey);
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }
}
