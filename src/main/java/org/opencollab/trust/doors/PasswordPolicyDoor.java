package org.opencollab.trust.doors;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda refuses a password that breaks its policy with a bare engine exception (HTTP 500, no
 * field); this door refuses it first with 400 naming {@code password} and the rules it breaks.
 */
@Component
class PasswordPolicyDoor implements Door<SaveUserCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(SaveUserCmd.class);
  }

  @Override
  public Check guard(SaveUserCmd command, Caller caller) {
    User user = CommandFields.read(command, "user", User.class);
    boolean skipPolicy = CommandFields.read(command, "skipPasswordPolicy", Boolean.class);
    return context -> checkPasswordPolicy(context, user, skipPolicy);
  }

  private static void checkPasswordPolicy(CommandContext context, User user, boolean skipPolicy) {
    if (skipPolicy
        || !(user instanceof UserEntity entity)
        || !entity.hasNewPassword()
        || !context.getProcessEngineConfiguration().isEnablePasswordPolicy()) {
      return;
    }
    String password = CommandFields.read(entity, "newPassword", String.class);
    PasswordPolicyResult result =
        context
            .getProcessEngineConfiguration()
            .getIdentityService()
            .checkPasswordAgainstPolicy(password, user);
    if (!result.isValid()) {
      throw new BadUserRequestException(
          "password: does not meet the password policy: "
              + result.getViolatedRules().stream()
                  .map(rule -> rule.getPlaceholder() + " " + rule.getParameters())
                  .collect(Collectors.joining(", ")));
    }
  }
}
