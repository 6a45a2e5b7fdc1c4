package org.opencollab.ledger;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencollab.export.CsvExport;
import org.opencollab.identity.Groups;
import org.opencollab.identity.SignedInUser;
import org.opencollab.language.Language;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ledger/departments} and {@code GET /api/ledger/people} (docs/auditors.md, "The
 * ledger"): totals over {@code from} to {@code to}, both days included ({@code yyyy-MM-dd}, server
 * time), as JSON or, with {@code Accept: text/csv}, one CSV row per department or person ({@link
 * CsvExport}: amounts stay numbers).
 *
 * <p>Oversight (auditors, coordinators, the committee, process owners, administrators) reads all of
 * it. Anyone else signed in reads their own row of {@code people}, and gets 403 for another's row
 * and for {@code departments}; an anonymous caller gets 401.
 */
@RestController
@RequestMapping("/api/ledger")
public class LedgerController {

  private final LedgerTotals totals;
  private final SignedInUser signedIn;

  public LedgerController(LedgerTotals totals, SignedInUser signedIn) {
    this.totals = totals;
    this.signedIn = signedIn;
  }

  /** The period asked for, or the refusal to answer with. */
  private record Period(Instant from, Instant until, ResponseEntity<?> refusal) {}

  @GetMapping("/departments")
  public ResponseEntity<?> departments(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletRequest request) {
    String user = signedIn.of(request);
    if (user == null) {
      return SignedInUser.signInFirst(request, "sign in to read the ledger", "请先登录再查看台账");
    }
    if (!signedIn.inAnyOf(user, Groups.OVERSIGHT)) {
      return refusal(
          HttpStatus.FORBIDDEN,
          Language.say(
              user
                  + " may not read the departments' ledger: it is for auditors, coordinators,"
                  + " the committee and process owners",
              user + " 不能查看各部门台账：它供审计员、协调员、委员会和流程负责人查看"));
    }
    Period period = period(from, to);
    if (period.refusal() != null) {
      return period.refusal();
    }
    List<LedgerTotals.DepartmentTotal> rows = totals.departments(period.from(), period.until());
    if (wantsCsv(request)) {
      return csv(rows, LedgerTotals.DepartmentTotal.class, "ledger-departments.csv");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("departments", rows);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @GetMapping("/people")
  public ResponseEntity<?> people(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String userId,
      HttpServletRequest request) {
    String user = signedIn.of(request);
    if (user == null) {
      return SignedInUser.signInFirst(request, "sign in to read the ledger", "请先登录再查看台账");
    }
    String only = userId;
    if (!signedIn.inAnyOf(user, Groups.OVERSIGHT)) {
      if (userId != null && !userId.equals(user)) {
        return refusal(
            HttpStatus.FORBIDDEN,
            Language.say(
                user + " may read their own row of the ledger only, not " + userId,
                user + " 只能查看台账中自己的一行，不能查看 " + userId));
      }
      only = user;
    }
    Period period = period(from, to);
    if (period.refusal() != null) {
      return period.refusal();
    }
    List<LedgerTotals.PersonTotal> rows = totals.people(period.from(), period.until(), only);
    if (wantsCsv(request)) {
      return csv(rows, LedgerTotals.PersonTotal.class, "ledger-people.csv");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("people", rows);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static Period period(String from, String to) {
    LocalDate first;
    LocalDate last;
    try {
      first = from == null || from.isBlank() ? null : LocalDate.parse(from.trim());
    } catch (DateTimeParseException e) {
      return new Period(null, null, badDate("from", from));
    }
    try {
      last = to == null || to.isBlank() ? null : LocalDate.parse(to.trim());
    } catch (DateTimeParseException e) {
      return new Period(null, null, badDate("to", to));
    }
    if (first != null && last != null && last.isBefore(first)) {
      return new Period(
          null,
          null,
          refusal(
              HttpStatus.BAD_REQUEST,
              Language.say(
                  "to: must not be before from " + first + ", got " + last,
                  "to: 不得早于 from " + first + "，实际为 " + last)));
    }
    ZoneId zone = ZoneId.systemDefault();
    return new Period(
        first == null ? null : first.atStartOfDay(zone).toInstant(),
        last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(),
        null);
  }

  private static ResponseEntity<?> badDate(String parameter, String value) {
    return refusal(
        HttpStatus.BAD_REQUEST,
        Language.say(
            parameter + ": must be a day written yyyy-MM-dd, such as 2026-11-28, got " + value,
            parameter + ": 必须是 yyyy-MM-dd 格式的日期，如 2026-11-28，实际为 " + value));
  }

  private static boolean wantsCsv(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("text/csv");
  }

  private static <T extends Record> ResponseEntity<?> csv(
      List<T> rows, Class<T> type, String fileName) {
    return CsvExport.attachment(CsvExport.ofRecords(type, rows), fileName);
  }

  static ResponseEntity<?> refusal(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", message));
  }
}
