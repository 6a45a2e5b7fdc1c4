package org.opencollab.impact;

import java.io.IOException;
import java.util.Set;
import org.opencollab.identity.Groups;
import org.opencollab.language.Language;
import org.opencollab.period.DayPeriod;
import org.opencollab.rest.Refusals;
import org.opencollab.security.Refusal;
import org.opencollab.security.SignedInUser;
import org.opencollab.variables.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/decisions/{decisionKey}/impact} (docs/process-owners.md, "Preview a rule change
 * against history"): multipart, {@code file} the edited {@code .dmn}, optional {@code from} and
 * {@code to} days ({@code yyyy-MM-dd}, server time, both included). Answers {@link ImpactReport}.
 *
 * <p>Process owners and administrators only: anyone else signed in gets 403, an anonymous caller
 * 401 ({@link org.opencollab.security.ProductAccess}). A decision that is not deployed is 404; a
 * file that cannot be previewed, or a bad day, is 400 naming the field. Each refusal is one WARN
 * line. Nothing is deployed.
 */
@RestController
public class ImpactController {

  /** Who may preview a change of policy: the people who may deploy one. */
  static final Set<String> PREVIEWERS = Set.of(Groups.PROCESS_OWNERS, Groups.CAMUNDA_ADMIN);

  private static final Logger LOG = LoggerFactory.getLogger(ImpactController.class);

  private final ImpactPreview preview;

  public ImpactController(ImpactPreview preview) {
    this.preview = preview;
  }

  @PostMapping(
      path = "/api/decisions/{decisionKey}/impact",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<?> impact(
      @PathVariable String decisionKey,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      SignedInUser user) {
    if (!user.inAnyOf(PREVIEWERS)) {
      return refused(
          HttpStatus.FORBIDDEN,
          user.id()
              + " may not preview a change of a decision: it is for process owners and"
              + " administrators",
          user.id() + " 不能预览决策的修改：它供流程负责人和管理员使用");
    }
    if (!preview.knows(decisionKey)) {
      return refused(
          HttpStatus.NOT_FOUND,
          "no decision " + decisionKey + " is deployed",
          "没有已部署的决策 " + decisionKey);
    }
    DayPeriod period;
    try {
      period = DayPeriod.of(from, to);
    } catch (InvalidFieldException invalid) {
      return refused(
          HttpStatus.BAD_REQUEST,
          invalid.message(Language.ENGLISH),
          invalid.message(Language.CHINESE));
    }
    if (file == null || file.isEmpty()) {
      return refused(
          HttpStatus.BAD_REQUEST,
          InvalidDecisionFile.FIELD + ": give the edited .dmn file of " + decisionKey,
          InvalidDecisionFile.FIELD + ": 请提供编辑后的 " + decisionKey + " .dmn 文件");
    }
    try {
      ImpactReport report =
          preview.preview(decisionKey, file.getBytes(), period.first(), period.last());
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    } catch (InvalidDecisionFile e) {
      return refused(HttpStatus.BAD_REQUEST, e.english(), e.chinese());
    } catch (IOException e) {
      return refused(
          HttpStatus.BAD_REQUEST,
          InvalidDecisionFile.FIELD + ": could not be read (" + Reasons.of(e) + ")",
          InvalidDecisionFile.FIELD + ": 无法读取（" + Reasons.of(e) + "）");
    }
  }

  private static ResponseEntity<ProblemDetail> refused(
      HttpStatus status, String english, String chinese) {
    LOG.warn("Refused an impact preview ({}): {}", status.value(), Refusals.logSafe(english));
    return Refusal.of(status, english, chinese);
  }
}
