package org.opencollab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of the main code says in its {@code package-info.java} what lives there, so that a
 * newcomer finds the room before opening its files.
 */
class PackageInfoTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "org", "opencollab");

  @Test
  void everyPackageSaysWhatLivesThere() throws IOException {
    List<Path> packages;
    try (Stream<Path> folders = Files.walk(SOURCES)) {
      packages = folders.filter(PackageInfoTest::holdsClasses).toList();
    }
    assertThat(packages).isNotEmpty();
    for (Path folder : packages) {
      Path info = folder.resolve("package-info.java");
      assertThat(info).as("%s says what lives there", folder).exists();
      String text = Files.readString(info);
      assertThat(text.substring(0, text.indexOf("package ")).replaceAll("[/*\\s]", "").length())
          .as("the comment of %s", info)
          .isGreaterThan(30);
    }
  }

  private static boolean holdsClasses(Path folder) {
    if (!Files.isDirectory(folder) || folder.equals(SOURCES)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(
          file ->
              file.toString().endsWith(".java")
                  && !file.getFileName().toString().equals("package-info.java"));
    } catch (IOException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }
}
