package org.opencollab.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.opencollab.rest.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the person whom Tasklist or Cockpit signed in: the product's pages call the API with the
 * webapps' session. It reads Camunda's own record of the session's login ({@link Authentications})
 * on every request and keeps nothing of its own, so signing out of Tasklist signs out of the API
 * too. HTTP Basic credentials, when a request has them, come first. A write signed in this way must
 * come from the product's own pages ({@link SameOriginWrites}); another site's is refused with 403.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(WebappSessionAuthentication.class);

  private final CamundaUsers users;
  private final String engineName;
  private final SignInFirst refusals;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  WebappSessionAuthentication(CamundaUsers users, String engineName, SignInFirst refusals) {
    this.users = users;
    this.engineName = engineName;
    this.refusals = refusals;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String who)
      throws IOException {
    LOG.warn(
        "refused {} {} by {}: a write from origin {}, not from the product's own pages",
        request.getMethod(),
        request.getRequestURI(),
        who,
        Refusals.logSafe(String.valueOf(request.getHeader("Origin"))));
    refusals.refuseForeignWrite(request, response);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SameOriginWrites.fromElsewhere(request)) {
      refuse(request, response, "anyone");
      return;
    }
    HttpSession session = request.getSession(false);
    if (contexts.getContext().getAuthentication() == null && session != null) {
      Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
      var login = logins == null ? null : logins.getAuthenticationForProcessEngine(engineName);
      if (login != null
          && SameOriginWrites.isWrite(request)
          && !SameOriginWrites.fromHere(request)) {
        refuse(request, response, login.getName());
        return;
      }
      if (login != null) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(users.signedIn(login.getName()));
        contexts.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }
}
