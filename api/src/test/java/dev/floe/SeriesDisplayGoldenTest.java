package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckExtension;
import java.math.BigDecimal;
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
 * Golden tests of {@code Series.toString()}: each expected text is what Polars 1.44.2 printed for
 * the same values ({@code print(pl.Series(...))}).
 */
@ExtendWith(LeakCheckExtension.class)
class SeriesDisplayGoldenTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  void integersWithNull() {
    try (Series series = Series.of("a", 1L, null, 3L)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (3,)
          Series: 'a' [i64]
          [
          \t1
          \tnull
          \t3
          ]""");
    }
  }

  @Test
  void emptySeries() {
    try (Series series = Series.of("e", DataType.INT64)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (0,)
          Series: 'e' [i64]
          [
          ]""");
    }
  }

  @Test
  void allNullSeriesHasNullType() {
    try (Series series = Series.ofList("n", Arrays.asList(null, null))) {
      assertThat(series.toString()).isEqualTo("""
          shape: (2,)
          Series: 'n' [null]
          [
          \tnull
          \tnull
          ]""");
    }
  }

  @Test
  void stringsAreQuotedAndCut() {
    try (Series series = Series.of("s", "x".repeat(40), "ab", null, "日本語テキスト".repeat(5))) {
      assertThat(series.toString()).isEqualTo("""
          shape: (4,)
          Series: 's' [str]
          [
          \t"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…
          \t"ab"
          \tnull
          \t"日本語テキスト日本語テキスト日本語テキスト日本語テキスト日本…
          ]""");
    }
  }

  @Test
  void longSeriesShowsFirstAndLastFive() {
    try (Series series = Series.ofLongs("big", LongStream.range(1_000_000, 1_000_015).toArray())) {
      assertThat(series.toString()).isEqualTo("""
          shape: (15,)
          Series: 'big' [i64]
          [
          \t1000000
          \t1000001
          \t1000002
          \t1000003
          \t1000004
          \t…
          \t1000010
          \t1000011
          \t1000012
          \t1000013
          \t1000014
          ]""");
    }
  }

  @Test
  void lengthHasDigitGroups() {
    try (Series series = Series.ofLongs("a", LongStream.generate(() -> 1).limit(1234).toArray())) {
      assertThat(series.toString()).isEqualTo("""
          shape: (1_234,)
          Series: 'a' [i64]
          [
          \t1
          \t1
          \t1
          \t1
          \t1
          \t…
          \t1
          \t1
          \t1
          \t1
          \t1
          ]""");
    }
  }

  @Test
  void floats() {
    try (Series series = Series.of("f", 1.0, 0.1, 1e-7, 1e7, 123456.789, Double.NaN, Double.POSITIVE_INFINITY, -0.0, null, 1 / 3.0)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (10,)
          Series: 'f' [f64]
          [
          \t1.0
          \t0.1
          \t0.0000001
          \t1e7
          \t123456.789
          \tNaN
          \tinf
          \t-0.0
          \tnull
          \t0.333333
          ]""");
    }
  }

  @Test
  void float32WidensLikePolars() {
    try (Series series = Series.of("f32", 1.5f, 0.1f, 1e-7f, 3.3333f)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (4,)
          Series: 'f32' [f32]
          [
          \t1.5
          \t0.1
          \t1.0000e-7
          \t3.3333
          ]""");
    }
  }

  @Test
  void dates() {
    try (Series series = Series.of("d", LocalDate.of(2024, 1, 5), null)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (2,)
          Series: 'd' [date]
          [
          \t2024-01-05
          \tnull
          ]""");
    }
  }

  @Test
  void times() {
    try (Series series = Series.of("t", LocalTime.of(12, 30, 5), LocalTime.of(1, 2, 3, 456_789_000), LocalTime.MIDNIGHT)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (3,)
          Series: 't' [time]
          [
          \t12:30:05
          \t01:02:03.456789
          \t00:00:00
          ]""");
    }
  }

  @Test
  void datetimes() {
    try (Series series = Series.of("dt", LocalDateTime.of(2024, 1, 5, 12, 30), LocalDateTime.of(2024, 1, 5, 12, 30, 5, 123_456_000), LocalDateTime.of(2024, 1, 5, 0, 0))) {
      assertThat(series.toString()).isEqualTo("""
          shape: (3,)
          Series: 'dt' [datetime[μs]]
          [
          \t2024-01-05 12:30:00
          \t2024-01-05 12:30:05.123456
          \t2024-01-05 00:00:00
          ]""");
    }
  }

  @Test
  void datetimesInAmsterdam() {
    try (Series series = Series.of("dtz", ZonedDateTime.of(2024, 1, 5, 13, 30, 0, 0, AMSTERDAM), ZonedDateTime.of(2024, 7, 5, 14, 30, 0, 0, AMSTERDAM))) {
      assertThat(series.toString()).isEqualTo("""
          shape: (2,)
          Series: 'dtz' [datetime[μs, Europe/Amsterdam]]
          [
          \t2024-01-05 13:30:00 CET
          \t2024-07-05 14:30:00 CEST
          ]""");
    }
  }

  @Test
  void durations() {
    try (Series series = Series.of("du", Duration.ofHours(26), Duration.ofMillis(3), Duration.ZERO, Duration.ofSeconds(-5), Duration.ofDays(-1).plusSeconds(3), Duration.ofNanos(1_500_000), Duration.ofSeconds(61).plusNanos(1_000))) {
      assertThat(series.toString()).isEqualTo("""
          shape: (7,)
          Series: 'du' [duration[μs]]
          [
          \t1d 2h
          \t3ms
          \t0µs
          \t-5s
          \t-23h -59m -57s
          \t1500µs
          \t1m 1s 1µs
          ]""");
    }
  }

  @Test
  void lists() {
    try (Series series = Series.of("l", List.of(1L, 2L, 3L), List.of(1L, 2L, 3L, 4L, 5L), List.of(), null, Arrays.asList(null, 1L))) {
      assertThat(series.toString()).isEqualTo("""
          shape: (5,)
          Series: 'l' [list[i64]]
          [
          \t[1, 2, 3]
          \t[1, 2, … 5]
          \t[]
          \tnull
          \t[null, 1]
          ]""");
    }
  }

  @Test
  void listsOfStringsAreNotCut() {
    try (Series series = Series.of("ls", List.of("a", "b"), List.of("x".repeat(40)))) {
      assertThat(series.toString()).isEqualTo("""
          shape: (2,)
          Series: 'ls' [list[str]]
          [
          \t["a", "b"]
          \t["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]
          ]""");
    }
  }

  @Test
  void structs() {
    try (Series series = Series.of("st", FrameDisplayGoldenTest.map("x", 1L, "y", "a"), FrameDisplayGoldenTest.map("x", null, "y", "b"), null)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (3,)
          Series: 'st' [struct[2]]
          [
          \t{1,"a"}
          \t{null,"b"}
          \tnull
          ]""");
    }
  }

  @Test
  void decimals() {
    try (Series series = Series.of("dec", new BigDecimal("1.50"), new BigDecimal("-2.25"), null)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (3,)
          Series: 'dec' [decimal[38,2]]
          [
          \t1.50
          \t-2.25
          \tnull
          ]""");
    }
  }

  @Test
  void binaries() {
    try (Series series = Series.of("b", new byte[] {'a', 'b', 'c'}, new byte[] {0, (byte) 0xff, ' ', 'h', 'i'}, null)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (3,)
          Series: 'b' [binary]
          [
          \tb"abc"
          \tb"\\x00\\xff\\x20hi"
          \tnull
          ]""");
    }
  }

  @Test
  void booleans() {
    try (Series series = Series.of("bool", true, false, null)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (3,)
          Series: 'bool' [bool]
          [
          \ttrue
          \tfalse
          \tnull
          ]""");
    }
  }

  @Test
  void unsigned() {
    try (Series series = Series.of("u", DataType.UINT8, 1, 255)) {
      assertThat(series.toString()).isEqualTo("""
          shape: (2,)
          Series: 'u' [u8]
          [
          \t1
          \t255
          ]""");
    }
  }

}
