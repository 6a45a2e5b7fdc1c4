package org.opencollab.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The story reads like a case file (docs/auditors.md): steps and processes named in both languages
 * by their models, decisions' inputs and outputs by their tables' labels, and the CSV carries the
 * same labels after the columns machines read.
 */
@ApplicationTest
class StoryLabelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @Test
  void stepsAreNamedInBothLanguagesAndDecisionsByTheirTablesLabels() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.qualify(id);

    JsonNode story = JSON.readTree(rest.get("/api/opportunities/" + id + "/story", "ivan").body());

    JsonNode names = story.path("names");
    assertThat(names.path("opportunityToDelivery").asText())
        .isEqualTo("Opportunity to delivery / 商机识别到落地");
    assertThat(names.path("QualifyOpportunity").asText()).isEqualTo("Qualify opportunity / 商机资格审核");
    assertThat(names.path("Phase_Qualification").asText())
        .isEqualTo("Qualification and team / 资格审查与组队");
    assertThat(names.path("DetermineTechParticipation").asText()).contains(" / ");

    JsonNode decision = null;
    for (JsonNode candidate : story.path("instances").get(0).path("decisions")) {
      if ("techParticipation".equals(candidate.path("key").asText())) {
        decision = candidate;
      }
    }
    assertThat(decision).isNotNull();
    // The values stay keyed for machines; the labels name them for people, never by variable.
    assertThat(decision.path("outputs").has("techParticipationReason")).isTrue();
    assertThat(decision.path("outputLabels").path("techParticipationReason").asText())
        .isEqualTo("Reason / 原因");
    assertThat(decision.path("outputLabels").path("techParticipation").asText())
        .isEqualTo("Tech participation / 技术参与");
    assertThat(decision.path("outputs").path("techParticipationReason").asText())
        .matches(".+\\. / .+。");
    assertThat(decision.path("inputLabels").size()).isEqualTo(decision.path("inputs").size());
    decision.path("inputLabels").forEach(label -> assertThat(label.asText()).contains(" / "));

    HttpResponse<byte[]> csv =
        rest.getBytes("/api/opportunities/" + id + "/story", "ivan", "text/csv");
    byte[] body = csv.body();
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst().orElse(""))
        .isEqualTo(
            "time,process,processInstanceId,kind,element,name,actor,detail,label,labelledDetail");
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> read =
        new CsvMapper()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(text)) {
      read.forEachRemaining(rows::add);
    }
    assertThat(rows)
        .filteredOn(row -> "QualifyOpportunity".equals(row.get("element")))
        .filteredOn(row -> "task completed".equals(row.get("kind")))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("label")).isEqualTo("Qualify opportunity / 商机资格审核");
              assertThat(row.get("labelledDetail")).contains(" / ");
            });
    assertThat(rows)
        .filteredOn(row -> "techParticipation".equals(row.get("element")))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.get("labelledDetail"))
                    .contains("Reason / 原因: ")
                    .contains("Tech participation / 技术参与: "));
  }

  @Test
  void aLateStepsFollowUpReadsInTheStoryWithWhatTheCoordinatorDid() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.fireTimer(id, "QualifyOpportunity");
    driver.complete(
        id,
        "FollowUpLateStep",
        "lateStepAction",
        "REASSIGNED",
        "lateStepNote",
        "Sam qualifies it while Alice is away");

    HttpResponse<byte[]> csv =
        rest.getBytes("/api/opportunities/" + id + "/story", "ivan", "text/csv");
    byte[] body = csv.body();
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> read =
        new CsvMapper()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(text)) {
      read.forEachRemaining(rows::add);
    }
    assertThat(rows)
        .filteredOn(row -> "FollowUpLateStep".equals(row.get("element")))
        .filteredOn(row -> "task completed".equals(row.get("kind")))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("label")).isEqualTo("Follow up late step / 跟进超时步骤");
              assertThat(row.get("labelledDetail"))
                  .contains("What you did / 跟进方式: gave it to someone else / 已改派他人")
                  .contains("Sam qualifies it while Alice is away")
                  .doesNotContain("lateStepAction")
                  .doesNotContain("REASSIGNED");
            });
  }
}
