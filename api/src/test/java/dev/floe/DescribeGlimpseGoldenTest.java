package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckExtension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Golden tests of {@code describe()} and {@code glimpse()}: each expected text is what Polars
 * 1.44.2 printed for the same data ({@code print(df.describe())}, {@code df.glimpse(return_type="string")}).
 */
@ExtendWith(LeakCheckExtension.class)
class DescribeGlimpseGoldenTest {

  @Test
  void describeMatchesPolars() {
    try (DataFrame frame = describeInput();
        DataFrame described = frame.describe()) {
      assertThat(described.toString()).isEqualTo("""
          shape: (9, 6)
          ┌────────────┬──────────┬─────────┬──────┬──────┬─────────────────────┐
          │ statistic  ┆ a        ┆ b       ┆ c    ┆ d    ┆ e                   │
          │ ---        ┆ ---      ┆ ---     ┆ ---  ┆ ---  ┆ ---                 │
          │ str        ┆ f64      ┆ f64     ┆ str  ┆ f64  ┆ str                 │
          ╞════════════╪══════════╪═════════╪══════╪══════╪═════════════════════╡
          │ count      ┆ 4.0      ┆ 4.0     ┆ 4    ┆ 4.0  ┆ 5                   │
          │ null_count ┆ 1.0      ┆ 1.0     ┆ 1    ┆ 1.0  ┆ 0                   │
          │ mean       ┆ 2.75     ┆ 4.375   ┆ null ┆ 0.75 ┆ 2024-01-03 00:00:00 │
          │ std        ┆ 1.707825 ┆ 3.83786 ┆ null ┆ null ┆ null                │
          │ min        ┆ 1.0      ┆ 1.5     ┆ w    ┆ 0.0  ┆ 2024-01-01          │
          │ 25%        ┆ 2.0      ┆ 2.5     ┆ null ┆ null ┆ 2024-01-02          │
          │ 50%        ┆ 3.0      ┆ 3.5     ┆ null ┆ null ┆ 2024-01-03          │
          │ 75%        ┆ 3.0      ┆ 3.5     ┆ null ┆ null ┆ 2024-01-04          │
          │ max        ┆ 5.0      ┆ 10.0    ┆ z    ┆ 1.0  ┆ 2024-01-05          │
          └────────────┴──────────┴─────────┴──────┴──────┴─────────────────────┘""");
    }
  }

  @Test
  void glimpseMatchesPolars() {
    try (DataFrame frame = describeInput()) {
      assertThat(frame.glimpse()).isEqualTo("""
          Rows: 5
          Columns: 5
          $ a  <i64> 1, 2, 3, null, 5
          $ b  <f64> 1.5, null, 2.5, 3.5, 10.0
          $ c  <str> 'x', 'y', null, 'z', 'w'
          $ d <bool> True, False, null, True, True
          $ e <date> 2024-01-01, 2024-01-02, 2024-01-03, 2024-01-04, 2024-01-05
          """);
    }
  }

  @Test
  void describeUsesNearestRankPercentiles() {
    try (DataFrame frame = DataFrame.of(Series.ofLongs("a", LongStream.rangeClosed(1, 11).toArray()));
        DataFrame described = frame.describe()) {
      assertThat(described.toString()).isEqualTo("""
          shape: (9, 2)
          ┌────────────┬──────────┐
          │ statistic  ┆ a        │
          │ ---        ┆ ---      │
          │ str        ┆ f64      │
          ╞════════════╪══════════╡
          │ count      ┆ 11.0     │
          │ null_count ┆ 0.0      │
          │ mean       ┆ 6.0      │
          │ std        ┆ 3.316625 │
          │ min        ┆ 1.0      │
          │ 25%        ┆ 4.0      │
          │ 50%        ┆ 6.0      │
          │ 75%        ┆ 9.0      │
          │ max        ┆ 11.0     │
          └────────────┴──────────┘""");
    }
  }

  @Test
  void describeOfEveryKindOfColumnWraps() {
    try (DataFrame frame = describeKinds();
        DataFrame described = frame.describe(new double[0])) {
      assertThat(described.toString()).isEqualTo("""
          shape: (6, 13)
          ┌────────────┬──────┬─────┬─────────────────┬───┬──────┬───────────┬──────┬──────┐
          │ statistic  ┆ one  ┆ nan ┆ t               ┆ … ┆ s    ┆ u         ┆ dec  ┆ bo   │
          │ ---        ┆ ---  ┆ --- ┆ ---             ┆   ┆ ---  ┆ ---       ┆ ---  ┆ ---  │
          │ str        ┆ f64  ┆ f64 ┆ str             ┆   ┆ str  ┆ f64       ┆ f64  ┆ f64  │
          ╞════════════╪══════╪═════╪═════════════════╪═══╪══════╪═══════════╪══════╪══════╡
          │ count      ┆ 1.0  ┆ 2.0 ┆ 2               ┆ … ┆ 2    ┆ 2.0       ┆ 1.0  ┆ 1.0  │
          │ null_count ┆ 1.0  ┆ 0.0 ┆ 0               ┆ … ┆ 0    ┆ 0.0       ┆ 1.0  ┆ 1.0  │
          │ mean       ┆ 1.0  ┆ NaN ┆ 01:30:00.000002 ┆ … ┆ null ┆ 9.2234e18 ┆ 1.5  ┆ 1.0  │
          │ std        ┆ null ┆ NaN ┆ null            ┆ … ┆ null ┆ 1.3044e19 ┆ null ┆ null │
          │ min        ┆ 1.0  ┆ 1.0 ┆ 01:00:00        ┆ … ┆ z    ┆ 1.0       ┆ 1.5  ┆ 1.0  │
          │ max        ┆ 1.0  ┆ 1.0 ┆ 02:00:00.000005 ┆ … ┆ ä    ┆ 1.8447e19 ┆ 1.5  ┆ 1.0  │
          └────────────┴──────┴─────┴─────────────────┴───┴──────┴───────────┴──────┴──────┘""");
    }
  }

  /** Ints, floats, strings, booleans and dates, with nulls. */
  static DataFrame describeInput() {
    return DataFrame.of(
        Series.of("a", 1L, 2L, 3L, null, 5L),
        Series.of("b", 1.5, null, 2.5, 3.5, 10.0),
        Series.of("c", "x", "y", null, "z", "w"),
        Series.of("d", true, false, null, true, true),
        Series.of("e", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3),
            LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 5)));
  }

  /** One column of each kind describe() treats differently. */
  static DataFrame describeKinds() {
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    return DataFrame.of(
        Series.of("one", 1.0, null),
        Series.of("nan", Double.NaN, 1.0),
        Series.of("t", LocalTime.of(1, 0), LocalTime.of(2, 0, 0, 5_000)),
        Series.of("du", Duration.ofHours(1), Duration.ofHours(2).plusNanos(1_000)),
        Series.of("tz", LocalDateTime.of(2024, 1, 1, 0, 0).atZone(amsterdam),
            LocalDateTime.of(2024, 1, 2, 1, 0).atZone(amsterdam)),
        Series.ofList("n", Arrays.asList(null, null)),
        Series.of("l", List.of(1L), List.of(2L, 3L)),
        Series.of("b", "a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8)),
        Series.of("s", "ä", "z"),
        Series.of("u", DataType.UINT64, 1L, new BigInteger("18446744073709551615")),
        Series.of("dec", new BigDecimal("1.5"), null),
        Series.of("bo", true, null));
  }
}
