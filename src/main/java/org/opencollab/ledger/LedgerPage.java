package org.opencollab.ledger;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /ledger}: the ledger's totals for people, with a bar chart per department (a static page,
 * {@code static/ledger-page/}, that reads {@code /api/ledger} with the webapps' session).
 */
@Controller
public class LedgerPage {

  @GetMapping("/ledger")
  public String ledger() {
    return "forward:/ledger-page/ledger.html";
  }
}
