package org.opencollab.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The product's speed against Camunda's own, measured in one run and printed with the targets of
 * docs/performance.md beside each figure: {@code ./mvnw verify -Pbenchmark
 * -Dit.test=PerformanceBenchmark}. A command that prints figures, not a test that passes or fails
 * on time; it fails only when it cannot measure.
 *
 * <p>DMN: evaluations per second of {@code techParticipation} in-process through the {@code
 * DecisionService}, history off and on, in the product's configuration (full FEEL, feel-engine
 * pinned, each expression parsed once) and in Camunda's default one, which runs in a second JVM
 * with the FEEL engine {@code camunda-bom} brings.
 */
class PerformanceBenchmark {

  private static final double SECONDS =
      Double.parseDouble(System.getProperty("benchmark.dmn-seconds", "10"));

  @Test
  void dmnEvaluationsPerSecond() throws Exception {
    double productOff = DmnThroughput.measure("none", SECONDS, true);
    double productOn = DmnThroughput.measure("full", SECONDS, true);
    double defaultOff = inCamundasDefault("none");
    double defaultOn = inCamundasDefault("full");

    List<String> lines = new ArrayList<>();
    lines.add("DMN techParticipation, evaluations/s (in-process, DecisionService, in-memory H2)");
    lines.add(row("product, history off", productOff, "at least 20,000", productOff >= 20_000));
    lines.add(row("product, history FULL", productOn, "-", true));
    lines.add(row("Camunda default, history off", defaultOff, "-", true));
    lines.add(row("Camunda default, history FULL", defaultOn, "-", true));
    double ratio = productOn / defaultOn;
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-34s %10.2f   target at least 1.50   %s",
            "ratio with history FULL",
            ratio,
            ratio >= 1.5 ? "met" : "MISSED"));
    System.out.println(String.join("\n", lines));
  }

  private static String row(String what, double value, String target, boolean met) {
    return String.format(
        Locale.ROOT,
        "  %-34s %,10.0f   target %-16s %s",
        what,
        value,
        target,
        target.equals("-") ? "" : met ? "met" : "MISSED");
  }

  /** Runs {@link DmnThroughput} in a JVM on this classpath with the BOM's FEEL engine instead. */
  private static double inCamundasDefault(String history) throws Exception {
    Path bomFeel =
        Files.list(Path.of("target", "bom-feel-engine"))
            .filter(file -> file.getFileName().toString().startsWith("feel-engine-"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("run with -Pbenchmark: target/bom-feel-engine"));
    String classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> entry.contains("feel-engine-") ? bomFeel.toString() : entry)
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(classpath).contains(bomFeel.toString());
    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                DmnThroughput.class.getName(),
                history,
                String.valueOf(SECONDS))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(jvm.getInputStream().readAllBytes()).trim();
    assertThat(jvm.waitFor()).as(output).isZero();
    String[] lines = output.split("\n");
    return Double.parseDouble(lines[lines.length - 1].trim());
  }
}
