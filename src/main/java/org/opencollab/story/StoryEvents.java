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
   * detail with its fields named by their labels and its values in the page's words ({@link
   * StoryWords}).
   */
  static ArrayNode of(ObjectNode story) {
    Timeline timeline = new Timeline(story.path("names"), story.path("labels"));
    story.path("instances").forEach(timeline::read);
    return timeline.inTimeOrder();
  }

  /** The events of a story's instances, gathered one kind of line at a time. */
  private static final class Timeline {

    private final List<ObjectNode> events = new ArrayList<>();
    private final JsonNode names;
    private final JsonNode labels;
    private String process;
    private String instanceId;

    Timeline(JsonNode names, JsonNode labels) {
      this.names = names;
      this.labels = labels;
    }

    void read(JsonNode instance) {
      process = instance.path("process").asText();
      instanceId = instance.path("processInstanceId").asText();
      activities(instance);
      recusals(instance);
      tasks(instance);
      decisions(instance);
      operations(instance);
      incidents(instance);
    }

    /** The tasks and events it passed (not gateways and scopes). */
    private void activities(JsonNode instance) {
      for (JsonNode activity : instance.path("activities")) {
        String type = activity.path("type").asText();
        if (type.endsWith("Task") || type.contains("Event")) {
          String element = activity.path("id").asText();
          add(activity.path("start"), "activity", element, activity.path("name").asText(""), null)
              .put("detail", type)
              .put("label", nameOf(element));
        }
      }
    }

    /** Who stood aside from the vote, when the vote opened. */
    private void recusals(JsonNode instance) {
      JsonNode voteOpened = instance.path("start");
      for (JsonNode activity : instance.path("activities")) {
        if (activity.path("id").asText().startsWith("ArbitrationVote")) {
          voteOpened = activity.path("start");
          break;
        }
      }
      for (JsonNode recusal : instance.path("recusals")) {
        String reason = recusal.path("reason").asText("");
        add(voteOpened, "stood aside", "ArbitrationVote", reason, recusal.path("userId"))
            .put("detail", reason)
            .put("label", nameOf("ArbitrationVote"));
      }
    }

    /** Completed tasks; a task not completed, or whose times the reader does not read, is none. */
    private void tasks(JsonNode instance) {
      for (JsonNode task : instance.path("tasks")) {
        if (task.path("completed").isTextual()) {
          JsonNode actor =
              task.path("completedBy").isTextual()
                  ? task.path("completedBy")
                  : task.path("assignee");
          add(
                  task.path("completed"),
                  "task completed",
                  task.path("key").asText(),
                  task.path("name").asText(""),
                  actor)
              .put("detail", entered(task).toString())
              .put("label", nameOf(task.path("key").asText()))
              .put("labelledDetail", StoryWords.labelled(entered(task), labels));
        }
      }
    }

    private void decisions(JsonNode instance) {
      for (JsonNode decision : instance.path("decisions")) {
        String name = decision.path("name").asText(decision.path("key").asText());
        add(decision.path("evaluated"), "decision", decision.path("key").asText(), name, null)
            .put("detail", decision.path("outputs").toString())
            .put("label", name)
            .put(
                "labelledDetail",
                StoryWords.labelled(decision.path("outputs"), decision.path("outputLabels")));
      }
    }

    /** Claims, assignments, repairs: the field changed, from what to what. */
    private void operations(JsonNode instance) {
      for (JsonNode operation : instance.path("operations")) {
        String property = operation.path("property").asText("");
        add(
                operation.path("time"),
                "operation",
                operation.path("operation").asText(),
                property,
                operation.path("userId"))
            .put(
                "detail",
                operation.path("oldValue").asText("")
                    + " -> "
                    + operation.path("newValue").asText(""))
            .put(
                "label",
                FieldLabels.all().getOrDefault(property, operation.path("property").asText(null)));
      }
    }

    private void incidents(JsonNode instance) {
      for (JsonNode incident : instance.path("incidents")) {
        String element = incident.path("activityId").asText();
        add(incident.path("created"), "incident", element, incident.path("type").asText(), null)
            .put("detail", incident.path("message").asText(""))
            .put("label", nameOf(element));
      }
    }

    /** An event of the instance being read; its detail and labels are put by the caller. */
    private ObjectNode add(
        JsonNode time, String kind, String element, String name, JsonNode actor) {
      ObjectNode event = JSON.createObjectNode();
      event.put("time", time.asText());
      event.put("process", process);
      event.put("processInstanceId", instanceId);
      event.put("kind", kind);
      event.put("element", element);
      event.put("name", name);
      event.put("actor", actor == null ? null : actor.asText(null));
      events.add(event);
      return event;
    }

    private String nameOf(String element) {
      return names.path(element).asText(null);
    }

    ArrayNode inTimeOrder() {
      events.sort(Comparator.comparing(event -> event.path("time").asText()));
      ArrayNode array = JSON.createArrayNode();
      events.forEach(array::add);
      return array;
    }
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
}
