package org.opencollab.waiting;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /processes/waiting-times}: a process's diagram with each step coloured by how long its
 * tasks wait (a static page, {@code static/waiting-page/}, that reads {@code /api/processes} with
 * the webapps' session).
 */
@Controller
public class WaitingTimesPage {

  @GetMapping("/processes/waiting-times")
  public String waitingTimes() {
    return "forward:/waiting-page/waiting.html";
  }
}
