package org.opencollab.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.opencollab.identity.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Boot Actuator behind the product's identities: the health checks ({@code
 * /actuator/health}, {@code /health/liveness}, {@code /health/readiness}) are public, for load
 * balancers and orchestrators, whatever credentials come with them; everything else ({@code
 * /actuator/prometheus}, {@code /actuator/info}) needs HTTP Basic credentials of a member of {@code
 * camunda-admin} ({@link CamundaUsers}): 401 without valid credentials, 403 for any other user,
 * with Spring Boot's error answer. The webapps' session does not count here: monitoring signs in on
 * every call.
 */
@Configuration
public class ActuatorAccess {

  @Bean
  @Order(3)
  public SecurityFilterChain actuatorHealth(HttpSecurity http) throws Exception {
    return ProductAccess.stateless(http, List.of("/actuator/health", "/actuator/health/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }

  @Bean
  @Order(4)
  public SecurityFilterChain actuatorForAdministrators(HttpSecurity http, CamundaUsers users)
      throws Exception {
    AuthenticationEntryPoint credentialsRequired =
        (request, response, refused) -> {
          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"actuator\"");
          response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "credentials required");
        };
    return ProductAccess.stateless(http, List.of("/actuator/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(Groups.CAMUNDA_ADMIN))
        .authenticationManager(new ProviderManager(users))
        .httpBasic(basic -> basic.authenticationEntryPoint(credentialsRequired))
        .exceptionHandling(
            refusals ->
                refusals
                    .authenticationEntryPoint(credentialsRequired)
                    .accessDeniedHandler(
                        (request, response, refused) ->
                            response.sendError(
                                HttpServletResponse.SC_FORBIDDEN,
                                who(request)
                                    + " may not read metrics: administrators only / "
                                    + who(request)
                                    + " 不能查看指标：仅限管理员")))
        .build();
  }

  /** The signed-in person's user id, not the principal's whole record (groups and all). */
  private static String who(HttpServletRequest request) {
    return request.getUserPrincipal() instanceof Authentication authentication
            && authentication.getPrincipal() instanceof SignedInUser user
        ? user.id()
        : request.getRemoteUser();
  }
}
