package org.opencollab.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opencollab.rest.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of every request: when the database is unavailable, whatever failed for it
 * (the REST API's login check, the webapps' session, a resource) answers 503 with a message instead
 * of the servlet container's 500 page. Inside Jersey the same answer comes from {@link
 * DatabaseUnavailable}'s mappers.
 */
@Configuration
public class DatabaseOutage {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Answer503());
    registration.setName("database-outage");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static final class Answer503 extends OncePerRequestFilter {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | RuntimeException failure) {
        if (!DatabaseUnavailable.causes(failure) || response.isCommitted()) {
          throw failure;
        }
        LOG.warn(
            "{} {}: the database is unavailable", request.getMethod(), request.getRequestURI());
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), DatabaseUnavailable.response().getEntity());
      }
    }
  }
}
