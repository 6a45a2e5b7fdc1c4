package org.opencollab.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.opencollab.identity.Groups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot Actuator behind the product's identities: the health checks ({@code
 * /actuator/health}, {@code /health/liveness}, {@code /health/readiness}) are public, for load
 * balancers and orchestrators; everything else ({@code /actuator/prometheus}, {@code
 * /actuator/info}) needs HTTP Basic credentials of a member of {@code camunda-admin}: 401 without
 * valid credentials, 403 for any other user.
 */
@Configuration
public class ActuatorAccess {

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> actuatorAccessFilter(
      IdentityService identities) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new AdministratorsOnly(identities));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }

  static final class AdministratorsOnly extends OncePerRequestFilter {

    private final IdentityService identities;

    AdministratorsOnly(IdentityService identities) {
      this.identities = identities;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
        chain.doFilter(request, response);
        return;
      }
      String[] credentials = basic(request.getHeader("Authorization"));
      if (credentials == null || !identities.checkPassword(credentials[0], credentials[1])) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"actuator\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "credentials required");
        return;
      }
      boolean administrator =
          identities
                  .createGroupQuery()
                  .groupMember(credentials[0])
                  .groupId(Groups.CAMUNDA_ADMIN)
                  .count()
              > 0;
      if (!administrator) {
        response.sendError(
            HttpServletResponse.SC_FORBIDDEN,
            credentials[0] + " may not read metrics: administrators only");
        return;
      }
      chain.doFilter(request, response);
    }

    private static String[] basic(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
  }
}
