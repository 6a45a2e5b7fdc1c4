package org.opencollab.waiting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.opencollab.identity.Groups;
import org.opencollab.period.DayPeriod;
import org.opencollab.rest.Refusals;
import org.opencollab.security.Refusal;
import org.opencollab.security.SignedInUser;
import org.opencollab.variables.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/processes/{processKey}/waiting-times?from=&to=} (docs/process-owners.md, "Reading
 * waiting times"): per step and per phase of the process, how long its tasks completed from {@code
 * from} to {@code to} (both days included, {@code yyyy-MM-dd}, server time; either may be left out)
 * waited to be claimed and were worked, and the slowest of them; and {@code GET
 * /api/processes/{processKey}/model}, the BPMN of its latest version, which the page draws.
 *
 * <p>Process owners, coordinators, auditors and administrators read them; anyone else signed in
 * gets 403, an anonymous caller 401 ({@link org.opencollab.security.ProductAccess}), a process key
 * that no deployed model has 404, and a day that is not one 400 naming the parameter.
 */
@RestController
@RequestMapping("/api/processes/{processKey}")
public class WaitingTimesController {

  static final Set<String> READERS =
      Set.of(Groups.PROCESS_OWNERS, Groups.COORDINATORS, Groups.AUDITORS, Groups.CAMUNDA_ADMIN);
  private static final Logger LOG = LoggerFactory.getLogger(WaitingTimesController.class);

  private final WaitingTimes waitingTimes;
  private final RepositoryService repository;

  public WaitingTimesController(WaitingTimes waitingTimes, RepositoryService repository) {
    this.waitingTimes = waitingTimes;
    this.repository = repository;
  }

  @GetMapping("/waiting-times")
  public ResponseEntity<?> waitingTimes(
      @PathVariable String processKey,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      SignedInUser user) {
    if (!user.inAnyOf(READERS)) {
      return refused(user);
    }
    ProcessDefinition latest = waitingTimes.latest(processKey);
    if (latest == null) {
      return unknown(processKey);
    }
    DayPeriod period;
    try {
      period = DayPeriod.of(from, to);
    } catch (InvalidFieldException invalid) {
      LOG.warn("Refused waiting times (400): {}", Refusals.logSafe(invalid.getMessage()));
      return Refusal.of(invalid);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            waitingTimes.of(
                latest,
                period.since(),
                period.until(),
                period.first() == null ? null : period.first().toString(),
                period.last() == null ? null : period.last().toString()));
  }

  @GetMapping("/model")
  public ResponseEntity<?> model(@PathVariable String processKey, SignedInUser user)
      throws IOException {
    if (!user.inAnyOf(READERS)) {
      return refused(user);
    }
    ProcessDefinition latest = waitingTimes.latest(processKey);
    if (latest == null) {
      return unknown(processKey);
    }
    try (InputStream xml = repository.getProcessModel(latest.getId())) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_XML)
          .body(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static ResponseEntity<?> refused(SignedInUser user) {
    LOG.warn("Refused waiting times (403): {} is not a reader", Refusals.logSafe(user.id()));
    return Refusal.of(
        HttpStatus.FORBIDDEN,
        user.id()
            + " may not read waiting times: they are for process owners, coordinators and"
            + " auditors",
        user.id() + " 不能查看等待时长：它供流程负责人、协调员和审计员查看");
  }

  private static ResponseEntity<?> unknown(String processKey) {
    LOG.warn("Refused waiting times (404): no process {}", Refusals.logSafe(processKey));
    return Refusal.of(
        HttpStatus.NOT_FOUND,
        "processKey: no process " + processKey + " is deployed",
        "processKey: 未部署流程 " + processKey);
  }
}
