package org.opencollab.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.opencollab.language.Language;
import org.opencollab.variables.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * How the product's own API ({@code /api/...}) says no: a problem detail (RFC 9457, {@code
 * application/problem+json}) whose {@code title} and {@code detail} are in the language of the
 * person who asked ({@link Language}: their choice, else their browser's), English or Chinese. The
 * detail is also the {@code message}, the field the product's pages and earlier clients read.
 */
public final class Refusal {

  private Refusal() {}

  /** The answer {@code status}, with {@code english} or {@code chinese} as its detail. */
  public static ResponseEntity<ProblemDetail> of(
      HttpStatus status, String english, String chinese) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(status, Language.current(), english, chinese));
  }

  /** 400 for a request field that breaks its rule, named first, in the person's language. */
  public static ResponseEntity<ProblemDetail> of(InvalidFieldException invalid) {
    return of(
        HttpStatus.BAD_REQUEST,
        invalid.message(Language.ENGLISH),
        invalid.message(Language.CHINESE));
  }

  static ProblemDetail problem(
      HttpStatus status, HttpServletRequest request, String english, String chinese) {
    ProblemDetail problem = problem(status, Language.of(request), english, chinese);
    problem.setInstance(URI.create(request.getRequestURI()));
    return problem;
  }

  private static ProblemDetail problem(
      HttpStatus status, Language language, String english, String chinese) {
    String detail = language == Language.CHINESE ? chinese : english;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title(status, language));
    problem.setProperty("message", detail);
    return problem;
  }

  private static String title(HttpStatus status, Language language) {
    boolean chinese = language == Language.CHINESE;
    return switch (status) {
      case BAD_REQUEST -> chinese ? "请求有误" : "Bad request";
      case UNAUTHORIZED -> chinese ? "请先登录" : "Sign in first";
      case FORBIDDEN -> chinese ? "无权查看" : "Not allowed";
      case NOT_FOUND -> chinese ? "未找到" : "Not found";
      default -> status.getReasonPhrase();
    };
  }
}
