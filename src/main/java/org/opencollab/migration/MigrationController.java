package org.opencollab.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.opencollab.identity.Groups;
import org.opencollab.rest.Refusals;
import org.opencollab.security.Refusal;
import org.opencollab.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/migrations/{processKey}} (docs/process-owners.md, "Move running opportunities to a
 * new version"): {@code GET} lists the running instances per version; {@code POST} plans the move
 * of one version's instances to the latest version and, unless {@code dryRun}, runs it as a Camunda
 * batch; {@code GET .../batches/{batchId}} says how far the batch is.
 *
 * <p>For process owners and administrators only: anyone else signed in gets 403, an anonymous
 * caller 401 ({@link org.opencollab.security.ProductAccess}), an unknown process 404, a bad body
 * 400 naming the field; each refusal is one WARN line.
 */
@RestController
@RequestMapping("/api/migrations")
public class MigrationController {

  static final Set<String> MOVERS = Set.of(Groups.PROCESS_OWNERS, Groups.CAMUNDA_ADMIN);
  private static final Logger LOG = LoggerFactory.getLogger(MigrationController.class);

  private final Migrations migrations;
  private final ObjectMapper json;

  public MigrationController(Migrations migrations, ObjectMapper json) {
    this.migrations = migrations;
    this.json = json;
  }

  @GetMapping("/{processKey}")
  public ResponseEntity<?> running(@PathVariable String processKey, SignedInUser user) {
    if (!user.inAnyOf(MOVERS)) {
      return forbidden(user);
    }
    Optional<List<Migrations.Version>> versions = migrations.running(processKey);
    if (versions.isEmpty()) {
      return unknownProcess(processKey);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processKey", processKey);
    body.put("latestVersion", versions.get().get(0).version());
    body.put("versions", versions.get());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @PostMapping(path = "/{processKey}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> migrate(
      @PathVariable String processKey,
      @RequestBody(required = false) String body,
      SignedInUser user) {
    if (!user.inAnyOf(MOVERS)) {
      return forbidden(user);
    }
    List<ProcessDefinition> definitions = migrations.definitions(processKey);
    if (definitions.isEmpty()) {
      return unknownProcess(processKey);
    }
    MigrationRequest request;
    try {
      request = MigrationRequest.parse(body, json);
    } catch (MigrationRequest.Invalid invalid) {
      return refuse(HttpStatus.BAD_REQUEST, invalid.getMessage(), invalid.chinese());
    }
    ProcessDefinition latest = definitions.get(0);
    ProcessDefinition from =
        definitions.stream()
            .filter(definition -> definition.getVersion() == request.fromVersion())
            .findFirst()
            .orElse(null);
    if (from == null || from == latest) {
      String versions = "1 to " + (latest.getVersion() - 1);
      return refuse(
          HttpStatus.BAD_REQUEST,
          "fromVersion: must be an older version of "
              + processKey
              + " than its latest, "
              + latest.getVersion()
              + " (one of "
              + versions
              + "), got "
              + request.fromVersion(),
          "fromVersion：必须是 "
              + processKey
              + " 早于最新版本 "
              + latest.getVersion()
              + " 的版本（"
              + versions.replace(" to ", " 至 ")
              + "），实际为 "
              + request.fromVersion());
    }
    String unknown = migrations.unknownStep(from, latest, request.mappings());
    if (unknown != null) {
      return refuse(
          HttpStatus.BAD_REQUEST,
          "mappings: "
              + unknown
              + " is not a step of version "
              + from.getVersion()
              + " or "
              + latest.getVersion()
              + " of "
              + processKey,
          "mappings："
              + unknown
              + " 不是 "
              + processKey
              + " 第 "
              + from.getVersion()
              + " 或第 "
              + latest.getVersion()
              + " 版的步骤");
    }
    MigrationProposal proposal =
        migrations.propose(
            processKey,
            from,
            latest,
            request.mappings(),
            request.dryRun(),
            user.id(),
            user.groups());
    if (proposal.batchId() != null) {
      LOG.info(
          "{} moves {} instances of {} from version {} to {}: batch {} ({} cannot move)",
          user.id(),
          proposal.movable().size(),
          processKey,
          proposal.fromVersion(),
          proposal.toVersion(),
          proposal.batchId(),
          proposal.refused().size());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(proposal);
  }

  /**
   * A body that is not declared JSON: refused before it is read, so a form on another site, which
   * can post {@code text/plain} with the browser's remembered credentials, moves nothing.
   */
  @PostMapping(path = "/{processKey}", consumes = "!" + MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> notJson(
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      SignedInUser user) {
    if (!user.inAnyOf(MOVERS)) {
      return forbidden(user);
    }
    String given = contentType == null ? "none" : contentType;
    return refuse(
        HttpStatus.BAD_REQUEST,
        "body: must be JSON, sent with Content-Type application/json, got " + given,
        "请求体：必须是 JSON，以 Content-Type application/json 发送，实际为 " + given);
  }

  @GetMapping("/{processKey}/batches/{batchId}")
  public ResponseEntity<?> progress(
      @PathVariable String processKey, @PathVariable String batchId, SignedInUser user) {
    if (!user.inAnyOf(MOVERS)) {
      return forbidden(user);
    }
    return migrations
        .progress(batchId)
        .<ResponseEntity<?>>map(
            progress -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(progress))
        .orElseGet(
            () ->
                refuse(
                    HttpStatus.NOT_FOUND, "No migration batch " + batchId, "没有迁移批处理 " + batchId));
  }

  private static ResponseEntity<ProblemDetail> forbidden(SignedInUser user) {
    return refuse(
        HttpStatus.FORBIDDEN,
        user.id()
            + " may not move running instances to another version: that is for process owners"
            + " and administrators",
        user.id() + " 不能把运行中的实例迁移到其他版本：这由流程负责人和管理员进行");
  }

  private static ResponseEntity<ProblemDetail> unknownProcess(String processKey) {
    return refuse(
        HttpStatus.NOT_FOUND,
        "No process " + processKey + " is deployed",
        "没有已部署的流程 " + processKey);
  }

  private static ResponseEntity<ProblemDetail> refuse(
      HttpStatus status, String english, String chinese) {
    LOG.warn("Refused: {} {}", status.value(), Refusals.logSafe(english));
    return Refusal.of(status, english, chinese);
  }
}
