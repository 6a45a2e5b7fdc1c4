package org.opencollab.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.script.Step;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.RestOpportunityDriver;

/**
 * Virtual Tasklist users at work on one or more nodes, for {@link CapacityBenchmark}. Each drives
 * an opportunity of its own through the worked example ({@link WorkedOpportunity#delivered()}),
 * acting at each step as the step's rightful demo user, with one door per demo user it needs
 * ({@link EngineDoor}: a Tasklist session, or for every {@code restEvery}-th virtual user HTTP
 * Basic on {@code /engine-rest}); when the opportunity ends it starts the next. A step of work is
 * what a person does in Tasklist:
 *
 * <ol>
 *   <li>list: the filter "My department" or "Assigned to me", searched by the opportunity's id
 *       ({@code POST /filter/{id}/list}, in Tasklist as HAL, then the cards' columns from {@code
 *       GET /api/tasks/columns}), the other filter when the task is not in the first; when it is in
 *       neither (a job of the process runs first) the user looks again a second later;
 *   <li>open: the task, its form's key, the form, and the form's variables ({@code GET /task/{id},
 *       /form, /deployed-form, /form-variables}); a group task is claimed, as Tasklist asks before
 *       its form can be submitted;
 *   <li>think;
 *   <li>complete: {@code POST /task/{id}/submit-form} with what the step enters;
 *   <li>think.
 * </ol>
 *
 * A new user first plays its first opportunity, uncounted and without opening forms or thinking, to
 * a step drawn at random, so that the users' tasks are spread over the whole process as in an
 * office where work is under way; {@link #measure} waits for that before it counts. Starting an
 * opportunity is one call (Tasklist's start form, or REST's start), then a think. Thinking takes
 * {@code think} on average, drawn evenly between half and one and a half times it, so that users do
 * not act in step. Every call is timed; a call that fails (no 2xx, or no answer within 30 s) is
 * counted as failed and ranks slower than any answered call. After three failed steps in a row a
 * user leaves its opportunity and starts another.
 */
final class TasklistLoad implements AutoCloseable {

  static final String ASSIGNED_TO_ME = "Assigned to me / 分配给我";
  static final String MY_DEPARTMENT = "My department / 我的部门";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HAL = "application/hal+json";
  private static final String PLAIN = "application/json";
  private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

  /** How often a user looks for a step's task before it gives the opportunity up. */
  private static final int LOOKS = 60;

  /** How long new users may take to play their opportunities to their first steps. */
  private static final Duration HEAD_START = Duration.ofMinutes(5);

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** A node the users work on, and the ids of its two filters. */
  record Node(int port, String assignedToMe, String myDepartment) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<Node> nodes;
  private final Duration think;
  private final int restEvery;
  private final List<Thread> users = new ArrayList<>();

  /** Which filter showed a task of a key last, so users look there first. */
  private final Map<String, String> whereFound = new ConcurrentHashMap<>();

  private final LongAdder delivered = new LongAdder();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();
  private volatile boolean working = true;
  private volatile Window window;

  TasklistLoad(List<Node> nodes, Duration think, int restEvery) {
    this.nodes = List.copyOf(nodes);
    this.think = think;
    this.restEvery = restEvery;
  }

  /** The shared filters' ids on a node, read as alice over REST. */
  static Node node(int port) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    EngineDoor.Answer filters =
        EngineDoor.rest(http, port, WorkedOpportunity.ACCOUNT_MANAGER_USER)
            .get("/filter?resourceType=Task");
    Map<String, String> ids = new HashMap<>();
    for (JsonNode filter : read(filters)) {
      ids.put(filter.path("name").asText(), filter.path("id").asText());
    }
    if (!ids.containsKey(ASSIGNED_TO_ME) || !ids.containsKey(MY_DEPARTMENT)) {
      throw new IllegalStateException("the shared filters are missing: " + ids.keySet());
    }
    return new Node(port, ids.get(ASSIGNED_TO_ME), ids.get(MY_DEPARTMENT));
  }

  /** The figures of one step of the ramp. */
  record Figures(
      int users, double seconds, long tasks, int failed, List<Long> answered, int restUsers) {

    int calls() {
      return answered.size() + failed;
    }

    double callsPerSecond() {
      return calls() / seconds;
    }

    double tasksPerSecond() {
      return tasks / seconds;
    }

    /** The latency at {@code percent}, in ms; infinite when it falls on a failed call. */
    double percentile(int percent) {
      if (calls() == 0) {
        return Double.POSITIVE_INFINITY;
      }
      int index = Math.max((int) Math.ceil(percent / 100.0 * calls()) - 1, 0);
      return index < answered.size() ? answered.get(index) / 1e6 : Double.POSITIVE_INFINITY;
    }

    double p95() {
      return percentile(95);
    }
  }

  /** Calls and completed tasks while a window is open. */
  private static final class Window {
    final ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
    final AtomicInteger failed = new AtomicInteger();
    final LongAdder tasks = new LongAdder();
  }

  /**
   * Grows to {@code count} users (those at work keep working), lets them settle for {@code settle},
   * then counts for {@code span}.
   */
  Figures measure(int count, Duration settle, Duration span) throws InterruptedException {
    CountDownLatch underWay = new CountDownLatch(Math.max(count - users.size(), 0));
    while (users.size() < count) {
      int number = users.size();
      Thread user =
          new Thread(
              new VirtualUser(
                  nodes.get(number % nodes.size()),
                  restEvery > 0 && number % restEvery == restEvery - 1,
                  underWay),
              "virtual-user-" + number);
      user.setDaemon(true);
      users.add(user);
      user.start();
    }
    if (!underWay.await(HEAD_START.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          underWay.getCount() + " new users did not reach their first step in " + HEAD_START);
    }
    Thread.sleep(settle.toMillis());
    Window counting = new Window();
    long opened = System.nanoTime();
    window = counting;
    Thread.sleep(span.toMillis());
    window = null;
    double seconds = (System.nanoTime() - opened) / 1e9;
    List<Long> answered = new ArrayList<>(counting.answered);
    Collections.sort(answered);
    return new Figures(
        count,
        seconds,
        counting.tasks.sum(),
        counting.failed.get(),
        answered,
        restEvery > 0 ? count / restEvery : 0);
  }

  @Override
  public void close() throws InterruptedException {
    working = false;
    for (Thread user : users) {
      user.interrupt();
    }
    for (Thread user : users) {
      user.join(Duration.ofSeconds(40).toMillis());
    }
  }

  private final class VirtualUser implements Runnable {

    private final Node node;
    private final boolean rest;
    private final Map<String, EngineDoor> doors = new HashMap<>();
    private String opportunity;
    private List<Step> walk;
    private int next;
    private int failedInARow;
    private int lookedInVain;

    /** Until its first opportunity reaches this step, the user plays it quickly, uncounted. */
    private int headStart;

    private boolean underWayYet;
    private final CountDownLatch underWay;

    VirtualUser(Node node, boolean rest, CountDownLatch underWay) {
      this.node = node;
      this.rest = rest;
      this.underWay = underWay;
    }

    private boolean headStarting() {
      return !underWayYet && next < headStart;
    }

    @Override
    public void run() {
      try {
        headStart = ThreadLocalRandom.current().nextInt(WorkedOpportunity.delivered().size());
        try {
          start();
          while (working && opportunity != null && headStarting()) {
            work(walk.get(next));
          }
        } catch (RuntimeException e) {
          failed(e);
        } finally {
          underWayYet = true;
          underWay.countDown();
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(think.toMillis() + 1));
        while (working) {
          try {
            if (opportunity == null) {
              start();
            } else {
              work(walk.get(next));
            }
          } catch (RuntimeException e) { // a sign-in refused, an answer that is no Json
            failed(e);
            think();
          }
        }
      } catch (InterruptedException stopped) {
        // the run is over
      }
    }

    private void start() throws InterruptedException {
      String id =
          "OPP-CAP-" + System.currentTimeMillis() % 100_000_000 + "-" + SEQUENCE.incrementAndGet();
      EngineDoor alice = door(WorkedOpportunity.ACCOUNT_MANAGER_USER);
      String path =
          "/process-definition/key/"
              + OpportunityVariables.PROCESS_KEY
              + (alice.throughTasklist() ? "/submit-form" : "/start");
      EngineDoor.Answer started =
          call(
              () ->
                  alice.post(
                      path,
                      variables(
                          WorkedOpportunity.keyAccount(
                              id, WorkedOpportunity.CUSTOMER, "Passenger analytics")),
                      PLAIN));
      if (started.ok()) {
        opportunity = id;
        walk = WorkedOpportunity.delivered();
        next = 0;
        failedInARow = 0;
      }
      if (!headStarting()) {
        think();
      }
    }

    private void work(Step step) throws InterruptedException {
      EngineDoor door = door(step.user());
      JsonNode task = find(door, step);
      if (task == null) {
        if (++lookedInVain == LOOKS) {
          String stuck = opportunity;
          opportunity = null; // the run reports it; the user starts another
          lookedInVain = 0;
          throw new IllegalStateException(
              door.user + " found no " + step.taskKey() + " task in " + stuck);
        }
        Thread.sleep(LOOK_AGAIN.toMillis());
        return;
      }
      lookedInVain = 0;
      String id = task.path("id").asText();
      boolean quickly = headStarting();
      boolean open =
          quickly
              || call(() -> door.get("/task/" + id)).ok()
                  && call(() -> door.get("/task/" + id + "/form")).ok()
                  && call(() -> door.get("/task/" + id + "/deployed-form")).ok()
                  && call(() -> door.get("/task/" + id + "/form-variables")).ok();
      if (open && isNull(task.path("assignee"))) {
        open =
            call(() ->
                    door.post(
                        "/task/" + id + "/claim",
                        JSON.writeValueAsString(Map.of("userId", door.user)),
                        PLAIN))
                .ok();
      }
      if (!quickly) {
        think();
      }
      if (open
          && call(() -> door.post("/task/" + id + "/submit-form", variables(step), PLAIN)).ok()) {
        Window counting = window;
        if (counting != null) {
          counting.tasks.increment();
        }
        failedInARow = 0;
        next++;
        if (next == walk.size()) {
          opportunity = null;
          delivered.increment();
        }
      } else if (++failedInARow == 3) {
        opportunity = null; // leave it, as a person would after three tries
      }
      if (!quickly) {
        think();
      }
    }

    /** The step's task in the filter it was last found in, else in the other one; or null. */
    private JsonNode find(EngineDoor door, Step step) throws InterruptedException {
      String first = whereFound.getOrDefault(step.taskKey(), node.myDepartment());
      String second = first.equals(node.myDepartment()) ? node.assignedToMe() : node.myDepartment();
      for (String filter : List.of(first, second)) {
        EngineDoor.Answer listed =
            call(
                () ->
                    door.post(
                        "/filter/" + filter + "/list?firstResult=0&maxResults=15",
                        search(),
                        door.throughTasklist() ? HAL : PLAIN));
        if (!listed.ok()) {
          return null;
        }
        JsonNode page = read(listed);
        JsonNode tasks = page.isArray() ? page : page.path("_embedded").path("task");
        if (door.throughTasklist() && !tasks.isEmpty()) {
          // Tasklist's cards then ask the product for their opportunity, customer and priority.
          StringBuilder ids = new StringBuilder();
          for (JsonNode task : tasks) {
            ids.append(ids.isEmpty() ? "?" : "&")
                .append("taskId=")
                .append(task.path("id").asText());
          }
          EngineDoor.Answer columns = call(() -> door.getProduct("/api/tasks/columns" + ids));
          if (!columns.ok()) {
            return null;
          }
        }
        for (JsonNode task : tasks) {
          String assignee = task.path("assignee").asText(null);
          if (task.path("taskDefinitionKey").asText().equals(step.taskKey())
              && (assignee == null || assignee.equals(door.user))) {
            whereFound.put(step.taskKey(), filter);
            return task;
          }
        }
      }
      return null;
    }

    /** Tasklist's search of a filter by a process variable: the opportunity's id. */
    private String search() throws IOException {
      return JSON.writeValueAsString(
          Map.of(
              "processVariables",
              List.of(
                  Map.of(
                      "name",
                      OpportunityVariables.OPPORTUNITY_ID,
                      "operator",
                      "eq",
                      "value",
                      opportunity)),
              "taskVariables",
              List.of(),
              "caseInstanceVariables",
              List.of()));
    }

    private EngineDoor door(String user) throws InterruptedException {
      EngineDoor door = doors.get(user);
      if (door == null) {
        door =
            rest
                ? EngineDoor.rest(http, node.port(), user)
                : EngineDoor.tasklist(http, node.port(), user);
        doors.put(user, door);
      }
      return door;
    }

    private void think() throws InterruptedException {
      long mean = think.toMillis();
      Thread.sleep(ThreadLocalRandom.current().nextLong(mean / 2, mean + mean / 2 + 1));
    }
  }

  private interface Call {
    EngineDoor.Answer send() throws InterruptedException, IOException;
  }

  /** Sends and times a call, counting it in the open window. */
  private EngineDoor.Answer call(Call call) throws InterruptedException {
    long sent = System.nanoTime();
    EngineDoor.Answer answer;
    try {
      answer = call.send();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long took = System.nanoTime() - sent;
    Window counting = window;
    if (counting != null) {
      if (answer.ok()) {
        counting.answered.add(took);
      } else {
        counting.failed.incrementAndGet();
      }
    }
    return answer;
  }

  /** Counts a failure outside a call, keeping the first one's message for the report. */
  private void failed(RuntimeException e) {
    firstProblem.compareAndSet(null, e.toString());
    Window counting = window;
    if (counting != null) {
      counting.failed.incrementAndGet();
    }
  }

  /** Opportunities played to their end so far, in or out of a window. */
  long delivered() {
    return delivered.sum();
  }

  /** The first failure that was no failed call, or null. */
  String firstProblem() {
    return firstProblem.get();
  }

  private static boolean isNull(JsonNode value) {
    return value.isMissingNode() || value.isNull();
  }

  private static String variables(Step step) throws IOException {
    return JSON.writeValueAsString(
        Map.of("variables", RestOpportunityDriver.typed(step.variables())));
  }

  private static String variables(Map<String, Object> values) {
    try {
      return JSON.writeValueAsString(Map.of("variables", RestOpportunityDriver.typed(values)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(EngineDoor.Answer answer) {
    if (!answer.ok()) {
      throw new IllegalStateException(answer.status() + " " + answer.body());
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
