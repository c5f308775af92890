package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parsing and splitting str functions on eager frames: literals broadcast, strict errors name
 * the expression, results compose with other expressions. Expected values are Polars 1.44.2's.
 */
@LeakChecked
class StringParsingExpressionsTest {
  private static DataFrame frame() {
    return DataFrame.of(
        Series.ofList("s", DataType.UTF8_VIEW,
            Arrays.asList("2024-01-15,7", null, "1999-12-31,x", "bad")),
        Series.of("n", 1L, 2L, 3L, 4L));
  }

  @Test
  void splitExtractAndParseCompose() {
    try (DataFrame df = frame();
        DataFrame out = df.select(
            col("s").str().split(",").alias("parts"),
            col("s").str().extract("(\\d{4}-\\d\\d-\\d\\d)", 1).str().toDate("%Y-%m-%d")
                .alias("date"),
            col("s").str().extract(",(\\w+)$", 1).str().toInteger(dev.floe.planner.expr.IntegerParseOptions.DEFAULT.withStrict(false)).add(col("n"))
                .alias("sum"),
            col("s").str().countMatches("\\d").alias("digits"),
            lit("1.25").str().toDecimal(1).alias("dec"),
            lit("a;b").str().split(";").alias("lit"))) {
      assertThat(out.column("parts").toList()).containsExactly(
          List.of("2024-01-15", "7"), null, List.of("1999-12-31", "x"), List.of("bad"));
      assertThat(out.column("date").toList()).containsExactly(
          LocalDate.of(2024, 1, 15), null, LocalDate.of(1999, 12, 31), null);
      assertThat(out.column("sum").toList()).containsExactly(8L, null, null, null);
      assertThat(out.column("digits").toList()).containsExactly(9L, null, 8L, 0L);
      assertThat(out.column("dec").toList()).containsOnly(new BigDecimal("1.2"));
      assertThat(out.column("lit").toList()).containsOnly(List.of("a", "b"));
      assertThat(out.column("dec").dtype()).isEqualTo(new DataType.Decimal128(38, 1));
    }
  }

  @Test
  void strictFailuresNameTheValueRowAndExpression() {
    try (DataFrame df = frame()) {
      assertThatThrownBy(() -> df.select(col("s").str().toDate("%Y-%m-%d,%H")))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("hour and minute");
      assertThatThrownBy(() -> df.select(col("s").str().toDate("%Y-%m-%d,7")))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("\"1999-12-31,x\" at row 2")
          .hasMessageContaining("col(\"s\").str().strptime(date, \"%Y-%m-%d,7\")");
      assertThatThrownBy(() -> df.select(col("s").str().toInteger()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("\"2024-01-15,7\" at row 0");
    }
  }

  @Test
  void offsetsGiveUtcDatetimes() {
    try (DataFrame df = DataFrame.of(Series.ofStrings("t", "2024-01-15 10:20:30+02:00", null));
        DataFrame out = df.select(col("t").str().toDatetime("%Y-%m-%d %H:%M:%S%z"))) {
      assertThat(out.dtypes().getFirst())
          .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
      assertThat(out.column(0).isNull(1)).isTrue();
    }
  }
}
