package org.opencollab.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Whether a write to the product's API ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE})
 * came from the product's own pages. A browser sends the session's cookie, and HTTP Basic
 * credentials it remembers, with a request that another site makes; it also names that site in the
 * request's {@code Origin}. So a write whose {@code Origin} names another host is refused, whoever
 * signs it; and a write signed in by the webapps' session must carry an {@code Origin} naming this
 * one, as a browser writes it for a page of this server. The host is the request's {@code Host}, or
 * the {@code X-Forwarded-Host} a reverse proxy adds (a header no other site's page can set without
 * the server's consent). Reads are not affected; an API client with Basic credentials sends no
 * {@code Origin} and needs none.
 */
final class SameOriginWrites {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private SameOriginWrites() {}

  static boolean isWrite(HttpServletRequest request) {
    return !READS.contains(request.getMethod());
  }

  /** A write whose {@code Origin} names another host than this server's. */
  static boolean fromElsewhere(HttpServletRequest request) {
    return isWrite(request) && request.getHeader("Origin") != null && !fromHere(request);
  }

  /** A request whose {@code Origin} names this server's host. */
  static boolean fromHere(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    String authority;
    try {
      authority = new URI(origin).getRawAuthority();
    } catch (URISyntaxException malformed) {
      return false;
    }
    return authority != null
        && (authority.equalsIgnoreCase(request.getHeader("Host"))
            || authority.equalsIgnoreCase(request.getHeader("X-Forwarded-Host")));
  }
}
