package org.opencollab.story;

import static org.opencollab.story.StoryValues.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencollab.rest.FieldLabels;

/**
 * The story's timeline, made from the story itself: its activities, recusals, completed tasks,
 * decisions, operations and incidents as one list of events, with nothing read from the engine.
 */
final class StoryEvents {

  private StoryEvents() {}

  /**
   * One event per line of the story, in time order: what the timeline and the CSV show. Each also
   * reads as a person would: {@code label}, the step, decision or field in both languages (from the
   * story's {@code names}, the decision's name, the forms' labels), and {@code labelledDetail}, the
   * detail with its fields named by their labels.
   */
  static ArrayNode of(ObjectNode story) {
    List<ObjectNode> events = new ArrayList<>();
    JsonNode names = story.path("names");
    JsonNode labels = story.path("labels");
    for (JsonNode instance : story.path("instances")) {
      String process = instance.path("process").asText();
      String id = instance.path("processInstanceId").asText();
      for (JsonNode activity : instance.path("activities")) {
        if (!activity.path("type").asText().endsWith("Task")
            && !activity.path("type").asText().contains("Event")) {
          continue;
        }
        events.add(
            event(
                    activity.path("start").asText(),
                    process,
                    id,
                    "activity",
                    activity.path("id").asText(),
                    activity.path("name").asText(""),
                    null,
                    activity.path("type").asText())
                .put("label", names.path(activity.path("id").asText()).asText(null)));
      }
      String voteOpened = instance.path("start").asText();
      for (JsonNode activity : instance.path("activities")) {
        if (activity.path("id").asText().startsWith("ArbitrationVote")) {
          voteOpened = activity.path("start").asText();
          break;
        }
      }
      for (JsonNode recusal : instance.path("recusals")) {
        events.add(
            event(
                    voteOpened,
                    process,
                    id,
                    "stood aside",
                    "ArbitrationVote",
                    recusal.path("reason").asText(""),
                    recusal.path("userId").asText(null),
                    recusal.path("reason").asText(""))
                .put("label", names.path("ArbitrationVote").asText(null)));
      }
      for (JsonNode task : instance.path("tasks")) {
        // A task that was not completed, or whose times a reader does not read, is no event.
        if (task.path("completed").isTextual()) {
          events.add(
              event(
                      task.path("completed").asText(),
                      process,
                      id,
                      "task completed",
                      task.path("key").asText(),
                      task.path("name").asText(""),
                      task.path("completedBy").asText(task.path("assignee").asText(null)),
                      entered(task).toString())
                  .put("label", names.path(task.path("key").asText()).asText(null))
                  .put("labelledDetail", labelled(entered(task), labels)));
        }
      }
      for (JsonNode decision : instance.path("decisions")) {
        events.add(
            event(
                    decision.path("evaluated").asText(),
                    process,
                    id,
                    "decision",
                    decision.path("key").asText(),
                    decision.path("name").asText(decision.path("key").asText()),
                    null,
                    decision.path("outputs").toString())
                .put("label", decision.path("name").asText(decision.path("key").asText()))
                .put(
                    "labelledDetail",
                    labelled(decision.path("outputs"), decision.path("outputLabels"))));
      }
      for (JsonNode operation : instance.path("operations")) {
        events.add(
            event(
                    operation.path("time").asText(),
                    process,
                    id,
                    "operation",
                    operation.path("operation").asText(),
                    operation.path("property").asText(""),
                    operation.path("userId").asText(null),
                    operation.path("oldValue").asText("")
                        + " -> "
                        + operation.path("newValue").asText(""))
                .put(
                    "label",
                    FieldLabels.all()
                        .getOrDefault(
                            operation.path("property").asText(""),
                            operation.path("property").asText(null))));
      }
      for (JsonNode incident : instance.path("incidents")) {
        events.add(
            event(
                    incident.path("created").asText(),
                    process,
                    id,
                    "incident",
                    incident.path("activityId").asText(),
                    incident.path("type").asText(),
                    null,
                    incident.path("message").asText(""))
                .put("label", names.path(incident.path("activityId").asText()).asText(null)));
      }
    }
    events.sort(Comparator.comparing(event -> event.path("time").asText()));
    ArrayNode array = JSON.createArrayNode();
    events.forEach(array::add);
    return array;
  }

  /** "Label: value; …": each field of {@code values} named by its label, else by its name. */
  private static String labelled(JsonNode values, JsonNode labels) {
    List<String> parts = new ArrayList<>();
    values
        .fields()
        .forEachRemaining(
            field ->
                parts.add(
                    labels.path(field.getKey()).asText(field.getKey())
                        + ": "
                        + (field.getValue().isValueNode()
                            ? field.getValue().asText()
                            : field.getValue().toString())));
    return String.join("; ", parts);
  }

  /** What a completed task entered: the variables its completion set, and its sealed answer. */
  private static JsonNode entered(JsonNode task) {
    if (!task.has("answer")) {
      return task.path("variablesSet");
    }
    ObjectNode entered = task.path("variablesSet").deepCopy();
    entered.setAll((ObjectNode) task.get("answer"));
    return entered;
  }

  private static ObjectNode event(
      String time,
      String process,
      String instance,
      String kind,
      String element,
      String name,
      String actor,
      String detail) {
    ObjectNode event = JSON.createObjectNode();
    event.put("time", time);
    event.put("process", process);
    event.put("processInstanceId", instance);
    event.put("kind", kind);
    event.put("element", element);
    event.put("name", name);
    event.put("actor", actor);
    event.put("detail", detail);
    return event;
  }
}
