package org.opencollab.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.opencollab.export.CsvExport;
import org.opencollab.identity.Groups;
import org.opencollab.identity.SignedInUser;
import org.opencollab.language.Language;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * <p>The caller signs in as for the webapps: HTTP Basic, or the session of Tasklist or Cockpit.
 * Auditors, coordinators, committee members, process owners and administrators read any
 * opportunity; a member of its team (the account, solution, delivery manager, the executive
 * sponsor, and every team member) reads it without the confidential values; anyone else gets 403,
 * an anonymous caller 401, an unknown opportunity 404.
 */
@RestController
@RequestMapping("/api/opportunities")
public class StoryController {

  static final Set<String> READ_ANY = Groups.OVERSIGHT;
  static final List<String> TEAM_ROLES =
      List.of("accountManager", "solutionManager", "deliveryManager", "executiveSponsor");

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
  private final SignedInUser signedIn;

  public StoryController(OpportunityStory stories, SignedInUser signedIn) {
    this.stories = stories;
    this.signedIn = signedIn;
  }

  /** Who asks, and for which opportunity; or the refusal to answer with. */
  private record Access(
      String user,
      HistoricProcessInstance opportunity,
      boolean everything,
      ResponseEntity<?> refusal) {}

  private Access access(String opportunityId, HttpServletRequest request) {
    String user = caller(request);
    if (user == null) {
      return new Access(null, null, false, signInFirst(request));
    }
    HistoricProcessInstance opportunity = stories.opportunity(opportunityId);
    if (opportunity == null) {
      return new Access(
          user,
          null,
          false,
          refusal(
              HttpStatus.NOT_FOUND,
              Language.say("no opportunity " + opportunityId, "没有商机 " + opportunityId)));
    }
    boolean everything = readsAny(user);
    if (!everything && !onTheTeam(user, opportunity)) {
      return new Access(
          user,
          opportunity,
          false,
          refusal(
              HttpStatus.FORBIDDEN,
              Language.say(
                  user + " may not read opportunity " + opportunityId + ": not on its team",
                  user + " 不能查看商机 " + opportunityId + "：不在其团队中")));
    }
    return new Access(user, opportunity, everything, null);
  }

  private static ResponseEntity<?> refusal(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", message));
  }

  private static ResponseEntity<?> signInFirst(HttpServletRequest request) {
    return SignedInUser.signInFirst(
        request, "sign in to read an opportunity's story", "请先登录再查看商机经过");
  }

  /** The opportunities the caller may read, newest first, found by id, customer or outcome. */
  @GetMapping
  public ResponseEntity<?> list(
      @RequestParam(required = false) String search, HttpServletRequest request) {
    String user = caller(request);
    if (user == null) {
      return signInFirst(request);
    }
    boolean everything = readsAny(user);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(stories.list(search, 200, opportunity -> everything || onTheTeam(user, opportunity)));
  }

  /**
   * The BPMN model of one of the opportunity's process instances (the opportunity or a dispute),
   * for the story page.
   */
  @GetMapping("/{opportunityId}/instances/{processInstanceId}/model")
  public ResponseEntity<?> model(
      @PathVariable String opportunityId,
      @PathVariable String processInstanceId,
      HttpServletRequest request)
      throws Exception {
    Access access = access(opportunityId, request);
    if (access.refusal() != null) {
      return access.refusal();
    }
    String definition =
        stories.definitionOf(opportunityId, access.opportunity(), processInstanceId);
    if (definition == null) {
      return refusal(
          HttpStatus.NOT_FOUND,
          Language.say(
              processInstanceId + " is not part of " + opportunityId,
              processInstanceId + " 不属于 " + opportunityId));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .body(stories.model(definition));
  }

  @GetMapping("/{opportunityId}/story")
  public ResponseEntity<?> story(@PathVariable String opportunityId, HttpServletRequest request)
      throws Exception {
    Access access = access(opportunityId, request);
    if (access.refusal() != null) {
      return access.refusal();
    }
    HistoricProcessInstance opportunity = access.opportunity();
    String user = access.user();
    boolean confidential = signedIn.inAnyOf(user, Groups.CONFIDENTIAL_READERS);
    String readAs =
        confidential
            ? "everything"
            : access.everything() ? "without confidential values" : "team member";
    ObjectNode story =
        stories.tell(opportunityId, opportunity, new StoryReader(user, confidential, readAs));
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

  private boolean readsAny(String user) {
    return signedIn.inAnyOf(user, READ_ANY);
  }

  private boolean onTheTeam(String user, HistoricProcessInstance opportunity) {
    for (String role : TEAM_ROLES) {
      if (user.equals(stories.variable(opportunity, role))) {
        return true;
      }
    }
    Object members = stories.variable(opportunity, "teamMemberIds");
    return members instanceof Collection<?> ids && ids.contains(user);
  }

  private String caller(HttpServletRequest request) {
    return signedIn.of(request);
  }
}
