package org.opencollab.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.identity.Groups;
import org.opencollab.support.OpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may preview a change, and what is refused (docs/process-owners.md, "Preview a rule change
 * against history"): process owners and administrators only (others 403, signed out 401); an
 * unknown decision is 404; a file that cannot be previewed is 400 with a message that names {@code
 * file} and the problem; and nothing is ever deployed.
 */
@ApplicationTest
class ImpactDoorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DAY = ImpactPreviewTest.TECH_DAY;
  private static final String EVALUATED_DAY = "2018-09-14";

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  ImpactRequests impact;
  long deployments;

  @BeforeEach
  void countDeployments() {
    impact = new ImpactRequests("http://localhost:" + port);
    deployments = engine.getRepositoryService().createDeploymentQuery().count();
  }

  @AfterEach
  void nothingDeployed() {
    assertThat(engine.getRepositoryService().createDeploymentQuery().count())
        .as("deployments")
        .isEqualTo(deployments);
  }

  @Test
  void processOwnersAndAdministratorsMayPreview() {
    assertThat(status(member("impactowner", Groups.PROCESS_OWNERS))).isEqualTo(200);
    assertThat(status(member("impactadmin", Groups.CAMUNDA_ADMIN))).isEqualTo(200);
  }

  /** A user in {@code group} alone, as {@code id:password}. */
  private String member(String id, String group) {
    IdentityService identity = engine.getIdentityService();
    String password = "Preview-" + id + "-2018!";
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
    return id + ":" + password;
  }

  @Test
  void othersAreRefused() throws Exception {
    for (String user : new String[] {"alice", "bob", "ivan", "erin", "frank"}) {
      HttpResponse<String> answer = preview(user, valid());
      assertThat(answer.statusCode()).as(user).isEqualTo(403);
      assertThat(message(answer)).contains(user, "process owners");
    }
    assertThat(preview(null, valid()).statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownDecisionIsNotFound() throws Exception {
    HttpResponse<String> answer = impact.preview("noSuchDecision", "olivia", valid(), DAY, DAY);
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(message(answer)).contains("noSuchDecision");
  }

  @Test
  void aFileThatIsNoDmnIsRefusedNamingTheFile() throws Exception {
    assertRefused(null, "file: give the edited .dmn file of techParticipation");
    assertRefused("not a model at all".getBytes(StandardCharsets.UTF_8), "file: is not a DMN file");
    assertRefused(
        ("<?xml version=\"1.0\"?><definitions"
                + " xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>")
            .getBytes(StandardCharsets.UTF_8),
        "file: is not a DMN file");
  }

  @Test
  void aTableTheEngineCannotParseIsRefused() throws Exception {
    // a column more than the rules have entries
    assertRefused(
        ImpactRequests.edited(
            "techParticipation",
            "<input id=\"Input_CustomerTier\"",
            "<input id=\"Input_Region\" label=\"Region\"><inputExpression id=\"Region\""
                + " typeRef=\"string\"><text>region</text></inputExpression></input>"
                + "<input id=\"Input_CustomerTier\""),
        "file: does not parse as a decision (DMN-02005");
  }

  @Test
  void aFileWithoutTheDecisionIsRefused() throws Exception {
    assertRefused(
        ImpactRequests.edited("incentivePolicy"),
        "file: has no decision with the id techParticipation");
    assertRefused(
        ImpactRequests.edited(
            "techParticipation",
            "<decisionTable id=\"DecisionTable_TechParticipation\" hitPolicy=\"FIRST\">",
            "<literalExpression id=\"Anything\"><text>\"NONE\"</text></literalExpression>"
                + "<decisionTable id=\"DecisionTable_TechParticipation\" hitPolicy=\"FIRST\">"),
        "file: ");
  }

  @Test
  void aFileWhoseInputsCannotBeEvaluatedIsRefused() throws Exception {
    // A column the engine never recorded a value for.
    assertRefused(
        ImpactRequests.edited(
            "techParticipation",
            "<input id=\"Input_CustomerTier\" label=\"Customer tier / 客户等级\"",
            "<input id=\"Input_Region\" label=\"Region\"",
            "<text>customerTier</text>",
            "<text>region</text>"),
        "file: input column \"Region\" (Input_Region) is not one the deployed techParticipation has");
    // A rule the engine cannot read, met by every recorded evaluation: one on a day of its own.
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDate.parse(EVALUATED_DAY)
                .atTime(9, 0)
                .atZone(ZoneId.systemDefault())
                .toInstant()));
    try {
      new OpportunityDriver(engine)
          .start(OpportunityDriver.smallDeal(OpportunityDriver.newOpportunityId()));
    } finally {
      ClockUtil.reset();
    }
    HttpResponse<String> answer =
        impact.preview(
            "techParticipation",
            "olivia",
            ImpactRequests.edited(
                "techParticipation",
                "<inputEntry id=\"Rule_Customization_Customization\"><text>true</text>",
                "<inputEntry id=\"Rule_Customization_Customization\"><text>true +</text>"),
            EVALUATED_DAY,
            EVALUATED_DAY);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(message(answer))
        .startsWith("file: cannot evaluate the inputs recorded in evaluation");
  }

  @Test
  void aBadDayIsRefusedNamingIt() throws Exception {
    HttpResponse<String> answer =
        impact.preview("techParticipation", "olivia", valid(), "12.09.2018", null);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(message(answer)).startsWith("from: must be a day written yyyy-MM-dd");
    answer = impact.preview("techParticipation", "olivia", valid(), "2018-09-12", "2018-09-11");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(message(answer)).startsWith("to: must not be before from");
  }

  private void assertRefused(byte[] file, String message) throws Exception {
    HttpResponse<String> answer = preview("olivia", file);
    assertThat(answer.statusCode()).as(message).isEqualTo(400);
    assertThat(message(answer)).startsWith(message);
  }

  private int status(String user) {
    return preview(user, valid()).statusCode();
  }

  private HttpResponse<String> preview(String user, byte[] file) {
    return impact.preview("techParticipation", user, file, DAY, DAY);
  }

  private static byte[] valid() {
    return ImpactPreviewTest.raisedThreshold();
  }

  private static String message(HttpResponse<String> answer) throws Exception {
    JsonNode body = JSON.readTree(answer.body());
    return body.get("message").asText();
  }
}
