package org.opencollab.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.opencollab.decisions.ParsedFeelPlugin;

/**
 * Evaluations per second of the DMN decision {@code techParticipation}, in-process through the
 * engine's {@link DecisionService}, on a fresh in-memory engine with Camunda's default settings and
 * the given history level ({@code full} or {@code none}). The inputs cycle through every tier,
 * complexity and flag, so every rule fires. Run by {@code PerformanceBenchmark}, in its own JVM
 * too, with the FEEL engine that {@code camunda-bom} brings, for the comparison with Camunda's
 * default configuration: {@code java -cp ... DmnThroughput <history> <seconds>} prints {@code
 * evaluations/s}.
 */
public final class DmnThroughput {

  private static final List<Map<String, Object>> INPUTS = inputs();

  private DmnThroughput() {}

  public static void main(String[] args) throws Exception {
    System.out.println(measure(args[0], Double.parseDouble(args[1]), false));
  }

  /**
   * @param product the product's DMN configuration ({@link ParsedFeelPlugin}), or Camunda's default
   * @return evaluations per second over {@code seconds}, after as long a warm-up
   */
  public static double measure(String history, double seconds, boolean product) throws IOException {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration
        .setProcessEngineName("dmn-" + history + "-" + System.nanoTime())
        .setJdbcUrl("jdbc:h2:mem:dmn-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
        .setHistory(history)
        .setJobExecutorActivate(false)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    if (product) {
      ParsedFeelPlugin.use(configuration);
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("decisions", "techParticipation.dmn"))) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addInputStream("techParticipation.dmn", dmn)
          .deploy();
      DecisionService decisions = engine.getDecisionService();
      run(decisions, seconds);
      return run(decisions, seconds);
    } finally {
      engine.close();
    }
  }

  private static double run(DecisionService decisions, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long evaluations = 0;
    while (System.nanoTime() < end) {
      for (Map<String, Object> input : INPUTS) {
        decisions.evaluateDecisionTableByKey("techParticipation", input);
      }
      evaluations += INPUTS.size();
    }
    return evaluations / ((System.nanoTime() - start) / 1e9);
  }

  private static List<Map<String, Object>> inputs() {
    List<Map<String, Object>> inputs = new java.util.ArrayList<>();
    for (String tier : List.of("STRATEGIC", "KEY", "STANDARD")) {
      for (String complexity : List.of("LOW", "MEDIUM", "HIGH")) {
        for (boolean flag : List.of(false, true)) {
          for (long value : List.of(100_000L, 1_500_000L, 6_000_000L)) {
            inputs.add(
                Map.of(
                    "customerTier", tier,
                    "technicalComplexity", complexity,
                    "customizationRequired", flag,
                    "newProduct", !flag && value > 1_000_000L,
                    "estimatedValue", value));
          }
        }
      }
    }
    return List.copyOf(inputs);
  }
}
