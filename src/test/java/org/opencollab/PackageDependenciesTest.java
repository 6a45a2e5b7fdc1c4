package org.opencollab;

import static org.assertj.core.api.Assertions.assertThat;

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
 * own.
 */
class PackageDependenciesTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "org", "opencollab");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?org\\.opencollab\\.([a-z]+)\\.", Pattern.MULTILINE);

  @Test
  void packagesHaveNoCycles() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String from =
            SOURCES.relativize(file).getNameCount() > 1
                ? SOURCES.relativize(file).getName(0).toString()
                : "";
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
