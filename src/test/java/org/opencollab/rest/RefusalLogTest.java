package org.opencollab.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refused request is one WARN line that names the field, without a stack trace, and what the
 * caller wrote cannot start a line of its own; the engine no longer logs the refusal as an ERROR
 * ({@code ENGINE-16004}) with its stack.
 */
@ApplicationTest
class RefusalLogTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private RestClient rest;
  private String taskId;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    String id = newOpportunityId();
    new OpportunityDriver(engine).start(keyAccount(id));
    taskId = new OpportunityDriver(engine).task(id, "QualifyOpportunity").getId();
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void tearDown() {
    root.detachAppender(log);
  }

  @Test
  void aRefusedCompletionIsOneWarnLineNamingTheFieldWithoutAStack() {
    List<ILoggingEvent> logged =
        logged(
            () ->
                rest.postJson(
                    "/engine-rest/task/" + taskId + "/complete",
                    "alice",
                    "{\"variables\": {\"qualified\": {\"value\": \"yes\\nINJECTED ERROR line\","
                        + " \"type\": \"String\"}}}"),
            400);

    assertThat(logged).hasSize(1);
    ILoggingEvent refusal = logged.get(0);
    assertThat(refusal.getLevel()).isEqualTo(Level.WARN);
    assertThat(refusal.getThrowableProxy()).isNull();
    assertThat(refusal.getFormattedMessage())
        .startsWith("Refused POST /engine-rest/task/" + taskId + "/complete: qualified: ")
        .contains("yes\\nINJECTED ERROR line")
        .doesNotContain("\n")
        .doesNotContain("\r");
  }

  @Test
  void aForbiddenCallIsOneWarnLine() {
    List<ILoggingEvent> logged =
        logged(
            () ->
                rest.postJson(
                    "/engine-rest/task/" + taskId + "/comment/create",
                    "ivan",
                    "{\"message\": \"audited\"}"),
            403);

    assertThat(logged).singleElement().satisfies(this::isOneWarnLine);
    assertThat(logged.get(0).getFormattedMessage()).contains("ivan may not add comment");
  }

  @Test
  void aBodyOverItsLimitIsOneWarnLine() {
    List<ILoggingEvent> logged =
        logged(
            () ->
                rest.postJson(
                    "/engine-rest/task/" + taskId + "/comment/create",
                    "alice",
                    "{\"message\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}"),
            413);

    assertThat(logged).singleElement().satisfies(this::isOneWarnLine);
    assertThat(logged.get(0).getFormattedMessage()).contains("may be at most 2 MB");
  }

  @Test
  void logSafeKeepsUserTextOnOneLine() {
    assertThat(Refusals.logSafe("a\nb\r\nc\td\u001be\u2028f"))
        .isEqualTo("a\\nb\\r\\nc\\td\\u001be\\u2028f");
    assertThat(Refusals.logSafe("x".repeat(600))).hasSize(500 + "… (600 characters)".length());
    assertThat(Refusals.logSafe(null)).isEqualTo("null");
  }

  private void isOneWarnLine(ILoggingEvent event) {
    assertThat(event.getLevel()).isEqualTo(Level.WARN);
    assertThat(event.getLoggerName()).isEqualTo(Refusals.class.getName());
    assertThat(event.getThrowableProxy()).isNull();
    assertThat(event.getFormattedMessage()).doesNotContain("\n");
  }

  /** What was logged at WARN or above while {@code call} ran, which must answer {@code status}. */
  private List<ILoggingEvent> logged(Supplier<HttpResponse<String>> call, int status) {
    log.list.clear();
    HttpResponse<String> answer = call.get();
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return log.list.stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .toList();
  }
}
