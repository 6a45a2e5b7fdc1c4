package org.opencollab.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The answer to a caller of the product's API who is not signed in, or whose credentials are wrong:
 * 401, a {@link Refusal} that says what to sign in for, and HTTP Basic's challenge for API clients.
 * A product page asks with {@code X-Requested-With}: without the challenge, its browser does not
 * open a password dialog of its own, and the page sends the person to Tasklist's login.
 */
final class SignInFirst implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String CHALLENGE = "Basic realm=\"opportunities\"";

  /** What a person signs in for, by the start of the path they asked for. */
  private record Purpose(String path, String english, String chinese) {}

  private static final List<Purpose> PURPOSES =
      List.of(
          new Purpose("/api/ledger", "sign in to read the ledger", "请先登录再查看台账"),
          new Purpose(
              "/api/opportunities", "sign in to read an opportunity's story", "请先登录再查看商机经过"),
          new Purpose(
              "/api/collaboration-health",
              "sign in to read the collaboration health report",
              "请先登录再查看协作健康报告"),
          new Purpose("/", "sign in first", "请先登录"));

  private final ObjectMapper json;

  SignInFirst(ObjectMapper json) {
    this.json = json.copy().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    if (request.getHeader("X-Requested-With") == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
    // The path as the container maps it, as SecurityHeaders reads it.
    String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    Purpose purpose =
        PURPOSES.stream().filter(p -> path.startsWith(p.path())).findFirst().orElseThrow();
    write(
        response,
        Refusal.problem(HttpStatus.UNAUTHORIZED, request, purpose.english(), purpose.chinese()));
  }

  /** Not used by the rules of today, which are the controllers': a refusal all the same. */
  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
      throws IOException {
    write(
        response,
        Refusal.problem(HttpStatus.FORBIDDEN, request, "you may not read this", "您无权查看此内容"));
  }

  /** A write with the webapps' session that another site sent ({@link SameOriginWrites}). */
  void refuseForeignWrite(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    write(
        response,
        Refusal.problem(
            HttpStatus.FORBIDDEN,
            request,
            "a change signed in by Tasklist's session must come from this product's own pages",
            "使用 Tasklist 会话的修改请求必须来自本产品自己的页面"));
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }
}
