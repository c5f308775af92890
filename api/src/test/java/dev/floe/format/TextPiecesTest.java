package dev.floe.format;

import dev.floe.testkit.LeakChecked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The small text helpers, each expectation taken from Python 3.11, Polars 1.44.2 or tzdata. */
@LeakChecked
class TextPiecesTest {

  @Test
  void displayWidthCountsWideAndZeroWidthCharacters() {
    assertThat(DisplayWidth.of("abc")).isEqualTo(3);
    assertThat(DisplayWidth.of("日本語")).isEqualTo(6);
    assertThat(DisplayWidth.of("😀 emoji")).isEqualTo(8);
    assertThat(DisplayWidth.of("e\u0301")).isEqualTo(1); // e + combining acute
    assertThat(DisplayWidth.of("\u2764\uFE0F")).isEqualTo(2); // heart + emoji presentation
    assertThat(DisplayWidth.of("👩\u200D💻")).isEqualTo(2); // ZWJ sequence
    assertThat(DisplayWidth.of("…")).isEqualTo(1);
  }

  @Test
  void polarsEstimateOverestimatesMultibyteText() {
    assertThat(DisplayWidth.estimate("hello")).isEqualTo(5);
    assertThat(DisplayWidth.estimate("héllo wörld")).isEqualTo(13);
    assertThat(DisplayWidth.estimate("日本語テキスト")).isEqualTo(14);
    assertThat(DisplayWidth.estimate("😀 emoji")).isEqualTo(10);
  }

  @Test
  void pythonFloatRepr() {
    assertThat(PythonText.repr(1e-5)).isEqualTo("1e-05");
    assertThat(PythonText.repr(0.0001)).isEqualTo("0.0001");
    assertThat(PythonText.repr(1e16)).isEqualTo("1e+16");
    assertThat(PythonText.repr(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
    assertThat(PythonText.repr(1e15)).isEqualTo("1000000000000000.0");
    assertThat(PythonText.repr(-2.5e-7)).isEqualTo("-2.5e-07");
    assertThat(PythonText.repr(100.0)).isEqualTo("100.0");
    assertThat(PythonText.repr(Double.NaN)).isEqualTo("nan");
  }

  @Test
  void pythonTimedeltaStrAndRepr() {
    assertThat(PythonText.str(Duration.ofNanos(1_500_000))).isEqualTo("0:00:00.001500");
    assertThat(PythonText.str(Duration.ofDays(2))).isEqualTo("2 days, 0:00:00");
    assertThat(PythonText.str(Duration.ofSeconds(-5))).isEqualTo("-1 day, 23:59:55");
    assertThat(PythonText.str(Duration.ofDays(-1))).isEqualTo("-1 day, 0:00:00");
    assertThat(PythonText.repr(Duration.ZERO)).isEqualTo("datetime.timedelta(0)");
    assertThat(PythonText.repr(Duration.ofSeconds(-5)))
        .isEqualTo("datetime.timedelta(days=-1, seconds=86395)");
    assertThat(PythonText.repr(Duration.ofNanos(1_500_000)))
        .isEqualTo("datetime.timedelta(microseconds=1500)");
  }

  @Test
  void pythonReprOfStringsBytesAndDates() {
    assertThat(PythonText.repr("a'b")).isEqualTo("\"a'b\"");
    assertThat(PythonText.repr("a\"b'c")).isEqualTo("'a\"b\\'c'");
    assertThat(PythonText.repr("tab\there")).isEqualTo("'tab\\there'");
    assertThat(PythonText.repr("é\u200b")).isEqualTo("'é\\u200b'");
    assertThat(PythonText.repr(new byte[] {0, '\''})).isEqualTo("b\"\\x00'\"");
    assertThat(PythonText.repr(LocalTime.MIDNIGHT)).isEqualTo("datetime.time(0, 0)");
    assertThat(PythonText.repr(LocalTime.of(1, 2, 0, 5_000))).isEqualTo("datetime.time(1, 2, 0, 5)");
    assertThat(PythonText.repr(LocalDateTime.of(2024, 1, 5, 0, 0)))
        .isEqualTo("datetime.datetime(2024, 1, 5, 0, 0)");
    assertThat(PythonText.repr(LocalDate.of(2024, 1, 5))).isEqualTo("datetime.date(2024, 1, 5)");
    assertThat(PythonText.str("x".getBytes(StandardCharsets.UTF_8))).isEqualTo("b'x'");
  }

  @Test
  void zoneAbbreviationsFollowTzdata() {
    assertThat(zone("Europe/Amsterdam", 1)).isEqualTo("CET");
    assertThat(zone("Europe/Amsterdam", 7)).isEqualTo("CEST");
    assertThat(zone("America/New_York", 7)).isEqualTo("EDT");
    assertThat(zone("UTC", 1)).isEqualTo("UTC");
    assertThat(zone("Asia/Kolkata", 1)).isEqualTo("IST");
    assertThat(zone("America/Sao_Paulo", 1)).isEqualTo("-03");
    assertThat(zone("Asia/Kathmandu", 1)).isEqualTo("+0545");
  }

  @Test
  void polarsDurations() {
    assertThat(TemporalFormat.duration(90_061_001_001_001L, TimeUnit.NANOSECOND))
        .isEqualTo("1d 1h 1m 1s 1001001ns");
    assertThat(TemporalFormat.duration(1_500, TimeUnit.MILLISECOND)).isEqualTo("1s 500ms");
    assertThat(TemporalFormat.duration(2_000_000, TimeUnit.NANOSECOND)).isEqualTo("2ms");
    assertThat(TemporalFormat.duration(0, TimeUnit.NANOSECOND)).isEqualTo("0ns");
    assertThat(TemporalFormat.duration(Duration.ofSeconds(3), TimeUnit.SECOND)).isEqualTo("3s");
  }

  private static String zone(String zone, int month) {
    return TemporalFormat.zoneAbbreviation(ZonedDateTime.of(2024, month, 15, 12, 0, 0, 0, ZoneId.of(zone)));
  }
}
