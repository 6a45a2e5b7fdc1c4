package org.opencollab.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencollab.support.Mails.freePort;
import static org.opencollab.support.Mails.subject;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;
import static org.opencollab.support.OpportunityDriver.strategicAccount;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.support.OpportunityDriver;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mail (docs/employees.md, "E-mail") against a real SMTP server in the test, GreenMail: new and
 * handed-over tasks, overdue reminders once, the at-risk sprint alert, and a mail server that is
 * down, which neither breaks the process nor loses the message. The engine has its own name, so it
 * does not take the place of the default engine that the REST API of a web test context serves.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "camunda.bpm.process-engine-name=mailTests",
      "collab.mail.retry-delay=PT1S",
      "collab.mail.base-url=https://collab.example.com/"
    })
@ActiveProfiles({"demo", "test"})
class MailNotificationsTest {

  private static final int SMTP_PORT = freePort();
  private static final GreenMail SMTP =
      new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static final Duration WAIT = Duration.ofSeconds(20);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired ProcessEngine engine;
  @Autowired OverdueMails overdueMails;
  OpportunityDriver driver;

  @BeforeAll
  static void startMailServer() {
    SMTP.start();
  }

  @AfterAll
  static void stopMailServer() {
    SMTP.stop();
  }

  @BeforeEach
  void emptyMailboxes() throws Exception {
    driver = new OpportunityDriver(engine);
    SMTP.purgeEmailFromAllMailboxes();
  }

  @Test
  void aNewTaskMailsItsAssigneeAndAGroupTaskItsMembers() throws Exception {
    String id = newOpportunityId();
    driver.start(keyAccount(id));
    Task qualify = driver.task(id, "QualifyOpportunity");

    MimeMessage toAlice = awaitMail("alice@opencollab.example", "Qualify opportunity");
    assertThat(toAlice.getSubject())
        .isEqualTo(
            "New task / 新任务: Qualify opportunity / 商机资格审核 — " + id + " Shanghai Metro / 上海地铁");
    String body = body(toAlice);
    assertThat(body)
        .contains("A task is waiting for you / 您有一项新任务")
        .contains("Title / 标题: Passenger analytics platform")
        .containsPattern("Due / 截止: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC")
        .contains(
            "https://collab.example.com/camunda/app/tasklist/default/#/?task=" + qualify.getId());

    driver.qualify(id);
    MimeMessage toCoordinators = awaitMail("erin@opencollab.example", "Form team");
    assertThat(toCoordinators.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("erin@opencollab.example");
    assertThat(mailsTo("alice@opencollab.example")).hasSize(1);
  }

  @Test
  void aTaskHandedToSomeoneMailsThemAndAClaimMailsNobody() throws Exception {
    String id = agreementDrafted(keyAccount(newOpportunityId()));
    Task sales = signOff(id, "sales");
    Task tech = signOff(id, "tech");
    awaitMail("tina@opencollab.example", "Sign collaboration agreement");

    engine.getTaskService().setAssignee(sales.getId(), "sam");
    MimeMessage toSam = awaitMail("sam@opencollab.example", "Task assigned to you");
    assertThat(toSam.getSubject()).contains("Sign collaboration agreement / 签署协作协议 — " + id);

    engine.getIdentityService().setAuthentication("bob", List.of("tech"));
    try {
      engine.getTaskService().claim(tech.getId(), "bob");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    engine.getTaskService().setAssignee(sales.getId(), "alice");
    awaitMail("alice@opencollab.example", "Task assigned to you");
    assertThat(mailsTo("bob@opencollab.example"))
        .extracting(MimeMessage::getSubject)
        .noneMatch(subject -> subject.startsWith("Task assigned"));
  }

  @Test
  void anOverdueTaskIsRemindedOnce() throws Exception {
    String id = newOpportunityId();
    driver.start(keyAccount(id));
    Task qualify = driver.task(id, "QualifyOpportunity");
    qualify.setDueDate(new Date(System.currentTimeMillis() - 60_000));
    engine.getTaskService().saveTask(qualify);

    assertThat(overdueMails.remind()).isPositive();
    MimeMessage reminder = awaitMail("alice@opencollab.example", "Task overdue");
    assertThat(reminder.getSubject()).contains("Qualify opportunity / 商机资格审核 — " + id);
    assertThat(body(reminder)).contains("past its due date");

    overdueMails.remind();
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(
            () ->
                mailsTo("alice@opencollab.example").stream()
                    .filter(mail -> subject(mail).startsWith("Task overdue"))
                    .filter(mail -> subject(mail).contains(id))
                    .count(),
            count -> count == 1);
  }

  @Test
  void aSprintAtRiskAlertsTheSponsorAndTheCoordinators() throws Exception {
    String id = newOpportunityId();
    driver.start(strategicAccount(id));
    driver.qualify(id);
    driver.formTaskForce(id);
    driver.complete(
        id, "DraftPressRelease", "pressRelease", "Metro riders see their train", "faq", "None");
    driver.completePressRelease(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}");
    driver.signAll(id);
    driver.complete(id, "ApproveBid", "bidApproved", true);
    driver.designAndOffer(id);
    driver.negotiate(id, "WON", "contractValue", 8_000_000L);
    driver.complete(id, "PlanDelivery", "sprintCount", 2);
    driver.complete(
        id, "ReviewSprint", "sprintStatus", "AT_RISK", "sprintNotes", "The data lake is late");

    MimeMessage toSponsor = awaitMail("frank@opencollab.example", "Sprint 1 AT_RISK");
    assertThat(toSponsor.getSubject()).contains(id);
    assertThat(body(toSponsor))
        .contains("Notes / 说明: The data lake is late")
        .contains("https://collab.example.com/opportunities/" + id);
    assertThat(toSponsor.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("erin@opencollab.example", "frank@opencollab.example");

    driver.complete(id, "ReviewSprint", "sprintStatus", "ON_TRACK", "sprintNotes", "Caught up");
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(
            () ->
                mailsTo("frank@opencollab.example").stream()
                    .filter(mail -> subject(mail).startsWith("Sprint"))
                    .count(),
            count -> count == 1);
  }

  @Test
  void aMailServerThatIsDownBreaksNothingAndTheMessageFollowsLater() throws Exception {
    String id = newOpportunityId();
    driver.start(keyAccount(id));
    awaitMail("alice@opencollab.example", "Qualify opportunity");

    ListAppender<ILoggingEvent> attempts = new ListAppender<>();
    Logger courier = (Logger) LoggerFactory.getLogger(Courier.class);
    attempts.start();
    courier.addAppender(attempts);
    SMTP.stop();
    try {
      driver.qualify(id);
      assertThat(driver.tasks(id, "FormTeam")).hasSize(1);
      // The outage itself: the first attempt meets the stopped server, the retry finds it back.
      await()
          .atMost(WAIT)
          .until(
              () ->
                  attempts.list.stream()
                      .anyMatch(
                          event ->
                              event.getFormattedMessage().contains("Form team")
                                  && event.getFormattedMessage().contains("failed (attempt 1")));
    } finally {
      SMTP.start();
      courier.detachAppender(attempts);
    }
    awaitMail("erin@opencollab.example", "Form team");
  }

  private String agreementDrafted(java.util.Map<String, Object> start) {
    String id = (String) start.get("opportunityId");
    driver.start(start);
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    return id;
  }

  private Task signOff(String id, String group) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(id)
        .taskDefinitionKey("SignCollaborationAgreement")
        .taskCandidateGroup(group)
        .singleResult();
  }

  private static MimeMessage awaitMail(String address, String subjectPart) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                mailsTo(address).stream()
                    .filter(mail -> subject(mail).contains(subjectPart))
                    .findFirst()
                    .orElse(null),
            mail -> mail != null);
  }

  /**
   * The messages addressed to {@code address}, each once (GreenMail keeps a copy per recipient).
   */
  private static List<MimeMessage> mailsTo(String address) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(
            mail -> {
              try {
                return seen.add(mail.getMessageID());
              } catch (jakarta.mail.MessagingException e) {
                return true;
              }
            })
        .filter(
            mail -> {
              try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equals(address));
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .toList();
  }

  /** The decoded text of a message. */
  private static String body(MimeMessage mail) throws Exception {
    return (String) mail.getContent();
  }
}
