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
 * One answer per task at every door. A task that exists but that the caller may not see is
 * forbidden (403), with the same message at every door: Camunda's REST resources answer such a call
 * with 404, 400 or a 403 that names the missing permissions and the process definition, depending
 * on the door. A task that does not exist (or has ended) is not found (404): some of Camunda's task
 * resources answer 400 ({@code .../comment/create}) or 500 ({@code GET .../variables}) for it.
 * Applies to {@code /engine-rest/task/{id}/...} and the webapps' {@code
 * /engine/{name}/task/{id}/...}.
 *
 * <p>It looks only at failed answers, after the fact: a call that succeeded costs no query
 * (docs/performance.md). A failed call changed nothing, so changing its answer is safe; when the
 * lookup itself fails, the answer stays as it was.
 */
public class HiddenTasks implements ContainerResponseFilter {

  private static final Pattern TASK_PATH =
      Pattern.compile("^/?(?:engine/([^/]+)/)?task/([^/]+)(?:/.*)?$");
  private static final Set<String> COLLECTION_PATHS = Set.of("count", "create", "report");
  private static final Set<Integer> FAILURES = Set.of(400, 403, 404, 500);

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (!FAILURES.contains(status)) {
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
    try {
      if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
        return; // the caller sees the task: the answer stands
      }
      // Looked up after the caller's own query, so a task that ended meanwhile (the last vote of a
      // majority cancels the others) reads as ended, not as hidden.
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
      } else if (status != Response.Status.NOT_FOUND.getStatusCode()
          && status != Response.Status.FORBIDDEN.getStatusCode()) {
        // A 404 keeps its own message ("the voting has closed").
        answer(
            response,
            Response.Status.NOT_FOUND,
            "InvalidRequestException",
            "No task with id " + taskId + ": it does not exist or has ended");
      }
    } catch (RuntimeException lookupFailed) {
      // The database could not tell (an outage, say): the engine's own answer stands.
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
