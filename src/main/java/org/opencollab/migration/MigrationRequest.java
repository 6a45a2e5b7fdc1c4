package org.opencollab.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencollab.migration.MigrationPlanning.Mapping;

/**
 * The body of {@code POST /api/migrations/{processKey}}: {@code fromVersion} (required, the version
 * whose instances move), {@code dryRun} (default true: plan only) and {@code mappings}, optional,
 * [{"from": "OldStepId", "to": "NewStepId"}] for steps whose id changed. Anything else, at the top
 * or inside a mapping, is refused, naming the field ({@code mappings[0].x}).
 */
record MigrationRequest(int fromVersion, boolean dryRun, List<Mapping> mappings) {

  private static final Set<String> FIELDS = Set.of("fromVersion", "dryRun", "mappings");
  private static final Set<String> MAPPING_FIELDS = Set.of("from", "to");

  /** A body that is not such a request: the field, and why in both languages. */
  static final class Invalid extends RuntimeException {
    private final String chinese;

    Invalid(String english, String chinese) {
      super(english, null, false, false);
      this.chinese = chinese;
    }

    String chinese() {
      return chinese;
    }
  }

  static MigrationRequest parse(String body, ObjectMapper json) {
    JsonNode request;
    try {
      request = body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new Invalid(
          "The request body is not JSON: send {\"fromVersion\": 1, \"dryRun\": true}",
          "请求体不是 JSON：请发送 {\"fromVersion\": 1, \"dryRun\": true}");
    }
    if (request == null || !request.isObject()) {
      throw new Invalid(
          "fromVersion: required, the version whose running instances move, such as"
              + " {\"fromVersion\": 1, \"dryRun\": true}",
          "fromVersion：必填，要迁移其运行中实例的版本，如 {\"fromVersion\": 1, \"dryRun\": true}");
    }
    request
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                throw new Invalid(
                    name + ": not a field of a migration; the fields are " + FIELDS,
                    name + "：不是迁移请求的字段；字段为 " + FIELDS);
              }
            });
    JsonNode version = request.get("fromVersion");
    if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new Invalid(
          "fromVersion: must be a whole number, the version whose running instances move, got "
              + version,
          "fromVersion：必须是整数，即要迁移其运行中实例的版本，实际为 " + version);
    }
    JsonNode dryRun = request.get("dryRun");
    if (dryRun != null && !dryRun.isBoolean()) {
      throw new Invalid(
          "dryRun: must be true (plan only) or false (plan and move), got " + dryRun,
          "dryRun：必须是 true（只制定计划）或 false（制定计划并迁移），实际为 " + dryRun);
    }
    return new MigrationRequest(
        version.intValue(), dryRun == null || dryRun.booleanValue(), mappings(request));
  }

  private static List<Mapping> mappings(JsonNode request) {
    JsonNode given = request.get("mappings");
    if (given == null || given.isNull()) {
      return List.of();
    }
    if (!given.isArray()) {
      throw new Invalid(
          "mappings: must be a list such as [{\"from\": \"OldStepId\", \"to\": \"NewStepId\"}]",
          "mappings：必须是列表，如 [{\"from\": \"OldStepId\", \"to\": \"NewStepId\"}]");
    }
    List<Mapping> mappings = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      JsonNode mapping = given.get(i);
      String at = "mappings[" + i + "]";
      mapping
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!MAPPING_FIELDS.contains(name)) {
                  throw new Invalid(
                      at + "." + name + ": not a field of a mapping; the fields are from and to",
                      at + "." + name + "：不是映射的字段；字段为 from 和 to");
                }
              });
      String from = mapping.path("from").asText("");
      String to = mapping.path("to").asText("");
      if (!mapping.isObject() || from.isBlank() || to.isBlank()) {
        throw new Invalid(
            at + ": must name the old step and the new one, {\"from\": ..., \"to\": ...}",
            at + "：必须写明旧步骤和新步骤，{\"from\": ..., \"to\": ...}");
      }
      mappings.add(new Mapping(from, to));
    }
    return List.copyOf(mappings);
  }
}
