package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.RestClient;
import org.opencollab.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Expressions never come in from outside: the 7.24.0 CE advisory payloads and their variations are
 * refused before the engine evaluates anything, at every door, for every user.
 */
@ApplicationTest
class QueryExpressionsTest {

  private static final String CLASS_NAME = "${''.getClass().getName()}";
  private static final String STATIC_METHOD =
      "${''.getClass().forName('java.lang.System').getMethod('getProperty', ''.getClass()).invoke(null, 'java.version')}";

  @LocalServerPort int port;
  @Autowired FilterService filterService;
  private RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
  }

  @Test
  void advisoryPayloadInOrQueriesIsRefused() {
    assertRefused(
        rest.postJson(
            "/engine-rest/task",
            "alice",
            "{\"orQueries\": [{\"assigneeExpression\": \"" + CLASS_NAME + "\"}]}"));
    assertRefused(
        rest.postJson(
            "/engine-rest/task/count",
            "alice",
            "{\"orQueries\": [{\"candidateGroupExpression\": \"" + STATIC_METHOD + "\"}]}"));
    assertRefused(
        rest.postJson(
            "/engine-rest/task",
            "olivia",
            "{\"orQueries\": [{\"assigneeExpression\": \"#{''.getClass()}\"}, {\"ownerExpression\": \""
                + CLASS_NAME
                + "\"}]}"));
    assertRefused(
        rest.postJson(
            "/engine-rest/task",
            "alice",
            "{\"orQueries\": [{\"dueDateExpression\": \"\\u0024{now()}\"}]}"));
  }

  @Test
  void expressionInQueryParametersIsRefused() {
    assertRefused(
        rest.get("/engine-rest/task?assigneeExpression=%24%7B''.getClass().getName()%7D", "alice"));
    assertRefused(
        rest.get(
            "/engine-rest/task/count?candidateGroupExpression=%24%7BcurrentUser()%7D", "alice"));
  }

  @Test
  void expressionInAFiltersExtendingQueryIsRefusedAndTheSeededFilterStillWorks() {
    String filterId = filterService.createFilterQuery().list().get(0).getId();
    assertRefused(
        rest.postJson(
            "/engine-rest/filter/" + filterId + "/list",
            "alice",
            "{\"orQueries\": [{\"assigneeExpression\": \"" + CLASS_NAME + "\"}]}"));
    assertRefused(
        rest.postJson(
            "/engine-rest/filter/" + filterId + "/count",
            "alice",
            "{\"assigneeExpression\": \"" + CLASS_NAME + "\"}"));

    for (var filter : filterService.createFilterQuery().list()) {
      HttpResponse<String> seeded =
          rest.postJson("/engine-rest/filter/" + filter.getId() + "/list", "alice", "{}");
      assertThat(seeded.statusCode()).as(filter.getName() + ": " + seeded.body()).isEqualTo(200);
    }
  }

  /**
   * Tasklist queries through filters; the webapps' API refuses an ad-hoc task query outright (403).
   */
  @Test
  void webappsOwnApiRefusesTheAdvisoryPayload() {
    WebappSession tasklist = WebappSession.login(port, "alice", "tasklist");
    String filterId = filterService.createFilterQuery().list().get(0).getId();
    assertRefused(
        tasklist.postJson(
            "/filter/" + filterId + "/list",
            "{\"orQueries\": [{\"candidateGroupExpression\": \"" + STATIC_METHOD + "\"}]}"));
    assertThat(
            tasklist
                .postJson(
                    "/task", "{\"orQueries\": [{\"assigneeExpression\": \"" + CLASS_NAME + "\"}]}")
                .statusCode())
        .isIn(400, 403);
    assertThat(tasklist.postJson("/filter/" + filterId + "/list", "{}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void administratorsStillCreateFiltersWithExpressionsAndOthersCannot() {
    String filter =
        "{\"resourceType\": \"Task\", \"name\": \"My work (admin) %s\","
            + " \"query\": {\"assigneeExpression\": \"${currentUser()}\"}}";
    assertThat(
            rest.postJson("/engine-rest/filter/create", "alice", filter.formatted("alice"))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> created =
        rest.postJson("/engine-rest/filter/create", "olivia", filter.formatted("olivia"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String filterId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(
            rest.postJson("/engine-rest/filter/" + filterId + "/list", "olivia", "{}").statusCode())
        .isEqualTo(200);
    filterService.deleteFilter(filterId);
  }

  @Test
  void plainQueriesStillWork() {
    assertThat(
            rest.postJson(
                    "/engine-rest/task", "alice", "{\"orQueries\": [{\"assignee\": \"alice\"}]}")
                .statusCode())
        .isEqualTo(200);
    assertThat(rest.get("/engine-rest/task?assignee=alice", "alice").statusCode()).isEqualTo(200);
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).containsIgnoringCase("expression");
  }
}
