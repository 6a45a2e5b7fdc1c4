package org.opencollab.impact;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /decisions/impact}: the preview of an edited decision against history, for process owners
 * (a static page, {@code static/impact-page/}, that posts to {@code /api/decisions/.../impact} with
 * the webapps' session).
 */
@Controller
public class ImpactPage {

  @GetMapping("/decisions/impact")
  public String impact() {
    return "forward:/impact-page/impact.html";
  }
}
