package org.opencollab.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.health.HealthCheckVariables;
import org.opencollab.opportunity.OpportunityVariables;

/**
 * The Java names of the variables are the models' names: every variable name a constants class
 * declares is named by a process model (an expression, an io mapping, a multi-instance or call
 * activity attribute), a form (a Camunda Form field key or condition, an embedded form) or a
 * decision (an input expression, an output). A field renamed in a model without its constant, or a
 * constant renamed alone, fails here; so does a step of {@link WorkedOpportunity} that enters a
 * field no model knows or completes a task the model does not have.
 */
class VariableNamesInModelsTest {

  /**
   * Variables that Java derives and no model names (a diagram's documentation may mention them):
   * each is gathered or pinned by a delegate or listener and read back by Java — the story, the
   * confidentiality rules, the ruling — the sealed ratings and ballots among them.
   */
  private static final Set<String> DERIVED_IN_JAVA_ONLY =
      Set.of(
          OpportunityVariables.AGREEMENT_SIGNATURES,
          OpportunityVariables.DECISION_VERSIONS,
          OpportunityVariables.PEER_RATINGS,
          OpportunityVariables.PEER_COMMENTS,
          OpportunityVariables.SPONSOR_RATINGS,
          OpportunityVariables.SPONSOR_COMMENTS,
          OpportunityVariables.COORDINATOR_RATINGS,
          OpportunityVariables.COORDINATOR_COMMENTS,
          OpportunityVariables.RATINGS_UNSEALED,
          ArbitrationVariables.TALLY,
          ArbitrationVariables.RECUSALS,
          ArbitrationVariables.VOTES);

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern BPMN_NAMES =
      Pattern.compile(
          "(?:camunda:(?:elementVariable|collection|resultVariable|assignee|candidateUsers"
              + "|candidateGroups|initiator|dueDate|priority|variableName)"
              + "|\\b(?:source|target|variables|sourceExpression))=\"([^\"]*)\"");
  private static final Pattern BPMN_PARAMETER =
      Pattern.compile(
          "<camunda:(?:inputParameter|outputParameter|entry)\\s+(?:name|key)=\"([^\"]*)\"");
  private static final Pattern BPMN_BODIES =
      Pattern.compile(
          "<(?:bpmn:)?(?:conditionExpression|camunda:script|camunda:inputParameter"
              + "|camunda:outputParameter)\\b[^>]*>(.*?)</",
          Pattern.DOTALL);
  private static final Pattern FORM_KEY = Pattern.compile("\"(?:key|path)\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern FORM_EXPRESSION = Pattern.compile("\"=(.*?)(?<!\\\\)\"");
  private static final Pattern HTML_NAME =
      Pattern.compile("(?:cam-variable-name|name|id|for)=\"([^\"]*)\"|'([A-Za-z_][\\w]*)'");
  private static final Pattern DMN_INPUT =
      Pattern.compile("<inputExpression\\b[^>]*>\\s*<text>(.*?)</text>", Pattern.DOTALL);
  private static final Pattern DMN_OUTPUT = Pattern.compile("<output\\b[^>]*\\bname=\"([^\"]*)\"");

  @Test
  void everyVariableNameOfTheConstantsIsNamedByAModelAFormOrADecision() {
    Set<String> named = namedByModels();
    Map<String, String> missing = new TreeMap<>();
    Map<String, String> derivedButNamed = new TreeMap<>();
    for (Map.Entry<String, String> constant : variableNameConstants().entrySet()) {
      boolean found = named.contains(constant.getValue());
      if (DERIVED_IN_JAVA_ONLY.contains(constant.getValue())) {
        if (found) {
          derivedButNamed.put(constant.getKey(), constant.getValue());
        }
      } else if (!found) {
        missing.put(constant.getKey(), constant.getValue());
      }
    }
    assertThat(missing).as("constants no model, form or decision names").isEmpty();
    assertThat(derivedButNamed)
        .as("listed as derived in Java only, yet a model names them: take them off the list")
        .isEmpty();
  }

  @Test
  void theScriptCompletesTheModelsTasksWithTheirFields() {
    String model = read(Path.of("processes", "opportunityToDelivery.bpmn"));
    Set<String> named = namedByModels();
    List<Step> steps = new ArrayList<>(WorkedOpportunity.delivered());
    steps.addAll(WorkedOpportunity.lost());
    steps.add(WorkedOpportunity.formSponsoredTeam("frank", WorkedOpportunity.TASK_FORCE));
    for (String task : WorkedOpportunity.TASKS) {
      assertThat(model)
          .as("user task %s", task)
          .containsPattern("<bpmn:userTask\\b[^>]*\\bid=\"" + task + "\"");
    }
    for (Step step : steps) {
      assertThat(WorkedOpportunity.TASKS).contains(step.taskKey());
      assertThat(named).as("fields of %s", step.taskKey()).containsAll(step.variables().keySet());
    }
    assertThat(named).containsAll(WorkedOpportunity.keyAccount("OPP-1").keySet());
  }

  /** Every public String constant that names a variable (not a process or task id, not a code). */
  static Map<String, String> variableNameConstants() {
    Map<String, String> constants = new TreeMap<>();
    for (Class<?> names :
        List.of(
            OpportunityVariables.class, ArbitrationVariables.class, HealthCheckVariables.class)) {
      for (Field field : names.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (field.getType() != String.class
            || !Modifier.isStatic(modifiers)
            || !Modifier.isPublic(modifiers)
            || field.getName().equals("PROCESS_KEY")
            || field.getName().endsWith("_STEP")) {
          continue;
        }
        try {
          String value = (String) field.get(null);
          if (!value.matches("[A-Z_]+")) {
            constants.put(names.getSimpleName() + "." + field.getName(), value);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return constants;
  }

  /** The names the models, forms and decisions use. */
  static Set<String> namedByModels() {
    Set<String> named = new TreeSet<>();
    for (Path bpmn : files(Path.of("processes"), ".bpmn")) {
      String text = read(bpmn);
      identifiers(EXPRESSION, text, named);
      identifiers(BPMN_NAMES, text, named);
      identifiers(BPMN_PARAMETER, text, named);
      identifiers(BPMN_BODIES, text, named);
    }
    for (Path form : files(Path.of("processes", "forms"), ".form")) {
      String text = read(form);
      identifiers(FORM_KEY, text, named);
      identifiers(FORM_EXPRESSION, text, named);
    }
    for (Path form : files(Path.of("processes", "forms"), ".html")) {
      identifiers(HTML_NAME, read(form), named);
    }
    for (Path dmn : files(Path.of("decisions"), ".dmn")) {
      String text = read(dmn);
      identifiers(DMN_INPUT, text, named);
      identifiers(DMN_OUTPUT, text, named);
    }
    return named;
  }

  private static void identifiers(Pattern where, String text, Set<String> into) {
    Matcher found = where.matcher(text);
    while (found.find()) {
      for (int group = 1; group <= found.groupCount(); group++) {
        if (found.group(group) != null) {
          Matcher identifier = IDENTIFIER.matcher(found.group(group));
          while (identifier.find()) {
            into.add(identifier.group());
          }
        }
      }
    }
  }

  private static List<Path> files(Path folder, String ending) {
    try (Stream<Path> all = Files.list(folder)) {
      return all.filter(file -> file.toString().endsWith(ending)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
