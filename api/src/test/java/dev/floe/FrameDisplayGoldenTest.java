package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakCheckExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Golden tests of {@code DataFrame.toString()}: each expected text is what Polars 1.44.2 printed
 * for the same data (generated with {@code print(df)} under Python, default {@code pl.Config}).
 */
@ExtendWith(LeakCheckExtension.class)
class FrameDisplayGoldenTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void longFrameShowsFirstAndLastFiveRows() {
    try (DataFrame frame = DataFrame.of(
            Series.ofLongs("a", LongStream.range(0, 25).toArray()),
            Series.ofDoubles("b", LongStream.range(0, 25).mapToDouble(i -> i / 3.0).toArray()))) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (25, 2)
          ┌─────┬──────────┐
          │ a   ┆ b        │
          │ --- ┆ ---      │
          │ i64 ┆ f64      │
          ╞═════╪══════════╡
          │ 0   ┆ 0.0      │
          │ 1   ┆ 0.333333 │
          │ 2   ┆ 0.666667 │
          │ 3   ┆ 1.0      │
          │ 4   ┆ 1.333333 │
          │ …   ┆ …        │
          │ 20  ┆ 6.666667 │
          │ 21  ┆ 7.0      │
          │ 22  ┆ 7.333333 │
          │ 23  ┆ 7.666667 │
          │ 24  ┆ 8.0      │
          └─────┴──────────┘""");
    }
  }

  @Test
  void wideFrameShowsFirstAndLastFourColumns() {
    try (DataFrame frame = wide(12, 2)) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (2, 12)
          ┌─────┬─────┬─────┬─────┬───┬─────┬─────┬─────┬─────┐
          │ c0  ┆ c1  ┆ c2  ┆ c3  ┆ … ┆ c8  ┆ c9  ┆ c10 ┆ c11 │
          │ --- ┆ --- ┆ --- ┆ --- ┆   ┆ --- ┆ --- ┆ --- ┆ --- │
          │ i64 ┆ i64 ┆ i64 ┆ i64 ┆   ┆ i64 ┆ i64 ┆ i64 ┆ i64 │
          ╞═════╪═════╪═════╪═════╪═══╪═════╪═════╪═════╪═════╡
          │ 0   ┆ 1   ┆ 2   ┆ 3   ┆ … ┆ 8   ┆ 9   ┆ 10  ┆ 11  │
          │ 1   ┆ 2   ┆ 3   ┆ 4   ┆ … ┆ 9   ┆ 10  ┆ 11  ┆ 12  │
          └─────┴─────┴─────┴─────┴───┴─────┴─────┴─────┴─────┘""");
    }
  }

  @Test
  void longAndWideFrameElidesBoth() {
    try (DataFrame frame = wideRows(12, 20)) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (20, 12)
          ┌─────┬─────┬─────┬─────┬───┬─────┬─────┬─────┬─────┐
          │ c0  ┆ c1  ┆ c2  ┆ c3  ┆ … ┆ c8  ┆ c9  ┆ c10 ┆ c11 │
          │ --- ┆ --- ┆ --- ┆ --- ┆   ┆ --- ┆ --- ┆ --- ┆ --- │
          │ i64 ┆ i64 ┆ i64 ┆ i64 ┆   ┆ i64 ┆ i64 ┆ i64 ┆ i64 │
          ╞═════╪═════╪═════╪═════╪═══╪═════╪═════╪═════╪═════╡
          │ 0   ┆ 0   ┆ 0   ┆ 0   ┆ … ┆ 0   ┆ 0   ┆ 0   ┆ 0   │
          │ 1   ┆ 1   ┆ 1   ┆ 1   ┆ … ┆ 1   ┆ 1   ┆ 1   ┆ 1   │
          │ 2   ┆ 2   ┆ 2   ┆ 2   ┆ … ┆ 2   ┆ 2   ┆ 2   ┆ 2   │
          │ 3   ┆ 3   ┆ 3   ┆ 3   ┆ … ┆ 3   ┆ 3   ┆ 3   ┆ 3   │
          │ 4   ┆ 4   ┆ 4   ┆ 4   ┆ … ┆ 4   ┆ 4   ┆ 4   ┆ 4   │
          │ …   ┆ …   ┆ …   ┆ …   ┆ … ┆ …   ┆ …   ┆ …   ┆ …   │
          │ 15  ┆ 15  ┆ 15  ┆ 15  ┆ … ┆ 15  ┆ 15  ┆ 15  ┆ 15  │
          │ 16  ┆ 16  ┆ 16  ┆ 16  ┆ … ┆ 16  ┆ 16  ┆ 16  ┆ 16  │
          │ 17  ┆ 17  ┆ 17  ┆ 17  ┆ … ┆ 17  ┆ 17  ┆ 17  ┆ 17  │
          │ 18  ┆ 18  ┆ 18  ┆ 18  ┆ … ┆ 18  ┆ 18  ┆ 18  ┆ 18  │
          │ 19  ┆ 19  ┆ 19  ┆ 19  ┆ … ┆ 19  ┆ 19  ┆ 19  ┆ 19  │
          └─────┴─────┴─────┴─────┴───┴─────┴─────┴─────┴─────┘""");
    }
  }

  @Test
  void nullsPrintAsNull() {
    try (DataFrame frame = DataFrame.of(
            Series.of("i", 1L, null, 3L),
            Series.of("f", null, 2.5, Double.NaN),
            Series.of("s", "x", null, "z"),
            Series.of("b", null, true, false),
            Series.of("n", null, null, null))) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (3, 5)
          ┌──────┬──────┬──────┬───────┬──────┐
          │ i    ┆ f    ┆ s    ┆ b     ┆ n    │
          │ ---  ┆ ---  ┆ ---  ┆ ---   ┆ ---  │
          │ i64  ┆ f64  ┆ str  ┆ bool  ┆ null │
          ╞══════╪══════╪══════╪═══════╪══════╡
          │ 1    ┆ null ┆ x    ┆ null  ┆ null │
          │ null ┆ 2.5  ┆ null ┆ true  ┆ null │
          │ 3    ┆ NaN  ┆ z    ┆ false ┆ null │
          └──────┴──────┴──────┴───────┴──────┘""");
    }
  }

  @Test
  void unicodeWidthsAndCutStrings() {
    try (DataFrame frame = DataFrame.of(Series.of("text",
            "日本語テキスト", "héllo wörld", "😀 emoji", "x".repeat(40), "ñandú ü",
            "Ünïcödé àccents everywhere here!!", null))) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (7, 1)
          ┌─────────────────────────────────┐
          │ text                            │
          │ ---                             │
          │ str                             │
          ╞═════════════════════════════════╡
          │ 日本語テキスト                  │
          │ héllo wörld                     │
          │ 😀 emoji                        │
          │ xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… │
          │ ñandú ü                         │
          │ Ünïcödé àccents everywhere her… │
          │ null                            │
          └─────────────────────────────────┘""");
    }
  }

  @Test
  void wideCharactersWrapInsideTheirCell() {
    try (DataFrame frame = DataFrame.of(
            Series.of("日本語の列名", "日本語テキスト".repeat(5), "short"),
            Series.of("emoji", "😀😀😀", "ñandú ü"))) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (2, 2)
          ┌─────────────────────────────────┬─────────┐
          │ 日本語の列名                    ┆ emoji   │
          │ ---                             ┆ ---     │
          │ str                             ┆ str     │
          ╞═════════════════════════════════╪═════════╡
          │ 日本語テキスト日本語テキスト日  ┆ 😀😀😀  │
          │ 本語テキスト日本語テキスト日本… ┆         │
          │ short                           ┆ ñandú ü │
          └─────────────────────────────────┴─────────┘""");
    }
  }

  @Test
  void tableWiderThanHundredColumnsWrapsCells() {
    try (DataFrame frame = wrapping()) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (3, 6)
          ┌────────────────┬────────────────┬────────────────┬───────────────┬───────────────┬───────────────┐
          │ col0           ┆ col1           ┆ col2           ┆ col3          ┆ col4          ┆ col5          │
          │ ---            ┆ ---            ┆ ---            ┆ ---           ┆ ---           ┆ ---           │
          │ str            ┆ str            ┆ str            ┆ str           ┆ str           ┆ str           │
          ╞════════════════╪════════════════╪════════════════╪═══════════════╪═══════════════╪═══════════════╡
          │ abcdefghijabcd ┆ abcdefghijabcd ┆ abcdefghijabcd ┆ abcdefghijabc ┆ abcdefghijabc ┆ abcdefghijabc │
          │ efghij0        ┆ efghij1        ┆ efghij2        ┆ defghij3      ┆ defghij4      ┆ defghij5      │
          │ abcdefghijabcd ┆ abcdefghijabcd ┆ abcdefghijabcd ┆ abcdefghijabc ┆ abcdefghijabc ┆ abcdefghijabc │
          │ efghij0        ┆ efghij1        ┆ efghij2        ┆ defghij3      ┆ defghij4      ┆ defghij5      │
          │ abcdefghijabcd ┆ abcdefghijabcd ┆ abcdefghijabcd ┆ abcdefghijabc ┆ abcdefghijabc ┆ abcdefghijabc │
          │ efghij0        ┆ efghij1        ┆ efghij2        ┆ defghij3      ┆ defghij4      ┆ defghij5      │
          └────────────────┴────────────────┴────────────────┴───────────────┴───────────────┴───────────────┘""");
    }
  }

  @Test
  void nestedListsAndStructs() {
    try (DataFrame frame = DataFrame.of(
            Series.of("l", List.of(1L, 2L, 3L), List.of(1L, 2L, 3L, 4L, 5L), List.of(), null),
            Series.of("ls", List.of("a", "b"), List.of("x".repeat(40)), null, List.of("q")),
            Series.of("st", map("x", 1L, "y", "a"), map("x", null, "y", "b"), null, map("x", 3L, "y", null)),
            Series.of("nested", List.of(List.of(1L, 2L), List.of(3L)), null, List.of(List.of()), List.of(List.of(4L))))) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (4, 4)
          ┌─────────────┬─────────────────────────────────┬────────────┬─────────────────┐
          │ l           ┆ ls                              ┆ st         ┆ nested          │
          │ ---         ┆ ---                             ┆ ---        ┆ ---             │
          │ list[i64]   ┆ list[str]                       ┆ struct[2]  ┆ list[list[i64]] │
          ╞═════════════╪═════════════════════════════════╪════════════╪═════════════════╡
          │ [1, 2, 3]   ┆ ["a", "b"]                      ┆ {1,"a"}    ┆ [[1, 2], [3]]   │
          │ [1, 2, … 5] ┆ ["xxxxxxxxxxxxxxxxxxxxxxxxxxxx… ┆ {null,"b"} ┆ null            │
          │ []          ┆ null                            ┆ null       ┆ [[]]            │
          │ null        ┆ ["q"]                           ┆ {3,null}   ┆ [[4]]           │
          └─────────────┴─────────────────────────────────┴────────────┴─────────────────┘""");
    }
  }

  @Test
  void temporalTypesWithTimeZones() {
    try (DataFrame frame = DataFrame.of(
            Series.of("d", LocalDate.of(2024, 1, 5), null),
            Series.of("t", LocalTime.of(12, 30, 5, 1_000_000), LocalTime.MIDNIGHT),
            Series.of("dt", LocalDateTime.of(2024, 1, 5, 12, 30), LocalDateTime.of(2024, 1, 5, 12, 30, 5, 123_456_000)),
            Series.of("ny", ZonedDateTime.of(2024, 7, 5, 12, 30, 0, 0, NEW_YORK), ZonedDateTime.of(2024, 1, 5, 12, 30, 0, 0, NEW_YORK)),
            Series.of("utc", new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"), ZonedDateTime.of(2024, 7, 5, 12, 30, 0, 0, ZoneOffset.UTC), null),
            Series.of("du", Duration.ofHours(26), Duration.ofMillis(3)))) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (2, 6)
          ┌────────────┬──────────────┬──────────────────┬──────────────────┬─────────────────┬──────────────┐
          │ d          ┆ t            ┆ dt               ┆ ny               ┆ utc             ┆ du           │
          │ ---        ┆ ---          ┆ ---              ┆ ---              ┆ ---             ┆ ---          │
          │ date       ┆ time         ┆ datetime[μs]     ┆ datetime[μs, Ame ┆ datetime[μs,    ┆ duration[μs] │
          │            ┆              ┆                  ┆ rica/New_York]   ┆ UTC]            ┆              │
          ╞════════════╪══════════════╪══════════════════╪══════════════════╪═════════════════╪══════════════╡
          │ 2024-01-05 ┆ 12:30:05.001 ┆ 2024-01-05       ┆ 2024-07-05       ┆ 2024-07-05      ┆ 1d 2h        │
          │            ┆              ┆ 12:30:00         ┆ 12:30:00 EDT     ┆ 12:30:00 UTC    ┆              │
          │ null       ┆ 00:00:00     ┆ 2024-01-05       ┆ 2024-01-05       ┆ null            ┆ 3ms          │
          │            ┆              ┆ 12:30:05.123456  ┆ 12:30:00 EST     ┆                 ┆              │
          └────────────┴──────────────┴──────────────────┴──────────────────┴─────────────────┴──────────────┘""");
    }
  }

  @Test
  void manyTypesWrapWithinTheDefaultWidth() {
    try (DataFrame frame = DataFrame.of(
            Series.of("d", LocalDate.of(2024, 1, 5)),
            Series.of("t", LocalTime.of(12, 30, 5, 1_000_000)),
            Series.of("dt", LocalDateTime.of(2024, 1, 5, 12, 30)),
            Series.of("ny", ZonedDateTime.of(2024, 7, 5, 12, 30, 0, 0, NEW_YORK)),
            Series.of("ms", new DataType.Timestamp(TimeUnit.MILLISECOND, null), LocalDateTime.of(2024, 1, 5, 12, 30, 1, 500_000_000)),
            Series.of("ns", new DataType.Timestamp(TimeUnit.NANOSECOND, "Asia/Kolkata"),
                LocalDateTime.of(2024, 1, 5, 12, 30, 1, 500_000_000).atZone(ZoneOffset.UTC)),
            Series.of("du", Duration.ofMinutes(303)),
            Series.of("dec", new BigDecimal("12.345")),
            Series.of("bin", (Object) "hello world".getBytes(StandardCharsets.UTF_8)),
            Series.of("b", true))) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (1, 10)
          ┌────────────┬────────────┬────────────┬────────────┬───┬───────────┬───────────┬───────────┬──────┐
          │ d          ┆ t          ┆ dt         ┆ ny         ┆ … ┆ du        ┆ dec       ┆ bin       ┆ b    │
          │ ---        ┆ ---        ┆ ---        ┆ ---        ┆   ┆ ---       ┆ ---       ┆ ---       ┆ ---  │
          │ date       ┆ time       ┆ datetime[μ ┆ datetime[μ ┆   ┆ duration[ ┆ decimal[3 ┆ binary    ┆ bool │
          │            ┆            ┆ s]         ┆ s, America ┆   ┆ μs]       ┆ 8,3]      ┆           ┆      │
          │            ┆            ┆            ┆ /New_York] ┆   ┆           ┆           ┆           ┆      │
          ╞════════════╪════════════╪════════════╪════════════╪═══╪═══════════╪═══════════╪═══════════╪══════╡
          │ 2024-01-05 ┆ 12:30:05.0 ┆ 2024-01-05 ┆ 2024-07-05 ┆ … ┆ 5h 3m     ┆ 12.345    ┆ b"hello\\x ┆ true │
          │            ┆ 01         ┆ 12:30:00   ┆ 12:30:00   ┆   ┆           ┆           ┆ 20world"  ┆      │
          │            ┆            ┆            ┆ EDT        ┆   ┆           ┆           ┆           ┆      │
          └────────────┴────────────┴────────────┴────────────┴───┴───────────┴───────────┴───────────┴──────┘""");
    }
  }

  @Test
  void frameWithoutColumns() {
    try (DataFrame frame = DataFrame.empty()) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (0, 0)
          ┌┐
          ╞╡
          └┘""");
    }
  }

  @Test
  void frameWithoutRows() {
    try (DataFrame frame = DataFrame.of(Series.of("a", DataType.INT64), Series.of("b", DataType.UTF8))) {
      assertThat(frame.toString()).isEqualTo("""
          shape: (0, 2)
          ┌─────┬─────┐
          │ a   ┆ b   │
          │ --- ┆ --- │
          │ i64 ┆ str │
          ╞═════╪═════╡
          └─────┴─────┘""");
    }
  }

  /** {@code pl.DataFrame({f"c{i}": [i, i + 1] for i in range(columns)})}. */
  static DataFrame wide(int columns, int rows) {
    List<Series> series = new ArrayList<>();
    for (int column = 0; column < columns; column++) {
      long[] values = new long[rows];
      for (int row = 0; row < rows; row++) {
        values[row] = column + row;
      }
      series.add(Series.ofLongs("c" + column, values));
    }
    return DataFrame.of(series);
  }

  /** {@code pl.DataFrame({f"c{i}": list(range(rows)) for i in range(columns)})}. */
  static DataFrame wideRows(int columns, int rows) {
    List<Series> series = new ArrayList<>();
    for (int column = 0; column < columns; column++) {
      series.add(Series.ofLongs("c" + column, LongStream.range(0, rows).toArray()));
    }
    return DataFrame.of(series);
  }

  /** Six columns of 21-character strings: 145 columns wide unwrapped. */
  static DataFrame wrapping() {
    List<Series> series = new ArrayList<>();
    for (int column = 0; column < 6; column++) {
      String value = "abcdefghij".repeat(2) + column;
      series.add(Series.ofStrings("col" + column, value, value, value));
    }
    return DataFrame.of(series);
  }

  /** A struct value: an insertion-ordered map that may hold nulls. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int index = 0; index < keysAndValues.length; index += 2) {
      map.put((String) keysAndValues[index], keysAndValues[index + 1]);
    }
    return map;
  }
}
