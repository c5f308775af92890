package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakCheckExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Golden tests of printing under non-default {@link FloeConfig} settings, and of
 * {@code glimpse()} over every type: each expected text is what Polars 1.44.2 printed under the
 * matching {@code pl.Config(...)}.
 */
@ExtendWith(LeakCheckExtension.class)
@SuppressWarnings("try") // the config scopes are used for their side effect only
class ConfigDisplayGoldenTest {

  @Test
  void tblRowsFiveShowsThreeThenTwo() {
    try (DataFrame frame = DataFrame.of(Series.ofLongs("a", 0, 1, 2, 3, 4, 5, 6));
        FloeConfig.Scope scope = Floe.config().withTblRows(5).apply()) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (7, 1)
          ┌─────┐
          │ a   │
          │ --- │
          │ i64 │
          ╞═════╡
          │ 0   │
          │ 1   │
          │ 2   │
          │ …   │
          │ 5   │
          │ 6   │
          └─────┘""");
    }
  }

  @Test
  void tblColsFiveShowsThreeThenTwo() {
    try (DataFrame frame = FrameDisplayGoldenTest.wide(7, 1);
        FloeConfig.Scope scope = Floe.config().withTblCols(5).apply()) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (1, 7)
          ┌─────┬─────┬─────┬───┬─────┬─────┐
          │ c0  ┆ c1  ┆ c2  ┆ … ┆ c5  ┆ c6  │
          │ --- ┆ --- ┆ --- ┆   ┆ --- ┆ --- │
          │ i64 ┆ i64 ┆ i64 ┆   ┆ i64 ┆ i64 │
          ╞═════╪═════╪═════╪═══╪═════╪═════╡
          │ 0   ┆ 1   ┆ 2   ┆ … ┆ 5   ┆ 6   │
          └─────┴─────┴─────┴───┴─────┴─────┘""");
    }
  }

  @Test
  void strLenAndListLen() {
    try (DataFrame frame = DataFrame.of(Series.of("s", "abcdefghijklmnop", "short"), Series.of("l", List.of(1L, 2L, 3L, 4L, 5L, 6L), List.of(1L)));
        FloeConfig.Scope scope = Floe.config().withStrLen(10).withListLen(5).apply()) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (2, 2)
          ┌─────────────┬─────────────┐
          │ s           ┆ l           │
          │ ---         ┆ ---         │
          │ str         ┆ list[i64]   │
          ╞═════════════╪═════════════╡
          │ abcdefghij… ┆ [1, 2, 3, … │
          │ short       ┆ [1]         │
          └─────────────┴─────────────┘""");
    }
  }

  @Test
  void narrowTableWidthWrapsAtSpaces() {
    try (DataFrame frame = DataFrame.of(Series.of("a", "hello world, this is long", "hello world, this is long"), Series.of("b", "another fairly long text", "another fairly long text"));
        FloeConfig.Scope scope = Floe.config().withTblWidth(30).apply()) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (2, 2)
          ┌──────────────┬─────────────┐
          │ a            ┆ b           │
          │ ---          ┆ ---         │
          │ str          ┆ str         │
          ╞══════════════╪═════════════╡
          │ hello world, ┆ another     │
          │ this is long ┆ fairly long │
          │              ┆ text        │
          │ hello world, ┆ another     │
          │ this is long ┆ fairly long │
          │              ┆ text        │
          └──────────────┴─────────────┘""");
    }
  }

  @Test
  void negativeTblRowsShowsAll() {
    try (DataFrame frame = DataFrame.of(Series.ofLongs("a", LongStream.range(0, 30).toArray()));
        FloeConfig.Scope scope = Floe.config().withTblRows(-1).apply()) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (30, 1)
          ┌─────┐
          │ a   │
          │ --- │
          │ i64 │
          ╞═════╡
          │ 0   │
          │ 1   │
          │ 2   │
          │ 3   │
          │ 4   │
          │ 5   │
          │ 6   │
          │ 7   │
          │ 8   │
          │ 9   │
          │ 10  │
          │ 11  │
          │ 12  │
          │ 13  │
          │ 14  │
          │ 15  │
          │ 16  │
          │ 17  │
          │ 18  │
          │ 19  │
          │ 20  │
          │ 21  │
          │ 22  │
          │ 23  │
          │ 24  │
          │ 25  │
          │ 26  │
          │ 27  │
          │ 28  │
          │ 29  │
          └─────┘""");
    }
  }

  @Test
  void seriesFollowsTblRows() {
    try (DataFrame frame = DataFrame.of(Series.ofLongs("a", LongStream.range(0, 30).toArray()));
        FloeConfig.Scope scope = Floe.config().withTblRows(4).apply()) {
      assertThat(frame.column("a").toString()).isEqualTo("""
          shape: (30,)
          Series: 'a' [i64]
          [
          \t0
          \t1
          \t…
          \t28
          \t29
          ]""");
    }
  }

  @Test
  void glimpseOfEveryType() {
    try (DataFrame frame = glimpseInput();
        FloeConfig.Scope scope = Floe.config().withTblRows(10).apply()) {
      assertThat(frame.glimpse()).isEqualTo("""
          Rows: 2
          Columns: 14
          $ d                                                                            <date> 2024-01-05, null
          $ t                                                                            <time> 12:30:05.001000, null
          $ dt                                                                   <datetime[μs]> 2024-01-05 12:30:00, null
          $ ny                                                 <datetime[μs, America/New_York]> 2024-07-05 12:30:00-04:00, null
          $ du                                                                   <duration[μs]> 1 day, 5:03:00, -1 day, 23:59:55
          $ dec                                                                 <decimal[38,3]> 12.345, null
          $ bin                                                                        <binary> b"it's", null
          $ b                                                                            <bool> True, False
          $ f                                                                             <f64> 1e-07, 1e+16
          $ s                                                                             <str> 'it\\'s "q"\\n', 'plain'
          $ l                                                                       <list[i64]> [1, None], null
          $ st                                                                      <struct[2]> {'x': 1, 'y': 'a'}, null
          $ ld                                                                     <list[date]> [datetime.date(2024, 1, 5)], []
          $ a_very_long_column_name_that_goes_on_and_on_and_o…                            <i64> 1, 2
          """);
    }
  }

  /** One column of each type, with nulls, and a name longer than glimpse shows. */
  static DataFrame glimpseInput() {
    return DataFrame.of(
        Series.of("d", LocalDate.of(2024, 1, 5), null),
        Series.of("t", LocalTime.of(12, 30, 5, 1_000_000), null),
        Series.of("dt", LocalDateTime.of(2024, 1, 5, 12, 30), null),
        Series.of("ny", ZonedDateTime.of(2024, 7, 5, 12, 30, 0, 0, ZoneId.of("America/New_York")), null),
        Series.of("du", Duration.ofMinutes(1 * 24 * 60 + 5 * 60 + 3), Duration.ofSeconds(-5)),
        Series.of("dec", new BigDecimal("12.345"), null),
        Series.of("bin", "it's".getBytes(StandardCharsets.UTF_8), null),
        Series.of("b", true, false),
        Series.of("f", 1e-7, 1e16),
        Series.of("s", "it's \"q\"\n", "plain"),
        Series.of("l", Arrays.asList(1L, null), null),
        Series.of("st", FrameDisplayGoldenTest.map("x", 1L, "y", "a"), null),
        Series.of("ld", List.of(LocalDate.of(2024, 1, 5)), List.of()),
        Series.of("a_very_long_column_name_that_goes_on_and_on_and_on_forever_and_ever", 1L, 2L));
  }
}
