package org.opencollab.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.security.Refusal;
import org.opencollab.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tasks/columns?taskId=…&taskId=…} (docs/employees.md, "The task list"): for each
 * listed task the signed-in person may see, the opportunity's id, customer and priority, which
 * Tasklist's cards show beside each task ({@code tasklist/collab/columns.js}, a card plugin). The
 * values are those of the task's process (an opportunity, or a dispute about one), read once for
 * all listed tasks; a task the person may not see, or that does not exist, is left out, as Tasklist
 * leaves it out of their lists. At most {@value #MOST} tasks per call; more is a 400 that names
 * {@code taskId}.
 *
 * <p>Until 2026-12 every task carried copies of these values as its own variables, for Tasklist's
 * filter columns: three variables and their history on every task, for display only.
 */
@RestController
@RequestMapping("/api/tasks")
public class TaskColumns {

  /** At most this many tasks per call: 100 ids keep the request line far below Tomcat's 8 KB. */
  static final int MOST = 100;

  /** The facts a card shows, in this order. */
  static final List<String> NAMES =
      List.of(
          OpportunityVariables.OPPORTUNITY_ID,
          OpportunityVariables.CUSTOMER_NAME,
          OpportunityVariables.PRIORITY);

  private static final Logger LOG = LoggerFactory.getLogger(TaskColumns.class);

  private final ProcessEngine engine;

  public TaskColumns(ProcessEngine engine) {
    this.engine = engine;
  }

  @GetMapping("/columns")
  public ResponseEntity<?> columns(
      @RequestParam(name = "taskId", required = false) List<String> taskIds, SignedInUser user) {
    Set<String> wanted = new LinkedHashSet<>(taskIds == null ? List.of() : taskIds);
    if (wanted.size() > MOST) {
      LOG.warn("Refused task columns (400): {} tasks asked at once", wanted.size());
      return Refusal.of(
          HttpStatus.BAD_REQUEST,
          "taskId: at most " + MOST + " tasks at once, not " + wanted.size(),
          "taskId: 一次最多 " + MOST + " 个任务，而不是 " + wanted.size() + " 个");
    }
    Map<String, Map<String, Object>> answer = new LinkedHashMap<>();
    if (!wanted.isEmpty()) {
      List<Task> visible = visibleTo(user, wanted);
      Map<String, Map<String, Object>> byProcess = valuesOf(visible);
      for (Task task : visible) {
        Map<String, Object> values = byProcess.get(task.getProcessInstanceId());
        if (values != null && !values.isEmpty()) {
          answer.put(task.getId(), values);
        }
      }
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
  }

  /** The listed tasks that {@code user} may see, asked of the engine as them. */
  private List<Task> visibleTo(SignedInUser user, Set<String> taskIds) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user.id(), List.copyOf(user.groups()));
    try {
      return engine
          .getTaskService()
          .createTaskQuery()
          .taskIdIn(taskIds.toArray(String[]::new))
          .list();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Each process's own id, customer and priority, in one query. */
  private Map<String, Map<String, Object>> valuesOf(List<Task> tasks) {
    Set<String> processes = new LinkedHashSet<>();
    tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null).forEach(processes::add);
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    if (processes.isEmpty()) {
      return values;
    }
    List<VariableInstance> variables =
        new ArrayList<>(
            engine
                .getRuntimeService()
                .createVariableInstanceQuery()
                .processInstanceIdIn(processes.toArray(String[]::new))
                .variableNameIn(NAMES.toArray(String[]::new))
                .disableBinaryFetching()
                .list());
    for (String process : processes) {
      Map<String, Object> ofProcess = new LinkedHashMap<>();
      for (String name : NAMES) {
        variables.stream()
            .filter(variable -> variable.getProcessInstanceId().equals(process))
            .filter(variable -> variable.getName().equals(name))
            .filter(variable -> process.equals(variable.getExecutionId()))
            .filter(variable -> variable.getTaskId() == null) // not a task's copy of before
            .findFirst()
            .ifPresent(variable -> ofProcess.put(name, variable.getValue()));
      }
      values.put(process, ofProcess);
    }
    return values;
  }
}
