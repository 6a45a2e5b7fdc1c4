package org.opencollab.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencollab.support.Mails.freePort;
import static org.opencollab.support.Mails.recipients;
import static org.opencollab.support.Mails.subject;
import static org.opencollab.support.OpportunityDriver.strategicAccount;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencollab.support.ChatPlatforms;
import org.opencollab.support.OpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each warning of a health check reaches people (docs/collaboration-health.md, "Who hears of a
 * warning"), against a real SMTP server (GreenMail) and a local server that plays WeCom and
 * DingTalk: the members of the department a warning is about and the executive sponsors of the
 * opportunities in its evidence get one mail each, in both languages, naming no code and linking
 * the health page; the department's chat group gets the warning too; a warning about a person mails
 * no department.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "camunda.bpm.process-engine-name=healthWarningTests",
      "collab.mail.retry-delay=PT1S",
      "collab.chat.retry-delay=PT1S",
      "collab.mail.base-url=https://collab.example.com/"
    })
@ActiveProfiles({"demo", "test"})
class HealthWarningNoticesTest {

  private static final int SMTP_PORT = freePort();
  private static final GreenMail SMTP =
      new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static final ChatPlatforms CHAT = ChatPlatforms.start(Clock.systemUTC());
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String WARNING = "Collaboration warning / 协作预警: ";

  @DynamicPropertySource
  static void mailAndChat(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("collab.chat.departments.tech.platform", () -> "dingtalk");
    registry.add(
        "collab.chat.departments.tech.webhook",
        () -> CHAT.webhook(ChatPlatforms.DINGTALK_PATH).toString());
    registry.add("collab.chat.departments.tech.secret", () -> ChatPlatforms.DINGTALK_SECRET);
    registry.add("collab.chat.departments.delivery.platform", () -> "wecom");
    registry.add(
        "collab.chat.departments.delivery.webhook",
        () -> CHAT.webhook(ChatPlatforms.WECOM_PATH).toString());
  }

  @Autowired ProcessEngine engine;

  @BeforeAll
  static void startMailServer() {
    SMTP.start();
  }

  @AfterAll
  static void stopServers() {
    SMTP.stop();
    CHAT.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachWarningMailsTheDepartmentAndTheSponsorsAndTellsTheDepartmentsChat() throws Exception {
    KnownHistory history = new KnownHistory(engine, "OPP-W" + System.nanoTime() % 100_000);
    history.build();
    String sponsored = history.id("F");
    taskForceWhoseDeliverySignsAfter100Hours(sponsored);

    ClockUtil.setCurrentTime(Date.from(KnownHistory.CHECK));
    ProcessInstance check =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(HealthCheckVariables.PROCESS_KEY, Map.of("periodDays", 90));
    runJobs(check);

    // DISPUTES_AGAINST TECH: both members of tech.
    for (String techMember : List.of("bob@opencollab.example", "tina@opencollab.example")) {
      MimeMessage mail = awaitWarning(techMember, "Many disputes against a department");
      assertThat(mail.getSubject())
          .isEqualTo(
              WARNING
                  + "Many disputes against a department / 部门被频繁提出争议 — Department / 部门 Technical / 技术部");
      assertThat(body(mail))
          .contains("The collaboration health check found a warning.")
          .contains("协作健康检查发现一项预警。")
          .contains("you are a member of Technical / 您是技术部的成员")
          .contains("3 or more disputes raised against the department in the period")
          .contains("https://collab.example.com/health")
          .doesNotContain("DISPUTES_AGAINST")
          .doesNotContain("disputesAgainst");
    }
    // SLOW_CLAIM DELIVERY: carol, its member, and frank, who sponsors F, whose sign-off is slowest.
    MimeMessage toCarol = awaitWarning("carol@opencollab.example", "Work waits to be picked up");
    assertThat(body(toCarol))
        .contains("you are a member of Delivery / 您是交付部的成员")
        .doesNotContain("for those who may read it");
    MimeMessage toFrank = awaitWarning("frank@opencollab.example", "Work waits to be picked up");
    assertThat(body(toFrank))
        .contains("you sponsor " + sponsored + " / 您是 " + sponsored + " 的执行发起人")
        .contains("Evidence / 依据: in the health report, for those who may read it")
        .doesNotContain("you are a member");
    assertThat(toFrank.getAllRecipients()).hasSize(1);

    // The chat groups of tech and delivery hear of their department's warning.
    await()
        .atMost(WAIT)
        .until(() -> CHAT.taken().stream().filter(m -> m.contains("协作预警")).count() >= 2);
    assertThat(CHAT.taken())
        .filteredOn(message -> message.contains("协作预警"))
        .anySatisfy(
            message ->
                assertThat(message)
                    .startsWith(
                        "dingtalk: " + WARNING + "Many disputes against a department / 部门被频繁提出争议")
                    .contains("https://collab.example.com/health"))
        .anySatisfy(
            message ->
                assertThat(message)
                    .startsWith("wecom: " + WARNING + "Work waits to be picked up / 任务认领迟缓")
                    .contains("https://collab.example.com/health"));

    // Once per warning and recipient; the free rider's warning names no department to mail, and
    // the opportunities it names have no sponsor.
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
    assertThat(warningsTo("carol@opencollab.example")).hasSize(1);
    assertThat(warningsTo("bob@opencollab.example")).hasSize(1);
    assertThat(warningsTo("frank@opencollab.example")).hasSize(1);
    assertThat(warningsTo("sam@opencollab.example")).isEmpty();
    assertThat(warningsTo("alice@opencollab.example")).isEmpty();
    assertThat(CHAT.taken().stream().filter(m -> m.contains("协作预警")).count()).isEqualTo(2);
  }

  /**
   * F, a task force that frank sponsors, its agreement signed by SALES and TECH at once and by
   * DELIVERY 100 hours later, on 10 May 2026.
   */
  private void taskForceWhoseDeliverySignsAfter100Hours(String id) {
    OpportunityDriver driver = new OpportunityDriver(engine);
    Instant now = Instant.parse("2026-05-10T08:00:00Z");
    ClockUtil.setCurrentTime(Date.from(now));
    driver.start(strategicAccount(id));
    driver.qualify(id);
    driver.formTaskForce(id);
    driver.complete(id, "DraftPressRelease", "pressRelease", "Metro riders see trains live");
    driver.completePressRelease(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    Task delivery = null;
    for (Task signOff : driver.tasks(id, "SignCollaborationAgreement")) {
      if ("DELIVERY".equals(engine.getTaskService().getVariable(signOff.getId(), "department"))) {
        delivery = signOff;
      } else {
        driver.complete(signOff, "agreementApproved", true);
      }
    }
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(100))));
    driver.complete(delivery, "agreementApproved", true);
  }

  private void runJobs(ProcessInstance check) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(check.getId())
              .messages()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private static MimeMessage awaitWarning(String to, String warningName) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                warningsTo(to).stream()
                    .filter(mail -> subject(mail).contains(warningName))
                    .findFirst()
                    .orElse(null),
            mail -> mail != null);
  }

  private static List<MimeMessage> warningsTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(mail -> recipients(mail).contains(address))
        .filter(mail -> subject(mail).startsWith(WARNING))
        .toList();
  }

  private static String body(MimeMessage mail) throws Exception {
    return (String) mail.getContent();
  }
}
