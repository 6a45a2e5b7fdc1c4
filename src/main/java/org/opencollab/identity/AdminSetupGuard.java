package org.opencollab.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin webapp's first-administrator setup endpoint while an administrator exists. The
 * endpoint is unauthenticated by design, and a 7.24.0 CE advisory lets a caller create an
 * administrator through it; this product always seeds one, so the endpoint has no use here.
 */
@Configuration
public class AdminSetupGuard {

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> adminSetupGuardFilter(
      IdentityService identityService,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new Guard(identityService, normalize(webappPath) + "/api/admin/setup/"));
    registration.setName("admin-setup-guard");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static String normalize(String path) {
    String noParameters = path.replaceAll(";[^/]*", "");
    String singleSlashes = noParameters.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
    return singleSlashes.endsWith("/")
        ? singleSlashes.substring(0, singleSlashes.length() - 1)
        : singleSlashes;
  }

  static final class Guard extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final String setupPrefix;

    Guard(IdentityService identityService, String setupPrefix) {
      this.identityService = identityService;
      this.setupPrefix = setupPrefix;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // The servlet path and path info are decoded and normalised by the container: no %-escape
      // gets past.
      String path =
          normalize(request.getServletPath() + Objects.toString(request.getPathInfo(), "")) + "/";
      if (path.startsWith(setupPrefix) && administratorExists()) {
        response.sendError(
            HttpServletResponse.SC_FORBIDDEN,
            "Setup is closed: an administrator exists. Ask an administrator for an account.");
        return;
      }
      chain.doFilter(request, response);
    }

    private boolean administratorExists() {
      return identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
    }
  }
}
