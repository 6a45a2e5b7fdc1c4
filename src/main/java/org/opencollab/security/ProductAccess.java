package org.opencollab.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who gets into the product's own HTTP API and pages (Spring Security), in one place.
 *
 * <ul>
 *   <li>{@code /api/**}: a signed-in person only, by HTTP Basic against Camunda's users ({@link
 *       CamundaUsers}) or by the session of Tasklist or Cockpit ({@link
 *       WebappSessionAuthentication}); anyone else gets 401 ({@link SignInFirst}). Nothing is kept
 *       between requests: each one is signed in again, and no session is made. Which person may
 *       read what is the controllers' rule; they refuse with a {@link Refusal}.
 *   <li>The pages ({@code /opportunities}, {@code /ledger}, {@code /health}, {@code
 *       /processes/waiting-times}, {@code /decisions/impact}, {@code /migrations}) and their
 *       scripts and styles: open to anyone, as they hold no data; a page sends a person who is not
 *       signed in to Tasklist's login.
 * </ul>
 *
 * <p>Camunda's webapps ({@code /camunda/**}) and REST API ({@code /engine-rest/**}) keep their own
 * authentication ({@link RestAuthentication}); no chain matches them. The actuator has chains of
 * its own ({@link ActuatorAccess}), signing in the same users. Security headers and {@code
 * Cache-Control} stay {@link SecurityHeaders}'s, for every path alike, so the chains write none. No
 * CSRF token: a write to the API signed in by the webapps' session must carry its page's own {@code
 * Origin} ({@link SameOriginWrites}), and the webapps' writes have Camunda's CSRF protection.
 */
@Configuration
public class ProductAccess implements WebMvcConfigurer {

  static final List<String> API = List.of("/api/**");

  static final List<String> PAGES =
      List.of(
          "/opportunities",
          "/opportunities/*",
          "/ledger",
          "/health",
          "/migrations",
          "/processes/waiting-times",
          "/story-page/**",
          "/ledger-page/**",
          "/health-page/**",
          "/migration-page/**",
          "/waiting-page/**",
          "/decisions/impact",
          "/impact-page/**",
          "/collab/**",
          "/webjars/echarts/**",
          "/webjars/bpmn-js/**");

  @Bean
  @Order(1)
  public SecurityFilterChain productApi(
      HttpSecurity http, CamundaUsers users, ProcessEngine engine, ObjectMapper json)
      throws Exception {
    SignInFirst signInFirst = new SignInFirst(json);
    return stateless(http, API)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .authenticationManager(new ProviderManager(users))
        .httpBasic(basic -> basic.authenticationEntryPoint(signInFirst))
        .addFilterAfter(
            new WebappSessionAuthentication(users, engine.getName(), signInFirst),
            BasicAuthenticationFilter.class)
        .exceptionHandling(
            refusals ->
                refusals.authenticationEntryPoint(signInFirst).accessDeniedHandler(signInFirst))
        .build();
  }

  @Bean
  @Order(2)
  public SecurityFilterChain productPages(HttpSecurity http) throws Exception {
    return stateless(http, PAGES)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }

  /**
   * Spring Security's firewall sees every request, Camunda's too: it lets through what Tomcat lets
   * through to the webapps and REST today (a {@code ;parameter} in a path, an encoded {@code %},
   * {@code .} or {@code /}), and still refuses control characters and backslashes in a path.
   */
  @Bean
  public WebSecurityCustomizer firewallAsTomcat() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowSemicolon(true);
    firewall.setAllowUrlEncodedPercent(true);
    firewall.setAllowUrlEncodedPeriod(true);
    firewall.setAllowUrlEncodedSlash(true);
    firewall.setAllowUrlEncodedDoubleSlash(true);
    return web -> web.httpFirewall(firewall);
  }

  /** A chain for {@code paths} that keeps nothing between requests and writes no headers. */
  static HttpSecurity stateless(HttpSecurity http, List<String> paths) throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    RequestMatcher[] matchers = paths.stream().map(path::matcher).toArray(RequestMatcher[]::new);
    return http.securityMatcher(new OrRequestMatcher(Arrays.asList(matchers)))
        .securityContext(
            context ->
                context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        // No session management at all: signing in must never touch the webapps' session (a
        // changed session id signs Tasklist out in the middle of its own calls).
        .sessionManagement(sessions -> sessions.disable())
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .logout(logout -> logout.disable());
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new SignedInUserArgument());
  }

  /**
   * Gives a controller its {@link SignedInUser}. A request that reached a controller without one
   * did not come through {@link #productApi}; it is refused, never answered as anonymous.
   */
  static final class SignedInUserArgument implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == SignedInUser.class;
    }

    @Override
    public SignedInUser resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer container,
        NativeWebRequest request,
        WebDataBinderFactory binders) {
      Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
      if (signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user) {
        return user;
      }
      throw new AuthenticationCredentialsNotFoundException("no signed-in user");
    }
  }
}
