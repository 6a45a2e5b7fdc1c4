package org.opencollab.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The story's CSV is safe to open (docs/auditors.md, "CSV files"): what a person typed reaches the
 * auditor's spreadsheet as text, never as a formula, and Excel reads it as UTF-8.
 */
@ApplicationTest
class StoryCsvTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORMULA = "=HYPERLINK(\"http://x\",\"打开\")";
  private static final String SUM = "-2+3 Qualify";

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @Test
  void aFormulaACoordinatorTypedReachesTheAuditorAsText() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = newOpportunityId();
    driver.start(keyAccount(id));
    // erin renames the task twice: the task ends with the second name, and the user operation log
    // holds the first as the old value of the second rename.
    String taskId = driver.task(id, "QualifyOpportunity").getId();
    rename(rest, taskId, FORMULA);
    rename(rest, taskId, SUM);
    driver.qualify(id);

    HttpResponse<byte[]> csv =
        rest.getBytes("/api/opportunities/" + id + "/story", "ivan", "text/csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse(""))
        .isEqualToIgnoringCase("text/csv;charset=utf-8");
    byte[] body = csv.body();
    assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<Map<String, String>> rows =
        rows(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    assertThat(rows)
        .filteredOn(row -> "QualifyOpportunity".equals(row.get("element")))
        .filteredOn(row -> "task completed".equals(row.get("kind")))
        .extracting(row -> row.get("name"))
        .containsExactly("'" + SUM);
    // The renames in the user operation log: the old name carries the customer's Chinese name.
    List<String> renames =
        rows.stream()
            .filter(row -> "operation".equals(row.get("kind")))
            .filter(row -> "name".equals(row.get("name")))
            .filter(row -> "erin".equals(row.get("actor")))
            .map(row -> row.get("detail"))
            .toList();
    assertThat(renames)
        .hasSize(2)
        .contains("'" + FORMULA + " -> " + SUM)
        .anySatisfy(
            first ->
                assertThat(first)
                    .startsWith("Qualify opportunity")
                    .contains("上海地铁")
                    .endsWith(" -> " + FORMULA));
    for (Map<String, String> row : rows) {
      for (String cell : row.values()) {
        assertThat(cell)
            .as("a cell of %s", row)
            .doesNotStartWith("=")
            .doesNotStartWith("+")
            .doesNotStartWith("-")
            .doesNotStartWith("@")
            .doesNotStartWith("\t")
            .doesNotStartWith("\r");
      }
    }

    // The Json answer keeps what was typed: only the spreadsheet's file is neutralised.
    assertThat(rest.get("/api/opportunities/" + id + "/story", "ivan").body())
        .contains("\"name\":\"" + SUM + "\"");
  }

  private static void rename(RestClient rest, String taskId, String name) throws Exception {
    JsonNode task = JSON.readTree(rest.get("/engine-rest/task/" + taskId, "erin").body());
    ObjectNode update = JSON.createObjectNode();
    for (String field : List.of("description", "assignee", "owner", "priority", "due")) {
      update.set(field, task.path(field));
    }
    update.put("name", name);
    HttpResponse<String> renamed =
        rest.putJson("/engine-rest/task/" + taskId, "erin", JSON.writeValueAsString(update));
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(204);
  }

  private static List<Map<String, String>> rows(String csv) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> read =
        new CsvMapper()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(csv)) {
      read.forEachRemaining(rows::add);
    }
    return rows;
  }
}
