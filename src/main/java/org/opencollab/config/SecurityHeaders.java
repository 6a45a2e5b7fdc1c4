package org.opencollab.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 */
@Configuration
public class SecurityHeaders {

  static final String HSTS = "max-age=31536000; includeSubDomains";
  static final String REST_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** The story and ledger pages: their own scripts only; bpmn-js draws with inline styles. */
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
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/engine-rest") || path.startsWith("/api/")) {
        response.setHeader("Content-Security-Policy", REST_POLICY);
      } else if (path.startsWith("/opportunities")
          || path.startsWith("/story-page/")
          || path.startsWith("/ledger")) {
        response.setHeader("Content-Security-Policy", PAGE_POLICY);
      }
      chain.doFilter(request, response);
    }
  }
}
