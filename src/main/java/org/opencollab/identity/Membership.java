package org.opencollab.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.opencollab.engine.WithoutAuthorization;

/**
 * Group membership as the rules and the committee need it. Inside an engine command it reads
 * without the current user's authorizations: a rule must see every member, whatever the completing
 * user may read.
 */
public final class Membership {

  private Membership() {}

  public static boolean isMember(IdentityService identity, String userId, String groupId) {
    return WithoutAuthorization.query(
        () -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  public static List<String> members(IdentityService identity, String groupId) {
    return WithoutAuthorization.query(
        () ->
            identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getId)
                .toList());
  }
}
