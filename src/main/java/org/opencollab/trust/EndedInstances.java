package org.opencollab.trust;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * A process instance or execution that does not exist, or has ended, is not found (404): Camunda's
 * variable resources answer 500 for it ({@code GET /process-instance/{id}/variables}). Like {@link
 * HiddenTasks}, it looks only at failed answers, after the fact, and leaves the answer alone when
 * the lookup itself fails.
 */
public class EndedInstances implements ContainerResponseFilter {

  private static final Pattern INSTANCE_PATH =
      Pattern.compile("^/?(?:engine/([^/]+)/)?(process-instance|execution)/([^/]+)/.+$");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
      return;
    }
    Matcher path = INSTANCE_PATH.matcher(request.getUriInfo().getPath());
    if (!path.matches()) {
      return;
    }
    ProcessEngine engine =
        path.group(1) == null
            ? ProcessEngines.getDefaultProcessEngine()
            : ProcessEngines.getProcessEngine(path.group(1));
    if (engine == null) {
      return;
    }
    String id = path.group(3);
    try {
      boolean exists =
          ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
              .getCommandExecutorTxRequired()
              .execute(
                  context ->
                      context.runWithoutAuthorization(
                          () -> context.getExecutionManager().findExecutionById(id) != null));
      if (!exists) {
        String what = path.group(2).equals("execution") ? "execution" : "process instance";
        response.setStatus(Response.Status.NOT_FOUND.getStatusCode());
        response.setEntity(
            Map.of(
                "type",
                "InvalidRequestException",
                "message",
                "No " + what + " with id " + id + ": it does not exist or has ended"),
            new Annotation[0],
            MediaType.APPLICATION_JSON_TYPE);
      }
    } catch (RuntimeException lookupFailed) {
      // The database could not tell (an outage, say): the engine's own answer stands.
    }
  }
}
