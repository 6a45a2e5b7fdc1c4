package org.opencollab.migration;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /migrations}: the running instances per version and their move to the latest version, for
 * process owners (a static page, {@code static/migration-page/}, that reads and posts to {@code
 * /api/migrations} with the webapps' session).
 */
@Controller
public class MigrationPage {

  @GetMapping("/migrations")
  public String migrations() {
    return "forward:/migration-page/migrations.html";
  }
}
