package org.opencollab.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The browser walk of src/test/browser (Node, by hand) plays the same script as the Java walkers:
 * it reads {@code worked-opportunity.json}, which is {@link WorkedOpportunity#delivered()} written
 * out. This test holds the file to the script; after a change to the script, write it again with
 * {@code ./mvnw -q test -Dtest=WorkedOpportunityJsonTest -Dscript.write=true}.
 */
class WorkedOpportunityJsonTest {

  static final Path FILE = Path.of("src", "test", "browser", "worked-opportunity.json");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void theBrowserWalkReadsTheScriptAsItIs() throws IOException {
    String rendered = JSON.writeValueAsString(render("OPP-UI-1")) + "\n";
    if (Boolean.getBoolean("script.write")) {
      Files.writeString(FILE, rendered, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as(
            "%s is WorkedOpportunity.delivered() written out; write it again with"
                + " -Dscript.write=true",
            FILE)
        .isEqualTo(rendered);
  }

  /** The start of the worked example as {@code id} and the steps to DELIVERED. */
  static ObjectNode render(String id) {
    ObjectNode walk = JSON.createObjectNode();
    walk.put(
        "about",
        "Written by WorkedOpportunityJsonTest from org.opencollab.script.WorkedOpportunity;"
            + " do not edit by hand");
    walk.set("start", values(WorkedOpportunity.keyAccount(id)));
    var steps = walk.putArray("steps");
    for (Step step : WorkedOpportunity.delivered()) {
      ObjectNode node = steps.addObject();
      node.put("taskKey", step.taskKey());
      node.put("user", step.user());
      node.put("group", step.group());
      node.set("variables", values(step.variables()));
    }
    return walk;
  }

  private static ObjectNode values(Map<String, Object> variables) {
    ObjectNode values = JSON.createObjectNode();
    variables.forEach(
        (name, value) ->
            values.set(name, value instanceof JsonText text ? parse(text) : node(value)));
    return values;
  }

  private static JsonNode node(Object value) {
    return JSON.valueToTree(value);
  }

  private static JsonNode parse(JsonText text) {
    try {
      return JSON.readTree(text.text());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
