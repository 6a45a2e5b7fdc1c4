package org.opencollab.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refusal speaks the person's language: Chinese when the request's language is Chinese (the
 * cookie {@code collab.language}, else the first language of {@code Accept-Language}), English
 * otherwise; the field's label stays bilingual and the variable's name stays in the message, at
 * {@code /engine-rest}, in the webapps' API and in the product's own API alike.
 */
@ApplicationTest
class RefusalLanguageTest {

  private static final String NOT_QUALIFIED =
      "{\"variables\": {\"qualified\": {\"value\": false, \"type\": \"Boolean\"}}}";
  private static final String NOTES_LABEL =
      "Qualification notes (required when not qualified) / 资格说明（不合格时必填）";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private final HttpClient http = HttpClient.newHttpClient();
  private String taskId;

  @BeforeEach
  void setUp() {
    String id = newOpportunityId();
    new OpportunityDriver(engine).start(keyAccount(id));
    taskId = new OpportunityDriver(engine).task(id, "QualifyOpportunity").getId();
  }

  @Test
  void aChineseBrowserReadsTheRuleInChinese() {
    HttpResponse<String> answer =
        complete(NOT_QUALIFIED, "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body())
        .contains("\"message\":\"" + NOTES_LABEL + " — qualificationNotes: 必填\"")
        .contains("\"field\":\"qualificationNotes\"");
  }

  @Test
  void anyOtherBrowserReadsItInEnglish() {
    assertThat(complete(NOT_QUALIFIED).body())
        .contains("\"message\":\"" + NOTES_LABEL + " — qualificationNotes: is required\"");
    assertThat(complete(NOT_QUALIFIED, "Accept-Language", "en-US,zh-CN;q=0.5").body())
        .contains("qualificationNotes: is required");
    assertThat(complete(NOT_QUALIFIED, "Accept-Language", "de-DE").body())
        .contains("qualificationNotes: is required");
  }

  @Test
  void theChosenLanguageInItsCookieComesFirst() {
    assertThat(
            complete(NOT_QUALIFIED, "Cookie", "collab.language=zh-CN", "Accept-Language", "en-US")
                .body())
        .contains("qualificationNotes: 必填");
    assertThat(
            complete(NOT_QUALIFIED, "Cookie", "collab.language=en", "Accept-Language", "zh-CN")
                .body())
        .contains("qualificationNotes: is required");
  }

  @Test
  void eachRuleHasItsChinese() {
    String notABoolean =
        "{\"variables\": {\"qualified\": {\"value\": \"yes\", \"type\": \"String\"}}}";
    assertThat(complete(notABoolean, "Accept-Language", "zh-CN").body())
        .contains("qualified: 必须是 true 或 false，实际为 String yes");
    assertThat(complete(notABoolean).body())
        .contains("qualified: must be true or false, got String yes");

    String notAField =
        "{\"variables\": {\"qualified\": {\"value\": true, \"type\": \"Boolean\"},"
            + " \"stars\": {\"value\": 5, \"type\": \"Integer\"}}}";
    assertThat(complete(notAField, "Accept-Language", "zh").body())
        .contains("stars: 不是任务 QualifyOpportunity 的字段；只能填写其表单的字段：");

    HttpResponse<String> start =
        send(
            "POST",
            "/engine-rest/process-definition/key/opportunityToDelivery/start",
            "alice",
            startBody(newOpportunityId(), "-1"),
            "Accept-Language",
            "zh-CN");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(400);
    assertThat(start.body()).contains("estimatedValue: 必须在 0 到 1000000000000 之间，实际为 -1");

    HttpResponse<String> retries =
        send(
            "POST",
            "/engine-rest/job/retries",
            "olivia",
            "{\"retries\": -1, \"jobIds\": [\"no-such-job\"]}",
            "Accept-Language",
            "zh-CN");
    assertThat(retries.statusCode()).as(retries.body()).isEqualTo(400);
    assertThat(retries.body()).contains("retries: 不得小于 0，实际为 -1");
  }

  @Test
  void tasklistsDoorAnswersInThePersonsLanguage() {
    WebappSession tasklist = WebappSession.login(port, "alice", "tasklist");

    HttpResponse<String> chinese =
        tasklist.postJson(
            "/task/" + taskId + "/submit-form", NOT_QUALIFIED, "Accept-Language", "zh-CN");
    HttpResponse<String> english =
        tasklist.postJson("/task/" + taskId + "/submit-form", NOT_QUALIFIED);

    assertThat(chinese.statusCode()).as(chinese.body()).isEqualTo(400);
    assertThat(chinese.body())
        .contains("\"message\":\"" + NOTES_LABEL + " — qualificationNotes: 必填\"");
    assertThat(english.body()).contains("qualificationNotes: is required");
  }

  @Test
  void theProductsOwnApiAnswersInThePersonsLanguage() {
    HttpResponse<String> ledger =
        send("GET", "/api/ledger/departments", null, null, "Accept-Language", "zh-CN");
    assertThat(ledger.statusCode()).isEqualTo(401);
    assertThat(ledger.body()).contains("请先登录再查看台账");

    HttpResponse<String> story =
        send(
            "GET",
            "/api/opportunities/OPP-NO-SUCH/story",
            "alice",
            null,
            "Cookie",
            "collab.language=zh-CN");
    assertThat(story.statusCode()).isEqualTo(404);
    assertThat(story.body()).contains("没有商机 OPP-NO-SUCH");

    assertThat(send("GET", "/api/ledger/departments", null, null).body())
        .contains("sign in to read the ledger");
  }

  private HttpResponse<String> complete(String body, String... headers) {
    return send("POST", "/engine-rest/task/" + taskId + "/complete", "alice", body, headers);
  }

  private HttpResponse<String> send(
      String method, String path, String user, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String startBody(String id, String estimatedValue) {
    return """
        {"variables": {
          "opportunityId": {"value": "%s", "type": "String"},
          "customerName": {"value": "Shanghai Metro", "type": "String"},
          "title": {"value": "Passenger analytics", "type": "String"},
          "customerTier": {"value": "KEY", "type": "String"},
          "estimatedValue": {"value": %s, "type": "Long"},
          "technicalComplexity": {"value": "MEDIUM", "type": "String"},
          "customizationRequired": {"value": false, "type": "Boolean"},
          "newProduct": {"value": false, "type": "Boolean"},
          "source": {"value": "SALES", "type": "String"},
          "accountManager": {"value": "alice", "type": "String"}}}"""
        .formatted(id, estimatedValue);
  }
}
