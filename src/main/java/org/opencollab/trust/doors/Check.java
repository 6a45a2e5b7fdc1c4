package org.opencollab.trust.doors;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * What a door checks inside a command's context, before the command runs: that its task exists,
 * that the caller may hand it on. A check refuses by throwing. A check may let the command run
 * without Camunda's own authorization check ({@link CommandContext#disableAuthorizationCheck()}),
 * for what Camunda cannot express; authorization is on again once the command has run.
 */
@FunctionalInterface
public interface Check {

  /** Nothing to check: the command runs as it came. */
  Check NONE = context -> {};

  void check(CommandContext context);
}
