package org.opencollab.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The product's users are Camunda's: a password is checked by the identity service ({@link
 * IdentityService#checkPassword}), with its login delay after a wrong password and its lockout
 * (docs/operators.md, "Security"), and a signed-in user's groups are Camunda's groups, read again
 * on every request. Being a bean, it also keeps Spring Boot from making up a user of its own with a
 * generated password.
 */
@Component
public class CamundaUsers implements AuthenticationProvider {

  private final IdentityService identities;

  public CamundaUsers(IdentityService identities) {
    this.identities = identities;
  }

  @Override
  public Authentication authenticate(Authentication credentials) {
    String user = credentials.getName();
    Object password = credentials.getCredentials();
    if (user == null
        || user.isEmpty()
        || password == null
        || !identities.checkPassword(user, password.toString())) {
      throw new BadCredentialsException("wrong user name or password");
    }
    return signedIn(user);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** {@code user}, known to be signed in, with their groups (each also an authority). */
  Authentication signedIn(String user) {
    Set<String> groups =
        identities.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .collect(Collectors.toSet());
    return UsernamePasswordAuthenticationToken.authenticated(
        new SignedInUser(user, groups),
        null,
        groups.stream().map(SimpleGrantedAuthority::new).toList());
  }
}
