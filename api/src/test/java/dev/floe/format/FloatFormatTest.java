package dev.floe.format;

import dev.floe.testkit.LeakChecked;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatFormat} against 3036 values printed by Polars 1.44.2 ({@code polars-floats.tsv}: edge
 * values, random magnitudes, whole numbers, binary fractions and random bit patterns, each as an
 * f64 and as an f32 series).
 */
@LeakChecked
class FloatFormatTest {

  @Test
  void matchesPolarsForEveryRecordedValue() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (String[] fields : rows()) {
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(fields[0], 16));
      float single = Float.intBitsToFloat(Integer.parseUnsignedInt(fields[2], 16));
      check(mismatches, FloatFormat.format(value), fields[1], fields[0]);
      check(mismatches, FloatFormat.format(single), fields[3], fields[2] + " (f32)");
      checked += 2;
    }
    assertThat(checked).isGreaterThan(6000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void examples() {
    assertThat(FloatFormat.format(1.0)).isEqualTo("1.0");
    assertThat(FloatFormat.format(1 / 3.0)).isEqualTo("0.333333");
    assertThat(FloatFormat.format(1e-7)).isEqualTo("0.0000001");
    assertThat(FloatFormat.format(1e-10)).isEqualTo("1.0000e-10");
    assertThat(FloatFormat.format(1e7)).isEqualTo("1e7");
    assertThat(FloatFormat.format(1234567.891)).isEqualTo("1.2346e6");
    assertThat(FloatFormat.format(-0.0)).isEqualTo("-0.0");
    assertThat(FloatFormat.format(Double.NaN)).isEqualTo("NaN");
    assertThat(FloatFormat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  private static void check(List<String> mismatches, String actual, String expected, String bits) {
    if (!actual.equals(expected)) {
      mismatches.add(bits + ": expected " + expected + " but was " + actual);
    }
  }

  private static List<String[]> rows() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(FloatFormatTest.class.getResourceAsStream("polars-floats.tsv")),
        StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    }
    return rows;
  }
}
