package org.opencollab.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One access layer for the product's own API (docs/operators.md, "Security"): HTTP Basic against
 * Camunda's users or the webapps' session, 401 with a Basic challenge except for the product's
 * pages, refusals as problem details in the person's language; the pages stay open, and Camunda's
 * REST API and webapps keep their own authentication.
 */
@ApplicationTest
class ProductAccessTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anAnonymousCallGets401AsAProblemWithABasicChallenge() throws Exception {
    HttpResponse<String> answer = get(http, "/api/ledger/departments", null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(answer.headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"opportunities\"");
    assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("title").asText()).isEqualTo("Sign in first");
    assertThat(problem.get("detail").asText()).isEqualTo("sign in to read the ledger");
    assertThat(problem.get("message").asText()).isEqualTo("sign in to read the ledger");
    assertThat(problem.get("instance").asText()).isEqualTo("/api/ledger/departments");
  }

  @Test
  void aPageAsksWithoutTheChallengeSoTheBrowserOpensNoPasswordDialog() throws Exception {
    HttpResponse<String> answer =
        get(
            http,
            "/api/opportunities",
            null,
            "X-Requested-With",
            "XMLHttpRequest",
            "Accept-Language",
            "zh-CN");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("title").asText()).isEqualTo("请先登录");
    assertThat(problem.get("message").asText()).isEqualTo("请先登录再查看商机经过");
  }

  /**
   * Wrong passwords are of a user who does not exist: Camunda delays a real user's next login after
   * a failure, which other tests of the shared context would run into.
   */
  @Test
  void wrongCredentialsGet401AndTheRightOnesNoSession() {
    HttpResponse<String> wrong = get(http, "/api/collaboration-health/latest", "nobody:wrong");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("sign in to read the collaboration health report");
    assertThat(get(http, "/api/opportunities", ":demo").statusCode()).isEqualTo(401);

    HttpResponse<String> right = get(http, "/api/opportunities", "ivan:demo");
    assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    assertThat(right.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void theWebappsSessionSignsInAndSigningOutOfTasklistSignsOut() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    logIntoTasklist(browser, cookies, "alice");

    HttpResponse<String> own = get(browser, "/api/ledger/people", null, "X-Requested-With", "x");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    // The webapps' session stays as it was: same id, Tasklist still signed in.
    assertThat(own.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(get(browser, "/camunda/api/admin/auth/user/default", null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> departments = get(browser, "/api/ledger/departments", null);
    assertThat(departments.statusCode()).isEqualTo(403);
    assertThat(departments.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(departments.body()).get("detail").asText())
        .startsWith("alice may not read the departments' ledger");

    send(
        browser,
        HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout"))
            .header("X-XSRF-TOKEN", csrfToken(cookies))
            .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(get(browser, "/api/ledger/people", null).statusCode()).isEqualTo(401);
  }

  /**
   * A write signed in by the webapps' session must carry the page's own Origin, and no write may
   * come from another site's page, so another site cannot use a signed-in person's browser to
   * change anything; reads, and API clients' Basic writes without an Origin, are not affected.
   */
  @Test
  void aWriteWithTheSessionMustComeFromTheProductsOwnPages() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    logIntoTasklist(browser, cookies, "alice");
    String own = "http://localhost:" + port;

    HttpResponse<String> withoutOrigin = post(browser, "/api/ledger/people", null);
    assertThat(withoutOrigin.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(withoutOrigin.body()).get("detail").asText())
        .isEqualTo(
            "a change signed in by Tasklist's session must come from this product's own pages");
    assertThat(post(browser, "/api/ledger/people", null, "Origin", "http://elsewhere.example"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(403);
    assertThat(post(browser, "/api/ledger/people", null, "Origin", own + ".elsewhere.example"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(403);
    // From its own pages the write reaches the API, which has no such write: 405, not 403.
    assertThat(post(browser, "/api/ledger/people", null, "Origin", own))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(405);
    assertThat(get(browser, "/api/ledger/people", null, "Origin", "http://elsewhere.example"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(200);
    assertThat(post(http, "/api/ledger/people", "alice:demo"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(405);
    // Credentials a browser remembers go with another site's form too: its Origin gives it away.
    assertThat(post(http, "/api/ledger/people", "alice:demo", "Origin", "http://elsewhere.example"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(403);
    // Behind a reverse proxy, the host the browser named arrives as X-Forwarded-Host.
    assertThat(
            post(
                browser,
                "/api/ledger/people",
                null,
                "Origin",
                "https://opportunities.example",
                "X-Forwarded-Host",
                "opportunities.example"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(405);
  }

  @Test
  void basicCredentialsComeBeforeTheSession() {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    logIntoTasklist(browser, cookies, "ivan");

    assertThat(get(browser, "/api/ledger/departments", null).statusCode()).isEqualTo(200);
    assertThat(get(browser, "/api/ledger/departments", "alice:demo").statusCode()).isEqualTo(403);
    assertThat(get(browser, "/api/ledger/departments", "nobody:wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void notFoundAndBadRequestAreProblemsInThePersonsLanguage() throws Exception {
    HttpResponse<String> unknown =
        get(http, "/api/opportunities/OPP-NO-SUCH/story", "ivan:demo", "Accept", "text/csv");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode notFound = JSON.readTree(unknown.body());
    assertThat(notFound.get("title").asText()).isEqualTo("Not found");
    assertThat(notFound.get("detail").asText()).isEqualTo("no opportunity OPP-NO-SUCH");
    assertThat(notFound.get("instance").asText()).isEqualTo("/api/opportunities/OPP-NO-SUCH/story");

    HttpResponse<String> badMonth =
        get(
            http,
            "/api/ledger/entries?department=SALES&month=2020-13",
            "ivan:demo",
            "Cookie",
            "collab.language=zh-CN");
    assertThat(badMonth.statusCode()).isEqualTo(400);
    JsonNode bad = JSON.readTree(badMonth.body());
    assertThat(bad.get("title").asText()).isEqualTo("请求有误");
    assertThat(bad.get("detail").asText()).startsWith("month: 必须是 yyyy-MM 格式的月份");
  }

  @Test
  void thePagesStayOpenWhateverTheCredentials() {
    for (String page :
        new String[] {"/opportunities", "/opportunities/OPP-1", "/ledger", "/health"}) {
      assertThat(get(http, page, null).statusCode()).as(page).isEqualTo(200);
      assertThat(get(http, page, "nobody:wrong").statusCode()).as(page).isEqualTo(200);
    }
    assertThat(get(http, "/story-page/common.js", "nobody:wrong").statusCode()).isEqualTo(200);
  }

  @Test
  void camundasRestApiKeepsItsOwnAuthentication() {
    HttpResponse<String> anonymous = get(http, "/engine-rest/task", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).doesNotContain("problem");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
        .doesNotContain("opportunities");
    assertThat(get(http, "/engine-rest/task?maxResults=1", "ivan:demo").statusCode())
        .isEqualTo(200);
  }

  @Test
  void theActuatorsHealthIsPublicWhateverTheCredentialsAndItsMetricsAskForBasic() {
    assertThat(get(http, "/actuator/health/readiness", "nobody:wrong").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get(http, "/actuator/prometheus", null);
    assertThat(metrics.statusCode()).isEqualTo(401);
    assertThat(metrics.headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"actuator\"");
    assertThat(get(http, "/actuator/prometheus", "olivia:demo").statusCode()).isEqualTo(200);
  }

  @Test
  void springBootMakesUpNoUserOfItsOwn() {
    assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
  }

  private void logIntoTasklist(HttpClient browser, CookieManager cookies, String user) {
    send(browser, HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
    HttpResponse<String> login =
        send(
            browser,
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
  }

  private static String csrfToken(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElseThrow();
  }

  /** A GET of {@code path}, with HTTP Basic {@code credentials} ("user:password") if not null. */
  private HttpResponse<String> get(
      HttpClient client, String path, String credentials, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(client, request);
  }

  /** An empty POST of {@code path}, as {@link #get} builds its GET. */
  private HttpResponse<String> post(
      HttpClient client, String path, String credentials, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(client, request);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
