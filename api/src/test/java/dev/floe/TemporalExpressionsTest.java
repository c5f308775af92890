package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The dt namespace on eager frames: resolve-time type errors (typed, naming the function, the type
 * and the expression), errors for bad options, and results on a frame with nulls.
 */
@LeakChecked
class TemporalExpressionsTest {
  private static DataFrame frame() {
    return DataFrame.of(
        Series.ofList("d", DataType.DATE32,
            Arrays.asList(LocalDate.of(2024, 2, 29), null, LocalDate.of(1969, 12, 31))),
        Series.ofList("t", new DataType.Timestamp(TimeUnit.MICROSECOND, null),
            Arrays.asList(LocalDateTime.of(2024, 2, 29, 13, 5, 7), LocalDateTime.of(1900, 1, 1, 0, 0), null)),
        Series.ofList("du", new DataType.Duration(TimeUnit.MICROSECOND),
            Arrays.asList(Duration.ofHours(27), null, Duration.ofMinutes(-90))),
        Series.of("s", "a", "b", "c"),
        Series.of("i", 1L, 2L, 3L));
  }

  private static void rejects(Expr expr, String message) {
    try (DataFrame df = frame()) {
      assertThatThrownBy(() -> df.select(expr))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining(message);
    }
  }

  @Test
  void wrongInputTypesFailAtResolveTime() {
    rejects(col("s").dt().year(), "cannot apply dt.year() to String in col(\"s\").dt().year()");
    rejects(col("i").dt().truncate("1d"), "cannot apply dt.truncate() to i64");
    rejects(col("d").dt().hour(), "cannot apply dt.hour() to date in col(\"d\").dt().hour()");
    rejects(col("t").dt().totalDays(), "cannot apply dt.totalDays() to datetime[μs]");
    rejects(col("du").dt().year(), "cannot apply dt.year() to duration[μs]");
    rejects(col("d").dt().convertTimeZone("UTC"), "cannot apply dt.convertTimeZone() to date");
    rejects(col("d").dt().time(), "cannot apply dt.time() to date");
  }

  @Test
  void badOptionsAreNamed() {
    rejects(col("t").dt().epoch("h"), "invalid time unit \"h\"");
    rejects(col("t").dt().timestamp("s"), "invalid time unit \"s\"");
    rejects(col("t").dt().convertTimeZone("Mars/Olympus"), "unknown time zone \"Mars/Olympus\"");
    rejects(col("t").dt().replaceTimeZone("UTC", "maybe", "raise"), "invalid ambiguous \"maybe\"");
    rejects(col("t").dt().replaceTimeZone("UTC", "raise", "earliest"), "invalid nonExistent");
    rejects(col("t").dt().truncate("1x"), "invalid duration string \"1x\"");
    rejects(col("t").dt().round("d"), "'mo', 'q', 'w'");
    rejects(col("t").dt().offsetBy("1d-1h"), "one leading minus at most");
  }

  @Test
  void invalidArithmeticFailsAtResolveTime() {
    rejects(col("t").add(col("t")), "cannot add datetime[μs] to datetime[μs]");
    rejects(col("d").add(col("d")), "cannot add date to date");
    rejects(col("du").mul(col("du")), "cannot multiply duration[μs] by duration[μs]");
    rejects(col("i").sub(col("du")), "cannot subtract duration[μs] from i64");
    rejects(col("t").gt(col("s")), "cannot compare");
  }

  @Test
  void resultsAndTypesOnAFrameWithNulls() {
    try (DataFrame df = frame();
        DataFrame out = df.select(
            col("d").dt().year().alias("year"),
            col("t").dt().ordinalDay().alias("ordinal"),
            col("t").dt().truncate("1mo").dt().day().alias("first"),
            col("du").dt().totalHours().alias("hours"),
            col("t").sub(col("d")).dt().totalMinutes().alias("minutes"),
            col("d").gt(LocalDate.of(2000, 1, 1)).alias("after"),
            col("t").dt().strftime("%Y-%m-%d %H:%M").alias("text"),
            col("d").add(col("du")).alias("moved"))) {
      assertThat(out.dtypes()).containsExactly(
          DataType.INT32, DataType.INT16, DataType.INT8, DataType.INT64, DataType.INT64,
          DataType.BOOLEAN, DataType.UTF8, DataType.DATE32);
      assertThat(out.column("year").toList()).containsExactly(2024, null, 1969);
      assertThat(out.column("ordinal").toList()).containsExactly((short) 60, (short) 1, null);
      assertThat(out.column("first").toList()).containsExactly((byte) 1, (byte) 1, null);
      assertThat(out.column("hours").toList()).containsExactly(27L, null, -1L);
      assertThat(out.column("minutes").toList()).containsExactly(785L, null, null);
      assertThat(out.column("after").toList()).containsExactly(true, null, false);
      assertThat(out.column("text").toList()).containsExactly("2024-02-29 13:05", "1900-01-01 00:00", null);
      assertThat(out.column("moved").toList())
          .containsExactly(LocalDate.of(2024, 3, 1), null, LocalDate.of(1969, 12, 30));
    }
  }

  @Test
  void evaluationFailuresKeepTheirKind() {
    try (DataFrame df = frame()) {
      assertThatThrownBy(() -> df.select(col("t").dt().strftime("%Q")))
          .isInstanceOf(FloeException.class)
          .hasMessageContaining("cannot format timezone-naive Datetime with format '%Q'");
    }
  }
}
