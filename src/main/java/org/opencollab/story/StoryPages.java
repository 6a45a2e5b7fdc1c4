package org.opencollab.story;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages for people: {@code /opportunities} lists the opportunities the person may read, {@code
 * /opportunities/{opportunityId}} tells one's story. Both are static pages ({@code
 * static/story-page/}) that read {@code /api/opportunities} with the webapps' session; a person not
 * signed in is sent to Tasklist's login.
 */
@Controller
public class StoryPages {

  @GetMapping("/opportunities")
  public String list() {
    return "forward:/story-page/list.html";
  }

  @GetMapping("/opportunities/{opportunityId}")
  public String story() {
    return "forward:/story-page/story.html";
  }
}
