package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@LeakChecked
class FieldParserTest {
  private static int classify(String text) {
    MemorySegment data = MemorySegment.ofArray(("\"\"\n" + text + "\n").getBytes(StandardCharsets.UTF_8));
    CsvReadOptions options = CsvReadOptions.DEFAULT.withQuoteChar(null).withSeparator('\t');
    CsvTokenizer tokens = new CsvTokenizer(data, 3, data.byteSize(), 2, options, "t");
    tokens.next();
    return CsvInference.classify(tokens, 0, new FieldParser(false), true);
  }

  /** Classes as Polars 1.44.2 infers them (checked in its venv). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1e5|4", "+3|64", "' 4'|64", "1_000|64", "nan|64", "inf|4", "-inf|4", "NaN|4", "1.5|4",
      "1.|4", "-.5|4", ".5|4", "1E5|4", "0x10|64", "007|2", "-0|2", "true|1", "TRUE|1", "False|1",
      "+inf|4", "+nan|64", "3f|64", "Infinity|64", "2020-01-01|8", "2020-01-01 10:00:00|16",
      "2020-01-01T10:00:00.123|16", "2020-01-01T10:00:00Z|32", "2020-13-01|64", "1e|64"})
  void classifiesLikePolars(String text, int expected) {
    assertThat(classify(text)).isEqualTo(expected);
  }

  @Test
  void parsesDoublesExactly() {
    FieldParser parser = new FieldParser(false);
    for (String text : new String[] {"0.1", "1e5", "123456789.125", "-0.0", "1e400", "4.9e-324",
        "1.7976931348623157e308", "0.30000000000000004", "12345678901234567890.5", "1.", ".5",
        "2.2250738585072014E-308", "9007199254740993"}) {
      MemorySegment data = MemorySegment.ofArray(text.getBytes(StandardCharsets.UTF_8));
      assertThat(parser.parseDouble(data, 0, data.byteSize())).as(text).isTrue();
      assertThat(Double.doubleToRawLongBits(parser.doubleValue)).as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void integersStayWithinI64() {
    FieldParser parser = new FieldParser(false);
    MemorySegment max = MemorySegment.ofArray("-9223372036854775808".getBytes(StandardCharsets.UTF_8));
    assertThat(parser.parseLong(max, 0, max.byteSize())).isTrue();
    assertThat(parser.longValue).isEqualTo(Long.MIN_VALUE);
    MemorySegment over = MemorySegment.ofArray("9223372036854775808".getBytes(StandardCharsets.UTF_8));
    assertThat(parser.parseLong(over, 0, over.byteSize())).isFalse();
  }
}
