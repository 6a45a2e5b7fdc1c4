package org.opencollab.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.opencollab.health.ReportComparison.LastCheck;

/** A report beside the last one, as Json, without an engine. */
class ReportComparisonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void everyLevelShowsTheLastReportsLevelAndWhichWayItWent() throws Exception {
    ObjectNode now =
        json(
            "{'maturity': [{'dimension': 'INFORMATION_SHARING', 'level': 4},"
                + " {'dimension': 'RESOURCE_INTEGRATION', 'level': 3},"
                + " {'dimension': 'INNOVATION_OUTPUT', 'level': null}],"
                + " 'departmentMaturity': [{'department': 'TECH', 'dimension':"
                + " 'INFORMATION_SHARING', 'level': 2}, {'department': 'SALES', 'dimension':"
                + " 'INFORMATION_SHARING', 'level': 5}], 'warnings': []}");
    JsonNode before =
        json(
            "{'period': {'days': 90}, 'maturity': [{'dimension': 'INFORMATION_SHARING', 'level':"
                + " 3}, {'dimension': 'RESOURCE_INTEGRATION', 'level': 3},"
                + " {'dimension': 'INNOVATION_OUTPUT', 'level': 2}],"
                + " 'departmentMaturity': [{'department': 'TECH', 'dimension':"
                + " 'INFORMATION_SHARING', 'level': 4}], 'warnings': []}");

    ReportComparison.compare(now, new LastCheck("check-1", "2026-06-01T06:00:00Z", before, null));

    assertThat(now.at("/previousReport/processInstanceId").asText()).isEqualTo("check-1");
    assertThat(now.get("maturity").findValuesAsText("changeName"))
        .containsExactly("↑ up / 上升", "= same / 持平", "– no comparison / 无可比较");
    assertThat(now.at("/maturity/2/previousLevel").asInt()).isEqualTo(2);
    assertThat(now.at("/departmentMaturity/0/change").asText()).isEqualTo("DOWN");
    assertThat(now.at("/departmentMaturity/1/previousLevel").isNull()).isTrue();
    assertThat(now.at("/departmentMaturity/1/change").isNull()).isTrue();
  }

  @Test
  void theLastReportsWarningsShowTheirFollowUpsAndWhetherTheyPersist() throws Exception {
    ObjectNode now =
        json(
            "{'maturity': [], 'warnings': [{'warning': 'SLOW_CLAIM', 'subjectKind':"
                + " 'department', 'subject': 'DELIVERY'}]}");
    JsonNode before =
        json(
            "{'maturity': [], 'warnings': [{'warning': 'SLOW_CLAIM', 'warningName': 'Work waits"
                + " to be picked up / 任务认领迟缓', 'subjectKind': 'department', 'subject':"
                + " 'DELIVERY', 'subjectName': 'Department / 部门 Delivery / 交付部'},"
                + " {'warning': 'DISPUTES_AGAINST', 'subjectKind': 'department', 'subject':"
                + " 'TECH'}]}");
    JsonNode followUps =
        JSON.readTree(
            "[{\"number\": 2, \"followedUpBy\": \"erin\", \"action\": \"CONTACTED_DEPARTMENT\","
                + " \"actionName\": \"Contacted the department / 已联系部门\", \"note\": \"Met"
                + " tech\", \"followedUpAt\": \"2026-06-02T09:00:00Z\"}]");

    ReportComparison.compare(
        now, new LastCheck("check-1", "2026-06-01T06:00:00Z", before, followUps));

    JsonNode slow = now.at("/followUps/0");
    assertThat(slow.get("warningName").asText()).isEqualTo("Work waits to be picked up / 任务认领迟缓");
    assertThat(slow.get("followedUpBy").isNull()).isTrue();
    assertThat(slow.get("actionName").asText()).isEqualTo("not followed up yet / 尚未跟进");
    assertThat(slow.get("persists").asBoolean()).isTrue();
    JsonNode disputes = now.at("/followUps/1");
    assertThat(disputes.get("followedUpBy").asText()).isEqualTo("erin");
    assertThat(disputes.get("note").asText()).isEqualTo("Met tech");
    assertThat(disputes.get("persists").asBoolean()).isFalse();
    assertThat(disputes.get("persistsName").asText()).isEqualTo("no longer warned / 已解除");
  }

  @Test
  void withoutAnEarlierReportNothingIsCompared() throws Exception {
    ObjectNode now = json("{'maturity': [{'dimension': 'INFORMATION_SHARING', 'level': 4}]}");
    ReportComparison.compare(now, null);
    assertThat(now.get("previousReport").isNull()).isTrue();
    assertThat(now.get("followUps")).isEmpty();
    assertThat(now.at("/maturity/0/changeName").asText()).isEqualTo("– no comparison / 无可比较");
  }
}
