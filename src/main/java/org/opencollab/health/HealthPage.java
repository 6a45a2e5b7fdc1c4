package org.opencollab.health;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /health}: the latest collaboration health report as a page ({@code static/health-page/}),
 * read from {@code /api/collaboration-health/latest} with the webapps' session, so it has the same
 * access as that API; a person not signed in is sent to Tasklist's login and back.
 */
@Controller
public class HealthPage {

  @GetMapping("/health")
  public String report() {
    return "forward:/health-page/health.html";
  }
}
