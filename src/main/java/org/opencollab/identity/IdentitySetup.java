package org.opencollab.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opencollab.config.EnginePlugins;
import org.opencollab.engine.DatabaseLock;
import org.opencollab.engine.StartUpWork;
import org.opencollab.identity.AccessPolicy.Grant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the groups, authorizations and seed users exist before the engine serves anyone
 * (before the application takes requests, {@link StartUpWork}). It only adds what is missing: a
 * second start changes nothing, and a user who changed a password or an administrator who granted
 * more keeps it.
 */
@Component
@Order(EnginePlugins.IDENTITY_SETUP)
public class IdentitySetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final List<UserSeeds> userSeeds;
  private final StartUpWork startUpWork;

  public IdentitySetup(List<UserSeeds> userSeeds, StartUpWork startUpWork) {
    this.userSeeds = userSeeds;
    this.startUpWork = startUpWork;
  }

  /** In the application's start-up thread, before the models are deployed ({@link StartUpWork}). */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    startUpWork.submit(
        "seeding identities and authorizations",
        () ->
            DatabaseLock.whileLocked(
                ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                    .getDataSource(),
                DatabaseLock.SEEDING,
                () ->
                    apply(
                        processEngine.getIdentityService(),
                        processEngine.getAuthorizationService())));
  }

  /**
   * @return the number of groups, grants, users and memberships created or extended
   */
  public int apply(IdentityService identity, AuthorizationService authorizations) {
    int changes = 0;
    for (Groups.GroupSpec spec : Groups.all()) {
      if (identity.createGroupQuery().groupId(spec.id()).count() == 0) {
        Group group = identity.newGroup(spec.id());
        group.setName(spec.name());
        group.setType(spec.type());
        identity.saveGroup(group);
        changes++;
      }
    }
    for (Grant grant : AccessPolicy.grants()) {
      changes += ensure(authorizations, grant);
    }
    for (UserSeeds seeds : userSeeds) {
      for (SeedUser seed : seeds.users()) {
        changes += ensure(identity, seed);
      }
    }
    LOG.info("Identity and authorizations in place ({} created or extended)", changes);
    return changes;
  }

  private static int ensure(AuthorizationService authorizations, Grant grant) {
    List<Authorization> existing =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(grant.groupId())
            .resourceType(grant.resource())
            .resourceId(grant.resourceId())
            .list();
    Authorization authorization;
    if (existing.isEmpty()) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else {
      authorization = existing.get(0);
    }
    List<Permission> missing = new ArrayList<>();
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        missing.add(permission);
      }
    }
    if (missing.isEmpty()) {
      return 0;
    }
    missing.forEach(authorization::addPermission);
    authorizations.saveAuthorization(authorization);
    return 1;
  }

  private static int ensure(IdentityService identity, SeedUser seed) {
    int changes = 0;
    if (identity.createUserQuery().userId(seed.id()).count() == 0) {
      User user = identity.newUser(seed.id());
      user.setFirstName(seed.firstName());
      user.setLastName(seed.lastName());
      user.setEmail(seed.email());
      user.setPassword(seed.password());
      identity.saveUser(user);
      changes++;
    } else if (seed.email() != null) {
      User user = identity.createUserQuery().userId(seed.id()).singleResult();
      if (user.getEmail() == null || user.getEmail().isBlank()) {
        user.setEmail(seed.email());
        identity.saveUser(user);
        changes++;
      }
    }
    for (String groupId : seed.groupIds()) {
      if (identity.createUserQuery().userId(seed.id()).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(seed.id(), groupId);
        changes++;
      }
    }
    return changes;
  }
}
