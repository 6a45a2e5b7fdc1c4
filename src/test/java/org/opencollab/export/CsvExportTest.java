package org.opencollab.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cell a spreadsheet would run is shown instead; numbers stay numbers; Excel reads UTF-8. */
class CsvExportTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1+2",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+2",
        "\r=1+2",
        "=",
        "-"
      })
  void textThatASpreadsheetWouldRunGetsALeadingApostrophe(String text) {
    assertThat(CsvExport.neutralised(text)).isEqualTo("'" + text);
    assertThat(parsedBack(CsvExport.cell(text))).isEqualTo("'" + text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Design solution",
        "1+2",
        "12.50",
        " =1+2",
        "a=b",
        "'=already shown",
        "\n=1+2",
        "上海地铁",
        "＝1+2"
      })
  void otherTextIsLeftAsItIs(String text) {
    assertThat(CsvExport.neutralised(text)).isEqualTo(text);
    assertThat(parsedBack(CsvExport.cell(text))).isEqualTo(text);
  }

  @Test
  void numbersStayNumbersUnquotedAndUnprefixed() {
    assertThat(CsvExport.cell(new BigDecimal("-12.50"))).isEqualTo("-12.50");
    assertThat(CsvExport.cell(new BigDecimal("2000000.00"))).isEqualTo("2000000.00");
    assertThat(CsvExport.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(CsvExport.cell(-3)).isEqualTo("-3");
    assertThat(CsvExport.cell(-4L)).isEqualTo("-4");
    assertThat(CsvExport.cell(new BigInteger("-123456789012345678901234567890")))
        .isEqualTo("-123456789012345678901234567890");
    assertThat(CsvExport.cell(-0.5)).isEqualTo("-0.5");
    assertThat(CsvExport.cell(1.0e10)).isEqualTo("10000000000");
    assertThat(CsvExport.cell(-2.5f)).isEqualTo("-2.5");
  }

  @Test
  void textThatLooksLikeANumberIsStillText() {
    assertThat(CsvExport.cell("-12.50")).isEqualTo("'-12.50");
    assertThat(CsvExport.cell(Double.NEGATIVE_INFINITY)).isEqualTo("'-Infinity");
  }

  @Test
  void quotesCommasAndLineBreaksStayInsideTheirCell() {
    assertThat(CsvExport.cell("say \"yes\"")).isEqualTo("\"say \"\"yes\"\"\"");
    assertThat(CsvExport.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvExport.cell("first\r\nsecond")).isEqualTo("\"first\r\nsecond\"");
    assertThat(CsvExport.cell("=A1,\"x\"\n=B2")).isEqualTo("\"'=A1,\"\"x\"\"\n=B2\"");
    assertThat(CsvExport.cell(null)).isEmpty();
  }

  @Test
  void theFileIsUtf8WithAByteOrderMarkAndCrlfLines() {
    byte[] file =
        CsvExport.of(
            List.of("customer", "amount", "note"),
            List.of(
                List.of("上海地铁", new BigDecimal("-12.50"), "-2+3"),
                Arrays.asList("Shanghai Metro, Line 2", 7, null)));

    assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8))
        .isEqualTo(
            "customer,amount,note\r\n"
                + "上海地铁,-12.50,'-2+3\r\n"
                + "\"Shanghai Metro, Line 2\",7,\r\n");
  }

  @Test
  void jsonNumbersStayNumbersAndJsonTextIsNeutralised() throws Exception {
    byte[] file =
        CsvExport.ofJson(
            List.of("name", "amount", "detail", "absent"),
            new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .readTree(
                    "[{\"name\": \"=1+2\", \"amount\": -12.50, \"detail\": {\"a\": \"=x\"}},"
                        + " {\"name\": null, \"amount\": \"-7\", \"detail\": [1]}]"));

    assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8))
        .isEqualTo(
            "name,amount,detail,absent\r\n"
                + "'=1+2,-12.50,\"{\"\"a\"\":\"\"=x\"\"}\",\r\n"
                + ",'-7,[1],\r\n");
  }

  record Line(String department, int statements, BigDecimal loss) {}

  @Test
  void recordsAreWrittenByTheirComponents() {
    byte[] file =
        CsvExport.ofRecords(
            Line.class,
            List.of(
                new Line("SALES", 2, new BigDecimal("-12.50")),
                new Line("+TECH", 0, BigDecimal.ZERO)));

    assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8))
        .isEqualTo("department,statements,loss\r\nSALES,2,-12.50\r\n'+TECH,0,0\r\n");
  }

  /** The cell as a CSV reader reads it back. */
  private static String parsedBack(String cell) {
    try {
      String[][] rows =
          new CsvMapper()
              .enable(CsvParser.Feature.WRAP_AS_ARRAY)
              .readerFor(String[][].class)
              .readValue("first," + cell + "\r\n");
      return rows[0][1];
    } catch (Exception e) {
      throw new AssertionError(cell, e);
    }
  }
}
