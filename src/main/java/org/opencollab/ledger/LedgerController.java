package org.opencollab.ledger;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencollab.export.CsvExport;
import org.opencollab.identity.Department;
import org.opencollab.identity.Groups;
import org.opencollab.security.Refusal;
import org.opencollab.security.SignedInUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ledger/departments}, {@code /people}, {@code /months} and {@code /entries}
 * (docs/auditors.md, "The ledger"): totals over {@code from} to {@code to}, both days included
 * ({@code yyyy-MM-dd}, server time), per department, per person, per month and department, and the
 * entries that make up one department's or one person's figure; as JSON or, with {@code Accept:
 * text/csv}, one CSV row per total or entry ({@link CsvExport}: amounts stay numbers).
 *
 * <p>Oversight (auditors, coordinators, the committee, process owners, administrators) reads all of
 * it. Anyone else signed in reads their own row of {@code people} and their own entries, and gets
 * 403 for another's, for {@code departments}, {@code months} and a department's entries. An
 * anonymous caller gets 401 from {@link org.opencollab.security.ProductAccess}; refusals are
 * problem details ({@link Refusal}) in the person's language.
 */
@RestController
@RequestMapping("/api/ledger")
public class LedgerController {

  private final LedgerTotals totals;

  public LedgerController(LedgerTotals totals) {
    this.totals = totals;
  }

  /** The period asked for, or the refusal to answer with. */
  private record Period(Instant from, Instant until, ResponseEntity<ProblemDetail> refusal) {

    static Period refused(ResponseEntity<ProblemDetail> refusal) {
      return new Period(null, null, refusal);
    }

    /** The part of this period in {@code month}, so that a month's figure is the chart's bar. */
    Period within(YearMonth month, ZoneId zone) {
      Instant first = month.atDay(1).atStartOfDay(zone).toInstant();
      Instant next = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
      return new Period(
          from == null || from.isBefore(first) ? first : from,
          until == null || until.isAfter(next) ? next : until,
          null);
    }
  }

  @GetMapping("/departments")
  public ResponseEntity<?> departments(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      SignedInUser user,
      HttpServletRequest request) {
    if (!user.inAnyOf(Groups.OVERSIGHT)) {
      return Refusal.of(
          HttpStatus.FORBIDDEN,
          user.id()
              + " may not read the departments' ledger: it is for auditors, coordinators,"
              + " the committee and process owners",
          user.id() + " 不能查看各部门台账：它供审计员、协调员、委员会和流程负责人查看");
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
      SignedInUser user,
      HttpServletRequest request) {
    String only = userId;
    boolean oversight = user.inAnyOf(Groups.OVERSIGHT);
    if (!oversight) {
      if (userId != null && !userId.equals(user.id())) {
        return Refusal.of(
            HttpStatus.FORBIDDEN,
            user.id() + " may read their own row of the ledger only, not " + userId,
            user.id() + " 只能查看台账中自己的一行，不能查看 " + userId);
      }
      only = user.id();
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
    body.put("people", oversight ? rankedAmongEveryone(period, rows, only) : rows);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /**
   * The rows with their places among everyone's of the period. Only oversight gets places: a place
   * says how the others did, which a person reading their own row does not see.
   */
  private List<LedgerTotals.RankedPerson> rankedAmongEveryone(
      Period period, List<LedgerTotals.PersonTotal> rows, String only) {
    List<LedgerTotals.PersonTotal> everyone =
        only == null ? rows : totals.people(period.from(), period.until(), null);
    return LedgerSums.ranked(everyone).stream()
        .filter(row -> only == null || row.person().userId().equals(only))
        .toList();
  }

  @GetMapping("/months")
  public ResponseEntity<?> months(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      SignedInUser user,
      HttpServletRequest request) {
    if (!user.inAnyOf(Groups.OVERSIGHT)) {
      return Refusal.of(
          HttpStatus.FORBIDDEN,
          user.id()
              + " may not read the departments' ledger per month: it is for auditors,"
              + " coordinators, the committee and process owners",
          user.id() + " 不能按月查看各部门台账：它供审计员、协调员、委员会和流程负责人查看");
    }
    Period period = period(from, to);
    if (period.refusal() != null) {
      return period.refusal();
    }
    List<LedgerTotals.MonthTotal> rows = totals.months(period.from(), period.until());
    if (wantsCsv(request)) {
      return csv(rows, LedgerTotals.MonthTotal.class, "ledger-months.csv");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("months", rows);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /**
   * The entries that make up one figure: a department's ({@code department}), or a person's ({@code
   * userId}, narrowed to one department of theirs with {@code department}), over the period and,
   * with {@code month}, only in that month of it. {@code total} adds them up and equals the figure
   * that {@code departments}, {@code people} or {@code months} shows for the same filter.
   */
  @GetMapping("/entries")
  public ResponseEntity<?> entries(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String userId,
      @RequestParam(required = false) String month,
      SignedInUser user,
      HttpServletRequest request) {
    if (!user.inAnyOf(Groups.OVERSIGHT)) {
      if (userId == null && department != null) {
        return Refusal.of(
            HttpStatus.FORBIDDEN,
            user.id()
                + " may not read a department's entries: they are for auditors, coordinators,"
                + " the committee and process owners",
            user.id() + " 不能查看部门的台账条目：它们供审计员、协调员、委员会和流程负责人查看");
      }
      if (userId != null && !userId.equals(user.id())) {
        return Refusal.of(
            HttpStatus.FORBIDDEN,
            user.id() + " may read their own entries of the ledger only, not " + userId,
            user.id() + " 只能查看自己的台账条目，不能查看 " + userId);
      }
    }
    if (userId == null && department == null) {
      return Refusal.of(
          HttpStatus.BAD_REQUEST,
          "department or userId: name the department or the person whose figure to trace",
          "department 或 userId：请指明要追溯其数字的部门或人员");
    }
    if (department != null && !Department.isCode(department)) {
      String codes = Arrays.toString(Department.values());
      return Refusal.of(
          HttpStatus.BAD_REQUEST,
          "department: must be one of " + codes + ", got " + department,
          "department: 必须是以下之一：" + codes + "，实际为 " + department);
    }
    Period period = period(from, to);
    if (period.refusal() != null) {
      return period.refusal();
    }
    if (month != null && !month.isBlank()) {
      try {
        period = period.within(YearMonth.parse(month.trim()), ZoneId.systemDefault());
      } catch (DateTimeParseException e) {
        return Refusal.of(
            HttpStatus.BAD_REQUEST,
            "month: must be a month written yyyy-MM, such as 2026-11, got " + month,
            "month: 必须是 yyyy-MM 格式的月份，如 2026-11，实际为 " + month);
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    // The filter as asked, so that a saved answer says which figure it traces.
    if (month != null) {
      body.put("month", month);
    }
    if (department != null) {
      body.put("department", department);
    }
    if (userId != null) {
      body.put("userId", userId);
    }
    if (userId != null) {
      List<LedgerTotals.PersonEntry> rows =
          totals.personEntries(period.from(), period.until(), userId, department);
      if (wantsCsv(request)) {
        return csv(rows, LedgerTotals.PersonEntry.class, "ledger-entries.csv");
      }
      body.put("entries", rows);
      body.put("total", LedgerSums.personTotal(userId, department, rows));
    } else {
      List<LedgerTotals.DepartmentEntry> rows =
          totals.departmentEntries(period.from(), period.until(), department);
      if (wantsCsv(request)) {
        return csv(rows, LedgerTotals.DepartmentEntry.class, "ledger-entries.csv");
      }
      body.put("entries", rows);
      body.put("total", LedgerSums.departmentTotal(department, rows));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static Period period(String from, String to) {
    LocalDate first;
    LocalDate last;
    try {
      first = from == null || from.isBlank() ? null : LocalDate.parse(from.trim());
    } catch (DateTimeParseException e) {
      return Period.refused(badDate("from", from));
    }
    try {
      last = to == null || to.isBlank() ? null : LocalDate.parse(to.trim());
    } catch (DateTimeParseException e) {
      return Period.refused(badDate("to", to));
    }
    if (first != null && last != null && last.isBefore(first)) {
      return Period.refused(
          Refusal.of(
              HttpStatus.BAD_REQUEST,
              "to: must not be before from " + first + ", got " + last,
              "to: 不得早于 from " + first + "，实际为 " + last));
    }
    ZoneId zone = ZoneId.systemDefault();
    return new Period(
        first == null ? null : first.atStartOfDay(zone).toInstant(),
        last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(),
        null);
  }

  private static ResponseEntity<ProblemDetail> badDate(String parameter, String value) {
    return Refusal.of(
        HttpStatus.BAD_REQUEST,
        parameter + ": must be a day written yyyy-MM-dd, such as 2026-11-28, got " + value,
        parameter + ": 必须是 yyyy-MM-dd 格式的日期，如 2026-11-28，实际为 " + value);
  }

  private static boolean wantsCsv(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("text/csv");
  }

  private static <T extends Record> ResponseEntity<?> csv(
      List<T> rows, Class<T> type, String fileName) {
    return CsvExport.attachment(CsvExport.ofRecords(type, rows), fileName);
  }
}
