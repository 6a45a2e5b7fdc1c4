package org.opencollab.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.opencollab.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What people upload has limits at every door (docs/operators.md, "Security"): an attachment at
 * most 10 MB, a comment at most 4,000 characters, any other body at most 2 MB. A breach is a 413 or
 * a 400 that says so, and stores nothing; a large body is refused before it is held in memory,
 * whether it declares its length or comes in chunks.
 */
@ApplicationTest
class UploadLimitsTest {

  static final int MB = 1024 * 1024;
  static final String BOUNDARY = "collab-upload-boundary";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired UploadLimits limits;
  private RestClient rest;
  private Task qualify;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    String id = newOpportunityId();
    new OpportunityDriver(engine).start(keyAccount(id));
    qualify = new OpportunityDriver(engine).task(id, "QualifyOpportunity");
  }

  @Test
  void attachmentUpToTheLimitIsStoredAndOneByteMoreIsA413AtEveryDoor() {
    long limit = limits.attachmentMaxSize().toBytes();
    assertThat(limit).isEqualTo(10 * MB);
    WebappSession tasklist = WebappSession.login(port, "alice", "tasklist");
    String path = "/task/" + qualify.getId() + "/attachment/create";

    HttpResponse<String> over = upload("/engine-rest" + path, "over", limit + 1, false);
    assertThat(over.statusCode()).as(over.body()).isEqualTo(413);
    assertThat(over.body())
        .contains("\"type\":\"RequestTooLarge\"")
        .contains("content: an attachment may be at most 10 MB (10,485,760 bytes)")
        .contains("this one has 10,485,761 bytes");
    HttpResponse<String> overInTasklist =
        tasklist.post(path, multipartType(), multipart("over", limit + 1, false));
    assertThat(overInTasklist.statusCode()).as(overInTasklist.body()).isEqualTo(413);
    assertThat(engine.getTaskService().getTaskAttachments(qualify.getId())).isEmpty();

    HttpResponse<String> atLimit = upload("/engine-rest" + path, "at the limit", limit, false);
    assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);
    HttpResponse<String> atLimitInTasklist =
        tasklist.post(path, multipartType(), multipart("in Tasklist", limit, true));
    assertThat(atLimitInTasklist.statusCode()).as(atLimitInTasklist.body()).isEqualTo(200);
    assertThat(engine.getTaskService().getTaskAttachments(qualify.getId()))
        .extracting(attachment -> attachment.getName())
        .containsExactlyInAnyOrder("at the limit", "in Tasklist");
    try (InputStream stored =
        engine
            .getTaskService()
            .getTaskAttachmentContent(
                qualify.getId(),
                engine.getTaskService().getTaskAttachments(qualify.getId()).get(0).getId())) {
      assertThat(stored.readAllBytes()).hasSize((int) limit);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a300MbUploadIsRefusedBeforeItIsHeldInMemory() {
    long size = 300L * MB;
    String path = "/task/" + qualify.getId() + "/attachment/create";

    HttpResponse<String> declared = measured("declared", () -> upload(path, size, false));
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
    assertThat(declared.body()).contains("this request declares 314,573,");

    HttpResponse<String> chunked = measured("chunked", () -> upload(path, size, true));
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    assertThat(chunked.body())
        .contains("content: an attachment may be at most 10 MB")
        .contains("no Content-Length");

    HttpResponse<String> inTasklist =
        measured(
            "chunked, in Tasklist",
            () ->
                WebappSession.login(port, "alice", "tasklist")
                    .post(path, multipartType(), multipart("huge", size, true)));
    assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(413);

    assertThat(engine.getTaskService().getTaskAttachments(qualify.getId())).isEmpty();
  }

  @Test
  void aCommentOf15MbIsA413AndOneOf4001CharactersA400NamingMessage() {
    String comments = "/task/" + qualify.getId() + "/comment/create";
    String huge = "{\"message\": \"" + "x".repeat(15 * MB) + "\"}";

    HttpResponse<String> declared =
        send("/engine-rest" + comments, "application/json", BodyPublishers.ofString(huge));
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
    assertThat(declared.body())
        .contains("The request body may be at most 2 MB (2,097,152 bytes)")
        .contains("declares 15,728,");
    HttpResponse<String> chunked =
        send(
            "/engine-rest" + comments,
            "application/json",
            BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))));
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    assertThat(chunked.body()).contains("no Content-Length");

    String tooLong = "{\"message\": \"" + "x".repeat(4001) + "\"}";
    HttpResponse<String> refused = rest.postJson("/engine-rest" + comments, "alice", tooLong);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"type\":\"InvalidFieldException\"")
        .contains("\"message\":\"message: has at most 4000 characters; this one has 4001\"")
        .contains("\"field\":\"message\"");
    HttpResponse<String> inTasklist =
        WebappSession.login(port, "alice", "tasklist").postJson(comments, tooLong);
    assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(400);
    assertThat(inTasklist.body()).contains("\"field\":\"message\"");
    assertThat(engine.getTaskService().getTaskComments(qualify.getId())).isEmpty();

    String longest = "{\"message\": \"" + "x".repeat(4000) + "\"}";
    HttpResponse<String> kept = rest.postJson("/engine-rest" + comments, "alice", longest);
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    String commentId = engine.getTaskService().getTaskComments(qualify.getId()).get(0).getId();
    HttpResponse<String> longer =
        rest.putJson(
            "/engine-rest/task/" + qualify.getId() + "/comment",
            "alice",
            "{\"id\": \"" + commentId + "\", \"message\": \"" + "y".repeat(4001) + "\"}");
    assertThat(longer.statusCode()).as(longer.body()).isEqualTo(400);
    assertThat(longer.body()).contains("\"field\":\"message\"");
    assertThat(engine.getTaskService().getTaskComments(qualify.getId()))
        .singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).hasSize(4000).startsWith("x"));
  }

  @Test
  void anAttachmentsNameLongerThanItsColumnIsA400NamingTheField() {
    HttpResponse<String> refused =
        send(
            "/engine-rest/task/" + qualify.getId() + "/attachment/create",
            multipartType(),
            multipart("n".repeat(256), 10, false));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"field\":\"attachment-name\"")
        .contains("has at most 255 characters; this one has 256");
    assertThat(engine.getTaskService().getTaskAttachments(qualify.getId())).isEmpty();
  }

  /**
   * Runs the upload and prints the heap the application used meanwhile: the test and the
   * application share one JVM, so the heap is measured around the call and the bytes allocated by
   * the server's request threads (Tomcat's {@code http-nio-*}) are counted apart from the client's.
   */
  private HttpResponse<String> measured(String what, Supplier<HttpResponse<String>> upload) {
    System.gc();
    long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .forEach(MemoryPoolMXBean::resetPeakUsage);
    Map<Long, Long> serverBefore = serverThreadAllocations();

    HttpResponse<String> response = upload.get();

    long peak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed())
            .sum();
    long allocated =
        serverThreadAllocations().entrySet().stream()
            .mapToLong(thread -> thread.getValue() - serverBefore.getOrDefault(thread.getKey(), 0L))
            .sum();
    System.gc();
    long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(
        "Upload of 300 MB (%s): answered %d; heap used %d MB before, %d MB after, at most %d MB"
            + " at its peak (sum of the heap pools' peaks, the test client's buffers included);"
            + " the server's request threads allocated %d MB%n",
        what, response.statusCode(), before / MB, after / MB, peak / MB, allocated / MB);
    // a body held in memory would take at least its 300 MB
    assertThat(allocated).as("bytes allocated by the server's threads").isLessThan(100L * MB);
    assertThat(after - before).as("heap kept after the upload").isLessThan(50L * MB);
    return response;
  }

  private static Map<Long, Long> serverThreadAllocations() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("http-nio-"))
        .collect(
            Collectors.toMap(
                Thread::getId, thread -> threads.getThreadAllocatedBytes(thread.getId())));
  }

  private HttpResponse<String> upload(String path, String name, long size, boolean chunked) {
    return send(path, multipartType(), multipart(name, size, chunked));
  }

  private HttpResponse<String> upload(String path, long size, boolean chunked) {
    return upload("/engine-rest" + path, "huge", size, chunked);
  }

  private HttpResponse<String> send(String path, String contentType, BodyPublisher body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", contentType)
            .POST(body)
            .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String multipartType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  /**
   * An attachment's upload as Tasklist sends it, with a file of {@code size} bytes made as it is
   * sent, never held in memory; chunked, or with its length declared.
   */
  static BodyPublisher multipart(String name, long size, boolean chunked) {
    byte[] head =
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n"
                + name
                + "\r\n--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"file.bin\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    BodyPublisher stream =
        BodyPublishers.ofInputStream(() -> new GeneratedUpload(head, size, tail));
    return chunked
        ? stream
        : BodyPublishers.fromPublisher(stream, head.length + size + tail.length);
  }

  /** {@code head}, then {@code size} bytes of filler, then {@code tail}, made as they are read. */
  static final class GeneratedUpload extends InputStream {
    private final byte[] head;
    private final byte[] tail;
    private final long total;
    private long position;

    GeneratedUpload(byte[] head, long size, byte[] tail) {
      this.head = head;
      this.tail = tail;
      this.total = head.length + size + tail.length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(length, total - position);
      long fillerEnd = total - tail.length;
      for (int i = 0; i < n; i++) {
        long at = position + i;
        buffer[offset + i] =
            at < head.length
                ? head[(int) at]
                : at < fillerEnd ? (byte) ('a' + at % 26) : tail[(int) (at - fillerEnd)];
      }
      position += n;
      return n;
    }
  }
}
