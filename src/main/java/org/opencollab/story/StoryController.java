package org.opencollab.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.opencollab.export.CsvExport;
import org.opencollab.identity.Groups;
import org.opencollab.opportunity.OpportunityReaders;
import org.opencollab.security.Refusal;
import org.opencollab.security.SignedInUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/opportunities/{opportunityId}/story}: the opportunity's story as JSON, or with
 * {@code Accept: text/csv} one row per event ({@link CsvExport}: safe to open in a spreadsheet).
 *
 * <p>The caller signs in as for the webapps: HTTP Basic, or the session of Tasklist or Cockpit
 * ({@link org.opencollab.security.ProductAccess}, which answers an anonymous caller 401). Auditors,
 * coordinators, committee members, process owners and administrators read any opportunity; a member
 * of its team (the account, solution, delivery manager, the executive sponsor, and every team
 * member) reads it without the confidential values; anyone else gets 403, an unknown opportunity
 * 404.
 */
@RestController
@RequestMapping("/api/opportunities")
public class StoryController {

  static final Set<String> READ_ANY = Groups.OVERSIGHT;

  /**
   * The CSV's columns: machines read the first eight as always; {@code label} and {@code
   * labelledDetail} say the same for people, in both languages.
   */
  private static final List<String> EVENTS =
      List.of(
          "time",
          "process",
          "processInstanceId",
          "kind",
          "element",
          "name",
          "actor",
          "detail",
          "label",
          "labelledDetail");

  private final OpportunityStory stories;
  private final ProcessEngine engine;

  public StoryController(OpportunityStory stories, ProcessEngine engine) {
    this.stories = stories;
    this.engine = engine;
  }

  /** Which opportunity, and whether the user reads all of it; or the refusal to answer with. */
  private record Access(
      HistoricProcessInstance opportunity,
      boolean everything,
      ResponseEntity<ProblemDetail> refusal) {}

  private Access access(String opportunityId, SignedInUser user) {
    HistoricProcessInstance opportunity = stories.opportunity(opportunityId);
    if (opportunity == null) {
      return new Access(
          null,
          false,
          Refusal.of(
              HttpStatus.NOT_FOUND, "no opportunity " + opportunityId, "没有商机 " + opportunityId));
    }
    boolean everything = user.inAnyOf(READ_ANY);
    if (!everything && !onTheTeam(user.id(), opportunity)) {
      return new Access(
          opportunity,
          false,
          Refusal.of(
              HttpStatus.FORBIDDEN,
              user.id() + " may not read opportunity " + opportunityId + ": not on its team",
              user.id() + " 不能查看商机 " + opportunityId + "：不在其团队中"));
    }
    return new Access(opportunity, everything, null);
  }

  /** The opportunities the caller may read, newest first, found by id, customer or outcome. */
  @GetMapping
  public ResponseEntity<?> list(@RequestParam(required = false) String search, SignedInUser user) {
    boolean everything = user.inAnyOf(READ_ANY);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            stories.list(
                search, 200, opportunity -> everything || onTheTeam(user.id(), opportunity)));
  }

  /**
   * The BPMN model of one of the opportunity's process instances (the opportunity or a dispute),
   * for the story page.
   */
  @GetMapping("/{opportunityId}/instances/{processInstanceId}/model")
  public ResponseEntity<?> model(
      @PathVariable String opportunityId, @PathVariable String processInstanceId, SignedInUser user)
      throws Exception {
    Access access = access(opportunityId, user);
    if (access.refusal() != null) {
      return access.refusal();
    }
    String definition =
        stories.definitionOf(opportunityId, access.opportunity(), processInstanceId);
    if (definition == null) {
      return Refusal.of(
          HttpStatus.NOT_FOUND,
          processInstanceId + " is not part of " + opportunityId,
          processInstanceId + " 不属于 " + opportunityId);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .body(stories.model(definition));
  }

  @GetMapping("/{opportunityId}/story")
  public ResponseEntity<?> story(
      @PathVariable String opportunityId, SignedInUser user, HttpServletRequest request)
      throws Exception {
    Access access = access(opportunityId, user);
    if (access.refusal() != null) {
      return access.refusal();
    }
    HistoricProcessInstance opportunity = access.opportunity();
    boolean confidential = user.inAnyOf(Groups.CONFIDENTIAL_READERS);
    String readAs =
        confidential
            ? "everything"
            : access.everything() ? "without confidential values" : "team member";
    ObjectNode story =
        stories.tell(opportunityId, opportunity, new StoryReader(user.id(), confidential, readAs));
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && accept.contains("text/csv")) {
      return CsvExport.attachment(
          csv(story.path("events")), opportunityId.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(story);
  }

  static byte[] csv(JsonNode events) {
    return CsvExport.ofJson(EVENTS, events);
  }

  private boolean onTheTeam(String user, HistoricProcessInstance opportunity) {
    return OpportunityReaders.onTheTeam(engine, user, opportunity);
  }
}
