package org.opencollab.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencollab.support.Mails.freePort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencollab.support.Chromium;
import org.opencollab.support.Tasklist;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new opportunity walks through Tasklist in Debian's Chromium, each step done by its demo user
 * through its form, from alice's start form (the id left empty) to the review of the first sprint,
 * reviewed AT_RISK; the executive sponsor's alert arrives in a real SMTP server (GreenMail). On the
 * way, one value the server refuses: the refusal shows with the field's label and name, and the
 * task stays open. Every form must show its labels and the opportunity's key facts; a screenshot of
 * each goes to {@code target/screenshots/walk}.
 *
 * <p>Which task is next and who may do it the test reads from the engine; everything a person does,
 * it does in the browser.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"collab.mail.retry-delay=PT1S", "collab.mail.base-url=http://localhost/"})
@ActiveProfiles("demo")
@DirtiesContext
class TasklistWalkIT {

  private static final int SMTP_PORT = freePort();
  private static final GreenMail SMTP =
      new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static final Path FORMS = Path.of("processes", "forms");
  private static final BpmnModelInstance MODEL =
      Bpmn.readModelFromFile(Path.of("processes", "opportunityToDelivery.bpmn").toFile());

  /** Who works a group task, by candidate group. */
  private static final Map<String, String> MEMBER =
      Map.of(
          "sales", "sam",
          "tech", "bob",
          "delivery", "carol",
          "marketing", "dave",
          "coordinators", "erin",
          "committee", "frank");

  /** The order in which the walk takes tasks that are open side by side. */
  private static final List<String> ORDER =
      List.of(
          "QualifyOpportunity",
          "FormTeam",
          "DraftPressRelease",
          "CompletePressRelease",
          "DraftCollaborationAgreement",
          "SignCollaborationAgreement",
          "ApproveBid",
          "DesignSolution",
          "PrepareOffer",
          "SupportNegotiation",
          "NegotiateDeal",
          "PlanDelivery",
          "ReviewSprint");

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private Tasklist tasklist;
  private String signedIn;
  private String id;
  private final List<String> screenshots = new ArrayList<>();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:tasklist-walk;DB_CLOSE_DELAY=-1");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @BeforeAll
  static void start() {
    SMTP.start();
    browser = Chromium.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    SMTP.stop();
  }

  @Test
  void anOpportunityWalksFromTheStartFormToItsFirstSprintReview() throws Exception {
    tasklist = new Tasklist(browser, port);
    startAsAlice("Crane telemetry");

    for (int step = 1; ; step++) {
      List<Task> open =
          engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).list();
      assertThat(open).as("open tasks of %s after step %d", id, step).isNotEmpty();
      Task task =
          open.stream()
              .min(Comparator.comparing(next -> ORDER.indexOf(next.getTaskDefinitionKey())))
              .orElseThrow();
      work(step, task);
      if (task.getTaskDefinitionKey().equals("ReviewSprint")) {
        break;
      }
      assertThat(step).as("steps until the first sprint review").isLessThan(24);
    }

    MimeMessage alert = awaitMail("frank@opencollab.example", "AT_RISK");
    assertThat(alert.getSubject()).contains(id);
    assertThat((String) alert.getContent()).contains("The crane feed is two weeks late");
    assertThat(screenshots)
        .contains(
            "start-form",
            "QualifyOpportunity",
            "FormTeam",
            "DraftCollaborationAgreement",
            "SignCollaborationAgreement",
            "DesignSolution",
            "SupportNegotiation-refused",
            "NegotiateDeal",
            "PlanDelivery",
            "ReviewSprint");
  }

  private void startAsAlice(String title) {
    signIn("alice");
    WebElement start = tasklist.openStartForm("Opportunity to delivery");
    tasklist.waiting().until(ignored -> start.getText().contains("(sam)"));
    assertThat(start.getText())
        .contains(labelsOf("opportunity-start.html"))
        .contains("Alice Account manager (alice)", "Sam Sales (sam)")
        .doesNotContain("(bob)");
    tasklist.typeEmbedded("customerName", "Ningbo Port / 宁波港");
    tasklist.typeEmbedded("title", title);
    tasklist.selectEmbedded("customerTier", "Strategic / 战略客户");
    tasklist.typeEmbedded("estimatedValue", "3000000");
    tasklist.selectEmbedded("technicalComplexity", "High / 高");
    tasklist.selectEmbedded("source", "Sales / 销售");
    shoot("start-form");
    tasklist.press("Start");

    ProcessInstance instance =
        tasklist
            .waiting()
            .until(
                ignored ->
                    engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey("opportunityToDelivery")
                        .variableValueEquals("title", title)
                        .singleResult());
    id = instance.getBusinessKey();
    assertThat(id).matches("OPP-\\d{4}-\\d{4}");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "accountManager"))
        .isEqualTo("alice");
  }

  /** Works one task in the browser as its rightful user, through its form. */
  private void work(int step, Task task) {
    String key = task.getTaskDefinitionKey();
    signIn(rightfulUser(task));
    WebElement form = tasklist.openTask(task.getId(), task.getAssignee() == null);
    tasklist.waiting().until(ignored -> tasklist.formText().contains(id));
    assertThat(tasklist.formText())
        .as("form of %s", key)
        .contains(labelsOf(formFile(key)))
        .contains("Key facts / 商机要点", id, "Ningbo Port / 宁波港", "Crane telemetry");

    switch (key) {
      case "QualifyOpportunity" -> tasklist.choose("Qualified / 合格");
      case "FormTeam" -> {
        tasklist.selectEmbedded("solutionManager", "(bob)");
        tasklist.selectEmbedded("deliveryManager", "(carol)");
        tasklist.selectEmbedded("executiveSponsor", "(frank)");
      }
      case "DraftPressRelease" -> {
        tasklist.type("pressRelease", "Ningbo Port sees every crane live.");
        tasklist.type("faq", "Which cranes? All 40 of them.");
      }
      case "CompletePressRelease" ->
          tasklist.type(
              "pressReleaseContribution", "Each crane streams its position twice a second.");
      case "DraftCollaborationAgreement" -> draftAgreement(task);
      case "SignCollaborationAgreement" -> tasklist.choose("Approve / 同意");
      case "ApproveBid" -> tasklist.choose("Approve the bid / 批准投标");
      case "DesignSolution" -> {
        tasklist.type("solutionSummary", "Telemetry gateway on every crane, streamed to the lake");
        tasklist.type("estimatedEffortDays", "150");
      }
      case "PrepareOffer" -> tasklist.type("offerValue", "3100000");
      case "SupportNegotiation" -> refuseBlankCommitmentsThenComplete(task);
      case "NegotiateDeal" -> {
        tasklist.select("negotiationOutcome", "Won / 赢单");
        tasklist.type("contractValue", "3000000");
      }
      case "PlanDelivery" -> tasklist.type("sprintCount", "2");
      case "ReviewSprint" -> {
        tasklist.select("sprintStatus", "At risk / 有风险");
        tasklist.type("sprintNotes", "The crane feed is two weeks late");
      }
      default -> throw new AssertionError("the walk does not expect " + key + " at step " + step);
    }
    shoot(key);
    tasklist.press("Complete");
    tasklist
        .waiting()
        .until(
            ignored -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
    tasklist.awaitClosed(form);
  }

  /**
   * The shares and commitments of the worked example (docs/money.md): the team is SALES, TECH and
   * DELIVERY.
   */
  @SuppressWarnings("unchecked")
  private void draftAgreement(Task task) {
    assertThat(
            (List<Object>) engine.getTaskService().getVariable(task.getId(), "involvedDepartments"))
        .containsExactlyInAnyOrder("SALES", "TECH", "DELIVERY");
    tasklist.typeEmbedded("share-SALES", "50");
    tasklist.typeEmbedded("share-TECH", "35");
    tasklist.typeEmbedded("share-DELIVERY", "15");
    for (String[] commitment :
        List.of(
            new String[] {"SALES", "2", "15"},
            new String[] {"TECH", "3", "20"},
            new String[] {"DELIVERY", "4", "30"})) {
      tasklist.typeEmbedded("people-" + commitment[0], commitment[1]);
      tasklist.typeEmbedded("days-" + commitment[0], commitment[2]);
    }
    tasklist.selectEmbedded("customerDataOwner", "Sales / 销售部");
    tasklist.typeEmbedded("dataAccessRules", "Sales owns the data; tech analyses it anonymised.");
  }

  /**
   * Blank commitments pass the form (it asks only for something) and the server refuses them: the
   * refusal shows the field's label and name, and the task stays open with nothing written.
   */
  private void refuseBlankCommitmentsThenComplete(Task task) {
    tasklist.type("technicalCommitments", "   ");
    tasklist.press("Complete");
    String refusal = tasklist.refusal();
    shoot("SupportNegotiation-refused");
    assertThat(refusal)
        .contains("Technical commitments / 技术承诺")
        .contains("technicalCommitments: must be a non-empty text");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(
            engine.getRuntimeService().getVariable(task.getExecutionId(), "technicalCommitments"))
        .isNull();
    tasklist.dismissNotifications();
    tasklist.type("technicalCommitments", "99.9 % availability of the telemetry gateway");
  }

  private String rightfulUser(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(link -> MEMBER.get(link.getGroupId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nobody for " + task.getTaskDefinitionKey()));
  }

  private void signIn(String user) {
    if (!user.equals(signedIn)) {
      tasklist.logIn(user);
      signedIn = user;
    }
  }

  /**
   * A screenshot named by the step, what it shows and who: {@code
   * 06-SignCollaborationAgreement-sam}.
   */
  private void shoot(String name) {
    tasklist.screenshot("walk/%02d-%s-%s".formatted(screenshots.size(), name, signedIn));
    screenshots.add(name);
  }

  /** The form file of a user task of opportunityToDelivery. */
  private static String formFile(String taskKey) {
    UserTask task = MODEL.getModelElementById(taskKey);
    if (task.getCamundaFormKey() != null) {
      return Path.of(task.getCamundaFormKey()).getFileName().toString();
    }
    try (var files = Files.list(FORMS)) {
      return files
          .filter(file -> file.toString().endsWith(".form"))
          .filter(file -> task.getCamundaFormRef().equals(read(file).path("id").asText()))
          .map(file -> file.getFileName().toString())
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The labels a form always shows: of a Camunda Form, every labelled component that no condition
   * hides; of an embedded form, every fixed {@code <label for>} and {@code <legend>}.
   */
  private static String[] labelsOf(String formFile) {
    List<String> labels = new ArrayList<>();
    Path file = FORMS.resolve(formFile);
    if (formFile.endsWith(".form")) {
      collectLabels(read(file), labels);
    } else {
      Matcher label =
          Pattern.compile("<label for=\"\\w+\">([^<{]+)</label>|<legend>([^<{]+)</legend>")
              .matcher(text(file));
      while (label.find()) {
        labels.add((label.group(1) != null ? label.group(1) : label.group(2)).trim());
      }
    }
    assertThat(labels).as("labels of %s", formFile).isNotEmpty();
    return labels.toArray(String[]::new);
  }

  private static void collectLabels(JsonNode container, List<String> labels) {
    for (JsonNode component : container.path("components")) {
      if (component.has("conditional")) {
        continue;
      }
      if (component.hasNonNull("label") && !component.path("type").asText().equals("table")) {
        labels.add(component.get("label").asText());
      }
      collectLabels(component, labels);
    }
  }

  private MimeMessage awaitMail(String to, String subject) {
    return await("mail to " + to + " about " + subject)
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Arrays.stream(SMTP.getReceivedMessages())
                    .filter(message -> sentTo(message, to) && subjectOf(message).contains(subject))
                    .findFirst()
                    .orElse(null),
            java.util.Objects::nonNull);
  }

  private static boolean sentTo(MimeMessage message, String to) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(address -> address.toString().contains(to));
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
