package org.opencollab.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.RestClient;
import org.opencollab.support.WebappSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Answers that carry data are never stored ({@code Cache-Control: no-store}), refusals included;
 * pages, scripts and styles stay cacheable (docs/operators.md, "Security").
 */
@ApplicationTest
class SecurityHeadersTest {

  @LocalServerPort int port;
  private RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
  }

  @Test
  void theProductsApiIsNeverStored() {
    assertNoStore(rest.get("/api/opportunities", "ivan"), 200);
    assertNoStore(rest.get("/api/ledger/departments", "ivan", "text/csv"), 200);
    assertNoStore(rest.get("/api/ledger/people", "alice"), 200);
    assertNoStore(rest.get("/api/opportunities/OPP-NONE/story", "ivan"), 404);
    assertNoStore(rest.get("/api/ledger/departments", "alice"), 403);
    assertNoStore(rest.get("/api/ledger/departments", null), 401);
    assertThat(
            rest.get("/api/collaboration-health/latest", "ivan")
                .headers()
                .allValues("Cache-Control"))
        .containsExactly("no-store");
  }

  @Test
  void camundasRestAndTheWebappsApiAreNeverStored() {
    assertNoStore(rest.get("/engine-rest/task?maxResults=1", "ivan"), 200);
    assertNoStore(rest.get("/engine-rest/user/ivan/profile", "ivan"), 200);
    assertNoStore(rest.get("/engine-rest/task", null), 401);
    assertNoStore(WebappSession.login(port, "ivan", "tasklist").get("/task?maxResults=1"), 200);
    assertNoStore(rest.get("/actuator/health", null), 200);
  }

  @Test
  void theHeadersFollowThePathAsTheContainerMapsIt() {
    HttpResponse<String> spelledWithAParameter = rest.get("/api;x=1/ledger/departments", "ivan");
    assertNoStore(spelledWithAParameter, 200);
    assertThat(spelledWithAParameter.headers().firstValue("Content-Security-Policy"))
        .hasValue(SecurityHeaders.REST_POLICY);
    assertThat(rest.get("/opportunities", null).headers().firstValue("Content-Security-Policy"))
        .hasValue(SecurityHeaders.PAGE_POLICY);
  }

  @Test
  void pagesScriptsAndStylesStayCacheable() {
    for (String path :
        new String[] {
          "/camunda/app/tasklist/styles/user-styles.css",
          "/story-page/story.js",
          "/ledger-page/ledger.js"
        }) {
      HttpResponse<String> answer = rest.get(path, null);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.headers().allValues("Cache-Control")).as(path).doesNotContain("no-store");
    }
  }

  private static void assertNoStore(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(status);
    assertThat(answer.headers().allValues("Cache-Control"))
        .as(answer.uri().toString())
        .containsExactly("no-store");
  }
}
