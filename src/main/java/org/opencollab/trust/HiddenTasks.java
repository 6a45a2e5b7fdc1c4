package org.opencollab.trust;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A task that exists but that the caller may not see is forbidden (403), not "not found": Camunda's
 * REST resources look a task up with the caller's authorizations first and answer 404 or 400 when
 * they see nothing, so a member of another department would get a different answer at each door.
 * Applies to {@code /engine-rest/task/{id}/...} and the webapps' {@code
 * /engine/{name}/task/{id}/...}.
 */
public class HiddenTasks implements ContainerRequestFilter {

  private static final Pattern TASK_PATH =
      Pattern.compile("^/?(?:engine/([^/]+)/)?task/([^/]+)(?:/.*)?$");
  private static final Set<String> COLLECTION_PATHS = Set.of("count", "create", "report");

  @Override
  public void filter(ContainerRequestContext request) {
    Matcher path = TASK_PATH.matcher(request.getUriInfo().getPath());
    if (!path.matches() || COLLECTION_PATHS.contains(path.group(2))) {
      return;
    }
    ProcessEngine engine =
        path.group(1) == null
            ? ProcessEngines.getDefaultProcessEngine()
            : ProcessEngines.getProcessEngine(path.group(1));
    Authentication user =
        engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
    if (user == null) {
      return;
    }
    String taskId = path.group(2);
    if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
      return;
    }
    // Looked up after the caller's own query, so a task that ends meanwhile (the last vote of a
    // majority cancels the others) reads as ended, which the engine answers with 404, not as
    // hidden.
    boolean exists =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired()
            .execute(
                context ->
                    context.runWithoutAuthorization(
                        () -> context.getTaskManager().findTaskById(taskId) != null));
    if (exists) {
      request.abortWith(
          Response.status(Response.Status.FORBIDDEN)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Map.of(
                      "type",
                      "AuthorizationException",
                      "message",
                      user.getUserId() + " may not see or work task " + taskId))
              .build());
    }
  }
}
