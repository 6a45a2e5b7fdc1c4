package org.opencollab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
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

/**
 * The feature packages depend on each other without cycles, so each can be read and changed on its
 * own; and only the packages listed here reach into the engine's internals.
 */
class PackageDependenciesTest {

  /**
   * The packages that use Camunda's internals ({@code org.camunda.bpm.engine.impl}), which change
   * without notice between versions: those that do today, each exactly (not its subpackages). New
   * code uses the public API, or joins this list with a reason. In trust, only the guard and its
   * doors ({@code trust.doors}) do; a new package of trust does not.
   */
  private static final String[] MAY_USE_ENGINE_INTERNALS = {
    "org.opencollab.arbitration",
    "org.opencollab.confidential",
    "org.opencollab.config",
    "org.opencollab.decisions",
    "org.opencollab.engine",
    "org.opencollab.health",
    "org.opencollab.identity",
    "org.opencollab.ledger",
    "org.opencollab.models",
    "org.opencollab.notify",
    "org.opencollab.opportunity",
    "org.opencollab.rest",
    "org.opencollab.rules",
    "org.opencollab.tasklist",
    "org.opencollab.trust",
    "org.opencollab.trust.doors",
    "org.opencollab.variables",
  };

  private static final Path SOURCES = Path.of("src", "main", "java", "org", "opencollab");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?org\\.opencollab\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]",
          Pattern.MULTILINE);

  @Test
  void packagesHaveNoCycles() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        // the package, sub-packages by their whole name ("trust.doors")
        String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        Matcher imports = IMPORT.matcher(Files.readString(file));
        while (imports.find()) {
          if (!imports.group(1).equals(from)) {
            uses.computeIfAbsent(from, key -> new TreeSet<>()).add(imports.group(1));
          }
        }
      }
    }
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      findCycles(start, start, uses, new ArrayList<>(List.of(start)), cycles);
    }
    assertThat(cycles).as("package cycles in %s", uses).isEmpty();
  }

  @Test
  void onlyTheListedPackagesUseEngineInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackages(MAY_USE_ENGINE_INTERNALS)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("Camunda's internals change without notice; see MAY_USE_ENGINE_INTERNALS")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.opencollab"));
  }

  private static void findCycles(
      String start,
      String at,
      Map<String, Set<String>> uses,
      List<String> path,
      List<String> cycles) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        cycles.add(String.join(" -> ", path) + " -> " + start);
      } else if (!path.contains(next) && next.compareTo(start) > 0) {
        path.add(next);
        findCycles(start, next, uses, path, cycles);
        path.remove(path.size() - 1);
      }
    }
  }
}
