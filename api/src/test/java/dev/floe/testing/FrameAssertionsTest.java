package dev.floe.testing;

import static dev.floe.testing.FrameAssertions.assertFrameEqual;
import static dev.floe.testing.FrameAssertions.assertSeriesEqual;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class FrameAssertionsTest {
  private static final AssertFrameOptions DEFAULTS = AssertFrameOptions.DEFAULTS;

  static DataFrame frame(double... values) {
    long[] ids = new long[values.length];
    for (int index = 0; index < ids.length; index++) {
      ids[index] = index;
    }
    return DataFrame.of(Series.ofLongs("id", ids), Series.ofDoubles("x", values));
  }

  @Test
  void equalFramesPassAndFloatsMayDifferWithinTolerance() {
    try (DataFrame left = frame(1.0, Double.NaN, 3.0);
        DataFrame right = frame(1.000001, Double.NaN, 3.0)) {
      assertThatCode(() -> assertFrameEqual(left, right)).doesNotThrowAnyException();
      assertThatThrownBy(() -> assertFrameEqual(left, right, DEFAULTS.withCheckExact(true)))
          .isInstanceOf(AssertionError.class)
          .hasMessage("DataFrames are different (values differ in 1 of 3 rows)\n"
              + "  row 0, column 'x': actual 1.0, expected 1.000001");
    }
  }

  @Test
  void valueDifferencesNameRowColumnAndBothValues() {
    try (DataFrame left = frame(1.0, 2.0, 3.0); DataFrame right = frame(1.0, 2.5, 3.0)) {
      assertThatThrownBy(() -> assertFrameEqual(left, right))
          .isInstanceOf(AssertionError.class)
          .hasMessage("DataFrames are different (values differ in 1 of 3 rows)\n"
              + "  row 1, column 'x': actual 2.0, expected 2.5 (rtol 1.0E-5, atol 1.0E-8)");
    }
  }

  @Test
  void rowOrderCanBeIgnored() {
    try (DataFrame left = DataFrame.of(Series.of("a", 3L, null, 1L), Series.of("b", "c", "n", "a"));
        DataFrame right = DataFrame.of(Series.of("a", 1L, 3L, null), Series.of("b", "a", "c", "n"))) {
      assertThatThrownBy(() -> assertFrameEqual(left, right)).isInstanceOf(AssertionError.class);
      assertThatCode(() -> assertFrameEqual(left, right, DEFAULTS.withCheckRowOrder(false)))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void columnOrderCanBeIgnored() {
    try (DataFrame left = frame(1.0);
        DataFrame right = left.select("x", "id")) {
      assertThatThrownBy(() -> assertFrameEqual(left, right))
          .isInstanceOf(AssertionError.class)
          .hasMessage("DataFrames are different (column order does not match)\n"
              + "  actual:   [id, x]\n  expected: [x, id]");
      assertThatCode(() -> assertFrameEqual(left, right, DEFAULTS.withCheckColumnOrder(false)))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void schemaDifferencesAreReported() {
    try (DataFrame left = frame(1.0);
        DataFrame renamed = left.rename("x", "y");
        DataFrame retyped = DataFrame.of(Series.ofLongs("id", 0), Series.of("x", DataType.FLOAT32, 1.0f));
        DataFrame taller = frame(1.0, 2.0)) {
      assertThatThrownBy(() -> assertFrameEqual(left, renamed))
          .hasMessage("DataFrames are different (column names do not match)\n"
              + "  actual:   [id, x]\n  expected: [id, y]\n  missing in actual: [y]\n"
              + "  not expected: [x]");
      assertThatThrownBy(() -> assertFrameEqual(left, retyped))
          .hasMessage("DataFrames are different (dtypes do not match)\n"
              + "  column 'x': actual f64, expected f32");
      assertThatCode(() -> assertFrameEqual(left, retyped, DEFAULTS.withCheckDtypes(false)))
          .doesNotThrowAnyException();
      assertThatThrownBy(() -> assertFrameEqual(left, taller))
          .hasMessage("DataFrames are different (number of rows does not match)\n"
              + "  actual:   1 rows\n  expected: 2 rows");
    }
  }

  @Test
  void nestedValuesCompareWithTolerance() {
    try (DataFrame left = DataFrame.of(Series.of("l", List.of(1.0, 2.0), List.of()));
        DataFrame right = DataFrame.of(Series.of("l", List.of(1.0, 2.0000001), List.of()));
        DataFrame different = DataFrame.of(Series.of("l", List.of(1.0, 2.1), List.of()))) {
      assertThatCode(() -> assertFrameEqual(left, right)).doesNotThrowAnyException();
      assertThatThrownBy(() -> assertFrameEqual(left, different))
          .hasMessageContaining("row 0, column 'l': actual [1.0, 2.0], expected [1.0, 2.1]");
    }
  }

  @Test
  void seriesAssertionsCheckNamesToo() {
    try (Series left = Series.of("a", 1L, 2L);
        Series same = Series.of("a", 1L, 2L);
        Series renamed = Series.of("b", 1L, 2L);
        Series different = Series.of("a", 1L, 3L)) {
      assertThatCode(() -> assertSeriesEqual(left, same)).doesNotThrowAnyException();
      assertThatThrownBy(() -> assertSeriesEqual(left, renamed))
          .hasMessage("Series are different (names do not match)\n  actual:   'a'\n  expected: 'b'");
      assertThatThrownBy(() -> assertSeriesEqual(left, different))
          .hasMessageStartingWith("Series are different (values differ in 1 of 2 rows)")
          .hasMessageContaining("row 1, column 'a': actual 2, expected 3");
    }
  }
}
