package org.opencollab.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.opencollab.variables.InvalidFieldException;
import org.opencollab.variables.Rule;

/**
 * Bodies that Camunda's REST resources cannot carry out are a 400 that names the field, where
 * Camunda answers some with 500 and takes others into a batch that then fails in the background for
 * ever. Setting job retries ({@code POST /job/retries}, {@code POST /process-instance/job-retries}
 * and its {@code -historic-query-based} twin, {@code PUT /job/{id}/retries}): retries a whole
 * number, 0 or more; the jobs or process instances named, each an existing one, or a query.
 * Evaluating conditions ({@code POST /condition}): a JSON object. At {@code /engine-rest} and in
 * the webapps' API alike; a body that is not JSON at all is left to {@link JsonBodies}.
 */
public class RequestChecks implements ContainerRequestFilter {

  private static final Pattern PATH =
      Pattern.compile(
          "^/?(?:engine/([^/]+)/)?"
              + "(job/retries|job/[^/]+/retries|process-instance/job-retries"
              + "|process-instance/job-retries-historic-query-based|condition)$");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What the ids of a request name, as its refusals say it. */
  private static final Rule JOB = new Rule("job", "作业");

  private static final Rule PROCESS_INSTANCE = new Rule("process instance", "流程实例");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Matcher path = PATH.matcher(request.getUriInfo().getPath());
    if (!path.matches()
        || !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))) {
      return;
    }
    byte[] bytes = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(bytes));
    JsonNode body;
    try {
      body = bytes.length == 0 ? null : MAPPER.readTree(bytes);
    } catch (IOException malformed) {
      return; // Camunda's reader meets it and JsonBodies answers
    }
    String door = path.group(2);
    if ((body == null || !body.isObject()) && door.equals("condition")) {
      throw new InvalidRequestException(
          Response.Status.BAD_REQUEST,
          "The request body must be a JSON object, with the variables to evaluate the conditions on");
    }
    if (door.equals("condition")) {
      return; // Camunda and EngineRefusals answer the rest
    }
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException(
          Response.Status.BAD_REQUEST,
          "The request body must be a JSON object with retries"
              + (door.equals("job/retries")
                  ? " and jobIds or a jobQuery"
                  : door.startsWith("process-instance/")
                      ? " and processInstances or a query"
                      : ""));
    }
    checkRetries(body.get("retries"));
    ProcessEngine engine =
        path.group(1) == null
            ? ProcessEngines.getDefaultProcessEngine()
            : ProcessEngines.getProcessEngine(path.group(1));
    if (engine == null) {
      return;
    }
    if (door.equals("job/retries")) {
      Set<String> jobIds = ids(body, "jobIds", JOB);
      if (jobIds.isEmpty() && !body.path("jobQuery").isObject()) {
        throw new InvalidFieldException(
            "jobIds", "name at least one job, or give a jobQuery", "请至少指定一个作业，或给出 jobQuery");
      }
      requireExisting(
          "jobIds",
          JOB,
          jobIds,
          ids ->
              engine.getManagementService().createJobQuery().jobIds(ids).list().stream()
                  .map(job -> job.getId()));
    } else if (door.startsWith("process-instance/")) {
      boolean historic = door.endsWith("historic-query-based");
      String query = historic ? "historicProcessInstanceQuery" : "processInstanceQuery";
      Set<String> instances = ids(body, "processInstances", PROCESS_INSTANCE);
      if (instances.isEmpty() && !body.path(query).isObject()) {
        throw new InvalidFieldException(
            "processInstances",
            "name at least one process instance, or give a " + query,
            "请至少指定一个流程实例，或给出 " + query);
      }
      requireExisting(
          "processInstances",
          PROCESS_INSTANCE,
          instances,
          historic
              ? ids ->
                  engine
                      .getHistoryService()
                      .createHistoricProcessInstanceQuery()
                      .processInstanceIds(ids)
                      .list()
                      .stream()
                      .map(instance -> instance.getId())
              : ids ->
                  engine
                      .getRuntimeService()
                      .createProcessInstanceQuery()
                      .processInstanceIds(ids)
                      .list()
                      .stream()
                      .map(instance -> instance.getId()));
      if (!instances.isEmpty()
          && !body.path(query).isObject()
          && engine.getManagementService().createJobQuery().processInstanceIds(instances).count()
              == 0) {
        throw new InvalidFieldException(
            "processInstances",
            "these process instances have no jobs to try again",
            "这些流程实例没有可重试的作业");
      }
    }
  }

  private static void checkRetries(JsonNode retries) {
    if (retries == null || retries.isNull()) {
      throw new InvalidFieldException(
          "retries",
          Rule.required()
              .plus(": how many more times to try the jobs, 0 or more", "：作业还要重试几次，不得小于 0"));
    }
    if (!retries.isIntegralNumber() || !retries.canConvertToInt()) {
      throw new InvalidFieldException(
          "retries", Rule.wholeNumber().plus(", 0 or more", "，不得小于 0").got(retries));
    }
    if (retries.intValue() < 0) {
      throw new InvalidFieldException("retries", Rule.zeroOrMore().got(retries.intValue()));
    }
  }

  /** The ids in the list {@code field}, each a text; empty when the field is absent or null. */
  private static Set<String> ids(JsonNode body, String field, Rule what) {
    JsonNode list = body.get(field);
    Set<String> ids = new LinkedHashSet<>();
    if (list == null || list.isNull()) {
      return ids;
    }
    if (!list.isArray()) {
      throw new InvalidFieldException(
          field,
          new Rule("must be a list of " + what.english() + " ids", "必须是" + what.chinese() + "编号的列表")
              .got(list));
    }
    for (JsonNode id : list) {
      if (!id.isTextual() || id.asText().isBlank()) {
        throw new InvalidFieldException(
            field,
            new Rule("a " + what.english() + " id must be a text", what.chinese() + "编号必须是文本")
                .got(id));
      }
      ids.add(id.asText());
    }
    return ids;
  }

  private static void requireExisting(
      String field, Rule what, Set<String> ids, Function<Set<String>, Stream<String>> found) {
    if (ids.isEmpty()) {
      return;
    }
    Set<String> missing = new LinkedHashSet<>(ids);
    found.apply(ids).forEach(missing::remove);
    if (!missing.isEmpty()) {
      String shown = String.join(", ", missing.stream().limit(10).toList());
      int more = missing.size() - 10;
      throw new InvalidFieldException(
          field,
          "no "
              + what.english()
              + " "
              + shown
              + (more > 0 ? " and " + more + " more" : "")
              + " (or not one you may see)",
          "没有"
              + what.chinese()
              + " "
              + shown
              + (more > 0 ? " 等另外 " + more + " 个" : "")
              + "（或你无权查看）");
    }
  }
}
