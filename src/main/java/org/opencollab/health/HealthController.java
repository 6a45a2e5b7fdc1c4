package org.opencollab.health;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.opencollab.engine.WithoutAuthorization;
import org.opencollab.identity.Groups;
import org.opencollab.security.Refusal;
import org.opencollab.security.SignedInUser;
import org.opencollab.variables.JsonVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/collaboration-health/latest}: the report of the latest health check that has
 * assessed, with its process instance and when it was written. Oversight (auditors, coordinators,
 * the committee, process owners, administrators) reads it; anyone else signed in gets 403, an
 * anonymous caller 401 ({@link org.opencollab.security.ProductAccess}), and 404 before the first
 * check has run.
 */
@RestController
public class HealthController {

  private final ProcessEngine engine;

  public HealthController(ProcessEngine engine) {
    this.engine = engine;
  }

  @GetMapping("/api/collaboration-health/latest")
  public ResponseEntity<?> latest(SignedInUser user) {
    if (!user.inAnyOf(Groups.OVERSIGHT)) {
      return Refusal.of(
          HttpStatus.FORBIDDEN,
          user.id()
              + " may not read the health report: it is for auditors, coordinators, the"
              + " committee and process owners",
          user.id() + " 不能查看健康报告：它供审计员、协调员、委员会和流程负责人查看");
    }
    HistoricVariableInstance latest =
        WithoutAuthorization.query(
            () ->
                engine
                    .getHistoryService()
                    .createHistoricVariableInstanceQuery()
                    .processDefinitionKey(HealthCheckVariables.PROCESS_KEY)
                    .variableName(HealthCheckVariables.HEALTH_REPORT)
                    .orderByCreationTime()
                    .desc()
                    .listPage(0, 1)
                    .stream()
                    .findFirst()
                    .orElse(null));
    if (latest == null) {
      return Refusal.of(HttpStatus.NOT_FOUND, "no health check has assessed yet", "尚无健康检查完成评估");
    }
    var body = JsonVariables.object(latest.getValue());
    body.put("processInstanceId", latest.getProcessInstanceId());
    body.put("assessedAt", latest.getCreateTime().toInstant().toString());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
