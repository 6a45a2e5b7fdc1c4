package org.opencollab.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.opencollab.language.Language;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Who calls the product's own API ({@code /api/...}): HTTP Basic credentials, or the session of
 * Tasklist or Cockpit; and whether they belong to one of a set of groups.
 */
@Component
public class SignedInUser {

  private final ProcessEngine engine;

  public SignedInUser(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The signed-in user's id; null when the caller is anonymous or the credentials are wrong. */
  public String of(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    IdentityService identities = engine.getIdentityService();
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0
            && identities.checkPassword(
                decoded.substring(0, colon), decoded.substring(colon + 1))) {
          return decoded.substring(0, colon);
        }
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
      return null;
    }
    if (request.getSession(false) == null) {
      return null;
    }
    Authentications authentications =
        AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    var authentication =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine(engine.getName());
    return authentication == null ? null : authentication.getName();
  }

  /**
   * The answer to a caller who is not signed in: 401 with {@code message}, and HTTP Basic's
   * challenge for API clients. A product page asks with {@code X-Requested-With}: without the
   * challenge, its browser does not open a password dialog of its own, and the page sends the
   * person to Tasklist's login.
   */
  public static ResponseEntity<Map<String, String>> signInFirst(
      HttpServletRequest request, String message) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.UNAUTHORIZED);
    if (request.getHeader("X-Requested-With") == null) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"opportunities\"");
    }
    return answer.contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
  }

  /**
   * {@link #signInFirst(HttpServletRequest, String)} with the message in the request's language
   * ({@link Language}): {@code english} or {@code chinese}.
   */
  public static ResponseEntity<Map<String, String>> signInFirst(
      HttpServletRequest request, String english, String chinese) {
    return signInFirst(request, Language.of(request) == Language.CHINESE ? chinese : english);
  }

  /** Whether {@code user} is a member of any of {@code groups}. */
  public boolean inAnyOf(String user, Set<String> groups) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .anyMatch(groups::contains);
  }
}
