package org.opencollab.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Logging into the webapps as a browser does: the session cookie, the CSRF token, then the login
 * form.
 */
@ApplicationTest
class WebappLoginTest {

  @LocalServerPort int port;

  @Test
  void departmentMemberLogsIntoTasklist() throws Exception {
    HttpResponse<String> login = login("alice", "tasklist");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"alice\"").contains("tasklist");
  }

  @Test
  void auditorLogsIntoCockpitButADepartmentMemberCannot() throws Exception {
    assertThat(login("ivan", "cockpit").statusCode()).isEqualTo(200);
    assertThat(login("sam", "cockpit").statusCode()).isEqualTo(403);
  }

  @Test
  void processOwnerLogsIntoAdmin() throws Exception {
    assertThat(login("olivia", "admin").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> login(String user, String app) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    browser.send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrfToken =
        cookies.getCookieStore().getCookies().stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    return browser.send(
        HttpRequest.newBuilder(
                URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
