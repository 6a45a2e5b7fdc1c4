package org.opencollab.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Whether a write to the product's API ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE})
 * that is signed in by the webapps' session came from the product's own pages. A browser sends the
 * session's cookie with a request that another site makes, so such a write must say where it comes
 * from: its {@code Origin} header names the host the request went to (its {@code Host} header), as
 * a browser writes it for a page of this server. A write without that header, or from another
 * origin, is refused; reads are not affected. A write with HTTP Basic credentials carries them
 * itself and needs no origin.
 */
final class SameOriginWrites {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private SameOriginWrites() {}

  /** True for a write whose {@code Origin} is missing or names another host. */
  static boolean refuses(HttpServletRequest request) {
    if (READS.contains(request.getMethod())) {
      return false;
    }
    String origin = request.getHeader("Origin");
    String host = request.getHeader("Host");
    if (origin == null || host == null) {
      return true;
    }
    try {
      URI from = new URI(origin);
      String authority = from.getRawAuthority();
      return authority == null || !authority.equalsIgnoreCase(host);
    } catch (URISyntaxException malformed) {
      return true;
    }
  }
}
