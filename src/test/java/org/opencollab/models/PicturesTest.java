package org.opencollab.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.junit.jupiter.api.Test;

/**
 * The pictures in {@code docs/} show the models as they are: every diagram of every process model
 * has its SVG, every decision model its tables, and each records the SHA-256 of the model it was
 * rendered from. A changed model without new pictures fails here; {@code cd pictures && npm ci &&
 * npm run render} renders them again.
 */
class PicturesTest {

  private static final Path PICTURES = Path.of("docs", "pictures");
  private static final Path DECISION_TABLES = Path.of("docs", "decisions");

  @Test
  void everyDiagramHasAPictureOfTheModelAsItIs() throws Exception {
    for (Path model : models(Path.of("processes"), ".bpmn")) {
      String name = model.getFileName().toString().replace(".bpmn", "");
      int diagrams =
          Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(BpmnDiagram.class).size();
      List<Path> pictures;
      try (Stream<Path> files = Files.list(PICTURES)) {
        pictures =
            files
                .filter(
                    file ->
                        file.getFileName().toString().matches(name + "(\\.[A-Za-z0-9_]+)?\\.svg"))
                .toList();
      }
      assertThat(pictures).as("pictures of %s, one per diagram", model).hasSize(diagrams);
      for (Path picture : pictures) {
        assertThat(Files.readString(picture))
            .as("%s is rendered from the current %s; run the renderer in pictures/", picture, model)
            .contains("sha256: " + sha256(model));
      }
    }
  }

  @Test
  void everyDecisionHasItsTablesOfTheModelAsItIs() throws Exception {
    for (Path model : models(Path.of("decisions"), ".dmn")) {
      Path tables = DECISION_TABLES.resolve(model.getFileName().toString().replace(".dmn", ".md"));
      assertThat(tables).as("tables of %s", model).exists();
      assertThat(Files.readString(tables))
          .as("%s is rendered from the current %s; run the renderer in pictures/", tables, model)
          .contains("sha256: " + sha256(model));
    }
  }

  private static List<Path> models(Path folder, String extension) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
    }
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
