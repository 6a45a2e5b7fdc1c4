package org.opencollab.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline made from a story, without an engine. */
class StoryEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eventsInTimeOrderEachNamedForAPersonAndAnAnonymousVoteIsNone() throws Exception {
    ObjectNode story =
        (ObjectNode)
            JSON.readTree(
                """
                {"names": {"QualifyOpportunity": "Qualify opportunity / 商机资格审核",
                           "StartEvent_Identified": "Opportunity identified / 发现商机"},
                 "labels": {"qualified": "Qualified / 是否合格"},
                 "instances": [{
                   "process": "opportunityToDelivery", "processInstanceId": "p1",
                   "start": "2026-11-02T09:00:00Z",
                   "activities": [
                     {"id": "StartEvent_Identified", "name": "Opportunity identified",
                      "type": "startEvent", "start": "2026-11-02T09:00:00Z"},
                     {"id": "Gateway_1", "name": "Qualified?", "type": "exclusiveGateway",
                      "start": "2026-11-02T10:00:00Z"}],
                   "tasks": [
                     {"key": "QualifyOpportunity", "name": "Qualify opportunity",
                      "assignee": "alice", "completed": "2026-11-02T09:30:00Z",
                      "variablesSet": {"qualified": true}},
                     {"key": "ArbitrationVote", "name": "Vote", "created": "2026-11-02T09:10:00Z",
                      "confidential": "who voted, and when, is read by oversight only"}],
                   "decisions": [
                     {"key": "opportunityTriage", "name": "Opportunity triage / 商机分级",
                      "evaluated": "2026-11-02T09:05:00Z", "outputs": {"priority": "A"},
                      "outputLabels": {"priority": "Priority / 优先级"}}],
                   "operations": [], "incidents": []}]}
                """);

    List<JsonNode> events = new ArrayList<>();
    StoryEvents.of(story).forEach(events::add);

    assertThat(events)
        .extracting(event -> event.get("kind").asText() + " " + event.get("element").asText())
        .containsExactly(
            "activity StartEvent_Identified",
            "decision opportunityTriage",
            "task completed QualifyOpportunity");
    assertThat(events.get(2).get("label").asText()).isEqualTo("Qualify opportunity / 商机资格审核");
    assertThat(events.get(2).get("labelledDetail").asText()).isEqualTo("Qualified / 是否合格: yes / 是");
    assertThat(events.get(1).get("labelledDetail").asText()).isEqualTo("Priority / 优先级: A");
  }
}
