package org.opencollab.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The CSV files the product hands out (the story's timeline, the ledger's tables), written one way
 * so that they are safe to open in a spreadsheet (docs/auditors.md, "CSV files"):
 *
 * <ul>
 *   <li>a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 *       carriage return gets a leading apostrophe, so a spreadsheet shows it instead of running it
 *       (OWASP, "CSV Injection"). Names, reasons and descriptions are typed by people, and an
 *       auditor opens the file;
 *   <li>a number stays a number: written as it is, unquoted, never prefixed, so {@code -12.50} adds
 *       up in the spreadsheet;
 *   <li>UTF-8 with a byte-order mark, which is how Excel knows the file is UTF-8 and shows Chinese;
 *   <li>RFC 4180: comma-separated, CRLF line ends, a cell with a comma, a quote or a line break
 *       quoted, its quotes doubled.
 * </ul>
 */
public final class CsvExport {

  public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("text/csv;charset=utf-8");

  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static final String RUNS_IN_A_SPREADSHEET = "=+-@\t\r";

  private CsvExport() {}

  /** A file of a header line and one line per row, each row's cells in the columns' order. */
  public static byte[] of(List<String> columns, List<? extends List<?>> rows) {
    StringBuilder text = new StringBuilder();
    line(text, columns);
    rows.forEach(row -> line(text, row));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(BOM);
    file.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    return file.toByteArray();
  }

  /** A file of Json objects, one line each, their fields named by the columns. */
  public static byte[] ofJson(List<String> columns, JsonNode objects) {
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode object : objects) {
      rows.add(columns.stream().map(column -> value(object.path(column))).toList());
    }
    return of(columns, rows);
  }

  /** A file of records, one line each, their components in declaration order as the columns. */
  public static <T extends Record> byte[] ofRecords(Class<T> type, List<T> records) {
    RecordComponent[] components = type.getRecordComponents();
    List<String> columns = Arrays.stream(components).map(RecordComponent::getName).toList();
    List<List<Object>> rows = new ArrayList<>();
    for (T record : records) {
      List<Object> row = new ArrayList<>();
      for (RecordComponent component : components) {
        try {
          row.add(component.getAccessor().invoke(record));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + component + " of " + record, e);
        }
      }
      rows.add(row);
    }
    return of(columns, rows);
  }

  /** The answer that hands {@code file} out as an attachment named {@code fileName}. */
  public static ResponseEntity<byte[]> attachment(byte[] file, String fileName) {
    return ResponseEntity.ok()
        .contentType(MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .body(file);
  }

  /**
   * One cell as it stands in the file: empty for null, a number as written, text neutralised and
   * quoted when RFC 4180 needs it.
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String number = number(value);
    if (number != null) {
      return number;
    }
    String text = neutralised(value.toString());
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** The text with a leading apostrophe when a spreadsheet would run it. */
  static String neutralised(String text) {
    if (!text.isEmpty() && RUNS_IN_A_SPREADSHEET.indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  /**
   * A number written plainly ({@code -12.50}, never {@code -1.25E+1}), or null for anything else.
   */
  private static String number(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double real = ((Number) value).doubleValue();
      return Double.isFinite(real) ? BigDecimal.valueOf(real).toPlainString() : null;
    }
    if (value instanceof Number) {
      return value.toString();
    }
    return null;
  }

  /** A Json value as a cell's value: numbers stay numbers, null and absent are empty. */
  private static Object value(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static void line(StringBuilder text, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(cell(cells.get(i)));
    }
    text.append("\r\n");
  }
}
