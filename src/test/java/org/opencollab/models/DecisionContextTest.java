package org.opencollab.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form where someone decides shows, read-only, the facts the decision depends on: each
 * variable below is shown by a disabled field, a text or a table of the form, and every field with
 * a key that the form only shows is disabled.
 */
class DecisionContextTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<String> DISPUTE =
      List.of(
          "disputeType",
          "description",
          "amountAtStake",
          "departmentShares",
          "opportunityStage",
          "raisedByDepartment",
          "againstDepartment");

  static List<Map.Entry<String, List<String>>> decisions() {
    return List.of(
        Map.entry(
            "sign-collaboration-agreement",
            List.of("departmentShares", "department", "teamMembers", "pressRelease")),
        Map.entry("mediate-dispute", DISPUTE),
        Map.entry("arbitration-vote", DISPUTE),
        Map.entry("chair-ruling", DISPUTE),
        Map.entry("record-ruling", DISPUTE),
        Map.entry(
            "approve-bid",
            List.of(
                "estimatedValue",
                "priority",
                "techParticipationReason",
                "teamMembers",
                "departmentShares")),
        Map.entry(
            "negotiate-deal",
            List.of("offerValue", "solutionSummary", "estimatedEffortDays", "revisionCount")),
        Map.entry(
            "support-negotiation", List.of("offerValue", "solutionSummary", "estimatedEffortDays")),
        Map.entry("accept-delivery", List.of("contractValue", "sprintReviews")),
        Map.entry(
            "report-department-input", List.of("department", "departmentShares", "finalOutcome")),
        Map.entry("record-loss", List.of("departmentInputs", "finalOutcome", "rulings")),
        Map.entry(
            "hold-retrospective",
            List.of("departmentInputs", "lossStatement", "finalOutcome", "rulings")));
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void theFormShowsWhatIsDecidedOn(Map.Entry<String, List<String>> decision) throws IOException {
    JsonNode form =
        JSON.readTree(Path.of("processes", "forms", decision.getKey() + ".form").toFile());
    Set<String> shown = new HashSet<>();
    for (JsonNode component : form.path("components")) {
      String type = component.path("type").asText();
      if (component.hasNonNull("key") && !"text".equals(type) && !"table".equals(type)) {
        if (component.path("disabled").asBoolean() || component.path("readonly").asBoolean()) {
          shown.add(component.path("key").asText());
        }
        continue;
      }
      for (String template : List.of("text", "dataSource")) {
        Matcher names = NAME.matcher(component.path(template).asText());
        while (names.find()) {
          shown.add(names.group());
        }
      }
    }
    assertThat(shown)
        .as("read-only context of %s", decision.getKey())
        .containsAll(decision.getValue());
  }
}
