package org.opencollab.trust;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
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
 *
 * <p>And a task that does not exist (or has ended) is a 404, never a 500, which some of Camunda's
 * task resources answer for a missing task ({@code GET .../variables}).
 *
 * <p>It looks only at those answers, after the fact: a call that succeeded, or failed otherwise, is
 * left alone and costs no query (docs/performance.md). A failed call changed nothing, so changing
 * its answer is safe.
 */
public class HiddenTasks implements ContainerResponseFilter {

  private static final Pattern TASK_PATH =
      Pattern.compile("^/?(?:engine/([^/]+)/)?task/([^/]+)(?:/.*)?$");
  private static final Set<String> COLLECTION_PATHS = Set.of("count", "create", "report");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status != Response.Status.NOT_FOUND.getStatusCode()
        && status != Response.Status.BAD_REQUEST.getStatusCode()
        && status != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
      return;
    }
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
    // Looked up after the caller's own query, so a task that ended meanwhile (the last vote of a
    // majority cancels the others) keeps the engine's 404: it is gone, not hidden.
    boolean exists =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired()
            .execute(
                context ->
                    context.runWithoutAuthorization(
                        () -> context.getTaskManager().findTaskById(taskId) != null));
    if (exists) {
      answer(
          response,
          Response.Status.FORBIDDEN,
          "AuthorizationException",
          user.getUserId() + " may not see or work task " + taskId);
    } else if (status == Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
      // Some of Camunda's task resources fail on a missing task with a NullValueException (500).
      answer(
          response,
          Response.Status.NOT_FOUND,
          "InvalidRequestException",
          "No task with id " + taskId + ": it does not exist or has ended");
    }
  }

  private static void answer(
      ContainerResponseContext response, Response.Status status, String type, String message) {
    response.setStatus(status.getStatusCode());
    response.setEntity(
        Map.of("type", type, "message", message),
        new Annotation[0],
        MediaType.APPLICATION_JSON_TYPE);
  }
}
