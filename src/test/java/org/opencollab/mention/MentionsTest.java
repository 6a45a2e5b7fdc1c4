package org.opencollab.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.opencollab.support.Mails.freePort;
import static org.opencollab.support.Mails.recipients;
import static org.opencollab.support.Mails.subject;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.support.ChatPlatforms;
import org.opencollab.support.OpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * @-mentions in task comments and the departments' chat groups (docs/employees.md, "Mentions"),
 * against a real SMTP server (GreenMail) and a local server that plays DingTalk and WeCom, signing
 * checked: a mention of a team member mails them and tells their department's group, mentioning
 * them; a mention of someone who may not read the opportunity, or of nobody, is refused, the
 * comment is not saved and nobody hears of it; a task for a department's group is posted to its
 * chat group.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "camunda.bpm.process-engine-name=mentionTests",
      "collab.mail.retry-delay=PT1S",
      "collab.chat.retry-delay=PT1S"
    })
@ActiveProfiles({"demo", "test"})
class MentionsTest {

  private static final int SMTP_PORT = freePort();
  private static final GreenMail SMTP =
      new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static final ChatPlatforms CHAT = ChatPlatforms.start(Clock.systemUTC());
  private static final Duration WAIT = Duration.ofSeconds(20);

  @DynamicPropertySource
  static void mailAndChat(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("collab.chat.departments.tech.platform", () -> "dingtalk");
    registry.add(
        "collab.chat.departments.tech.webhook",
        () -> CHAT.webhook(ChatPlatforms.DINGTALK_PATH).toString());
    registry.add("collab.chat.departments.tech.secret", () -> ChatPlatforms.DINGTALK_SECRET);
    registry.add("collab.chat.departments.sales.platform", () -> "wecom");
    registry.add(
        "collab.chat.departments.sales.webhook",
        () -> CHAT.webhook(ChatPlatforms.WECOM_PATH).toString());
  }

  @Autowired ProcessEngine engine;
  OpportunityDriver driver;

  @BeforeAll
  static void startMailServer() {
    SMTP.start();
  }

  @AfterAll
  static void stopServers() {
    SMTP.stop();
    CHAT.close();
  }

  @BeforeEach
  void newDriver() {
    driver = new OpportunityDriver(engine);
  }

  @Test
  void aMentionOfATeamMemberMailsThemAndTellsTheirDepartmentsChat() throws Exception {
    String id = teamFormed();
    Task draft = driver.task(id, "DraftCollaborationAgreement");

    comment("erin", draft, "@bob are 30 % for tech enough? / 技术部 30% 够吗？");

    MimeMessage toBob = awaitMail("bob@opencollab.example", "Mentioned by erin");
    assertThat(toBob.getSubject()).contains("erin 提到了您").contains(id);
    assertThat((String) toBob.getContent())
        .contains("@bob are 30 % for tech enough?")
        .contains("/camunda/app/tasklist/default/#/?task=" + draft.getId());
    await()
        .atMost(WAIT)
        .until(() -> CHAT.taken().stream().anyMatch(message -> message.contains("mentioned you")));
    assertThat(CHAT.taken())
        .filteredOn(message -> message.contains("mentioned you"))
        .singleElement()
        .satisfies(
            message ->
                assertThat(message)
                    .startsWith("dingtalk: @bob erin mentioned you in a comment / erin 在评论中提到了您")
                    .contains("/camunda/app/tasklist/default/#/?task=" + draft.getId())
                    .doesNotContain("30 %")
                    .endsWith("[bob]"));
    assertThat(engine.getTaskService().getTaskComments(draft.getId())).hasSize(1);
  }

  @Test
  void aMentionOfSomeoneWhoMayNotReadTheOpportunityIsRefusedAndTellsNobody() {
    String id = teamFormed();
    Task draft = driver.task(id, "DraftCollaborationAgreement");
    long mentionsBefore = chatMentions();

    assertThatThrownBy(() -> comment("erin", draft, "@bob and @otto, please agree"))
        .hasMessageStartingWith("message: @otto may not read opportunity " + id);
    assertThatThrownBy(() -> comment("erin", draft, "@zoe please agree"))
        .hasMessageStartingWith("message: @zoe is no user of this application");

    assertThat(engine.getTaskService().getTaskComments(draft.getId())).isEmpty();
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(
            () ->
                Arrays.stream(SMTP.getReceivedMessages())
                    .noneMatch(
                        mail ->
                            subject(mail).startsWith("Mentioned") && subject(mail).contains(id)));
    assertThat(chatMentions()).isEqualTo(mentionsBefore);
  }

  @Test
  void anEditedCommentMentionsOnlyReadersAndTellsOnlyThoseNewlyMentioned() throws Exception {
    String id = teamFormed();
    Task draft = driver.task(id, "DraftCollaborationAgreement");
    comment("erin", draft, "@carol when can delivery start?");
    awaitMail("carol@opencollab.example", "Mentioned by erin");
    String commentId = engine.getTaskService().getTaskComments(draft.getId()).get(0).getId();

    assertThatThrownBy(() -> edit("erin", draft, commentId, "@carol and @otto, when?"))
        .hasMessageStartingWith("message: @otto may not read opportunity " + id);
    edit("erin", draft, commentId, "@carol and @sam, when can delivery start?");

    awaitMail("sam@opencollab.example", "Mentioned by erin");
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(
            () ->
                mailsTo("carol@opencollab.example").stream()
                    .filter(
                        mail -> subject(mail).startsWith("Mentioned") && subject(mail).contains(id))
                    .count(),
            count -> count == 1);
    assertThat(engine.getTaskService().getTaskComment(draft.getId(), commentId).getFullMessage())
        .isEqualTo("@carol and @sam, when can delivery start?");
  }

  @Test
  void anEMailAddressOrOneselfIsNoMention() {
    assertThat(Mentions.in("write to bob@opencollab.example, @erin and @tina."))
        .containsExactly("erin", "tina");
    String id = teamFormed();
    Task draft = driver.task(id, "DraftCollaborationAgreement");

    comment("erin", draft, "@erin notes to self, mail otto@opencollab.example later");

    assertThat(engine.getTaskService().getTaskComments(draft.getId())).hasSize(1);
  }

  @Test
  void aTaskForADepartmentIsPostedToItsChatGroup() {
    String id = teamFormed();
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}");

    await()
        .atMost(WAIT)
        .until(
            () ->
                CHAT.taken().stream()
                        .filter(message -> message.contains("Sign collaboration agreement"))
                        .filter(message -> message.contains(id))
                        .count()
                    == 2);
    assertThat(CHAT.taken())
        .filteredOn(message -> message.contains(id) && message.contains("Sign collaboration"))
        .anySatisfy(
            message -> assertThat(message).startsWith("dingtalk: New task / 新任务 (Technical / 技术部)"))
        .anySatisfy(
            message -> assertThat(message).startsWith("wecom: New task / 新任务 (Sales / 销售部)"));
    assertThat(CHAT.refused()).isEmpty();
  }

  private String teamFormed() {
    String id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    return id;
  }

  private void comment(String user, Task task, String message) {
    engine.getIdentityService().setAuthentication(user, List.of("coordinators"));
    try {
      engine.getTaskService().createComment(task.getId(), task.getProcessInstanceId(), message);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void edit(String user, Task task, String commentId, String message) {
    engine.getIdentityService().setAuthentication(user, List.of("coordinators"));
    try {
      engine.getTaskService().updateTaskComment(task.getId(), commentId, message);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static long chatMentions() {
    return CHAT.taken().stream().filter(message -> message.contains("mentioned you")).count();
  }

  private static MimeMessage awaitMail(String to, String subjectPart) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                mailsTo(to).stream()
                    .filter(mail -> subject(mail).contains(subjectPart))
                    .findFirst()
                    .orElse(null),
            mail -> mail != null);
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(mail -> recipients(mail).contains(address))
        .toList();
  }
}
