package org.opencollab.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, REST and webapps alike: no framing, no content sniffing, and
 * HSTS when the request came over TLS (directly, or through a proxy that says so with {@code
 * X-Forwarded-Proto}). The webapps get their content security policy from Camunda's own header
 * filter; REST answers, which are data and never pages, get one that allows nothing; the story
 * pages one that allows their own scripts only.
 *
 * <p>Answers that carry data are never stored by a browser or a proxy ({@code Cache-Control:
 * no-store}): the product's API, Camunda's REST API, the webapps' own API ({@code /camunda/api/},
 * which Tasklist, Cockpit and Admin read their data from) and the actuator. They hold people's
 * names, tasks, votes and bonuses, and a shared computer or proxy must not keep them. Pages,
 * scripts and styles (the webapps under {@code /camunda/app/}, the story and ledger pages) hold no
 * data and stay cacheable.
 */
@Configuration
public class SecurityHeaders {

  static final String HSTS = "max-age=31536000; includeSubDomains";
  static final String REST_POLICY = "default-src 'none'; frame-ancestors 'none'";
  static final String CACHE_CONTROL = "Cache-Control";
  static final String NO_STORE = "no-store";

  /** Where the answers are data: the paths that get {@code Cache-Control: no-store}. */
  static final List<String> DATA_PATHS =
      List.of("/api/", "/engine-rest", "/camunda/api/", "/actuator");

  /**
   * The story, ledger and health pages: their own scripts only; bpmn-js draws with inline styles.
   */
  static final String PAGE_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " frame-ancestors 'none'";

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Headers());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  static final class Headers extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("X-Content-Type-Options", "nosniff");
      if (request.isSecure()) {
        response.setHeader("Strict-Transport-Security", HSTS);
      }
      // The path as the container maps it (decoded, normalised, without ;parameters), so that no
      // spelling of a data path escapes its headers.
      String path =
          request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      if (path.startsWith("/engine-rest") || path.startsWith("/api/")) {
        response.setHeader("Content-Security-Policy", REST_POLICY);
      } else if (path.startsWith("/opportunities")
          || path.startsWith("/story-page/")
          || path.startsWith("/ledger")
          || path.equals("/health")
          || path.startsWith("/health-page/")) {
        response.setHeader("Content-Security-Policy", PAGE_POLICY);
      }
      chain.doFilter(
          request,
          DATA_PATHS.stream().anyMatch(path::startsWith) ? new NotStored(response) : response);
    }
  }

  /**
   * A response whose {@code Cache-Control} stays {@code no-store}: Camunda's REST filter sets
   * {@code no-cache} on every GET after this filter ran, which would let a browser keep the answer.
   */
  static final class NotStored extends HttpServletResponseWrapper {

    NotStored(HttpServletResponse response) {
      super(response);
      response.setHeader(CACHE_CONTROL, NO_STORE);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }
  }
}
