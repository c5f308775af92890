package dev.floe.kernels.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.testkit.LeakChecked;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chrono parser value by value: every directive, chrono's whitespace and width rules, range
 * checks and leap seconds. Each expectation was checked with Polars 1.44.2 ({@code to_date} /
 * {@code to_datetime} with the same format, which use chrono for these values).
 */
@LeakChecked
class ChronoParserTest {
  private final ChronoParser parser = new ChronoParser();

  private String date(String value, String format) {
    if (!parser.parse(value, ChronoFormat.compile(format))) {
      return null;
    }
    long day = parser.parsed().toEpochDay();
    return day == ChronoParsed.NONE ? null : LocalDate.ofEpochDay(day).toString();
  }

  private String dateTime(String value, String format) {
    if (!parser.parse(value, ChronoFormat.compile(format))) {
      return null;
    }
    long[] instant = parser.parsed().toEpochSecondAndNanos();
    if (instant == null) {
      return null;
    }
    long offset = parser.parsed().offsetSeconds;
    long seconds = instant[0] - (offset == ChronoParsed.NONE ? 0 : offset);
    return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)
        .plusNanos(instant[1]).toString();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
    "2024-01-15|%Y-%m-%d|2024-01-15",
    "2024-1-5|%Y-%m-%d|2024-01-05",
    "' 2024-01-15'|%Y-%m-%d|2024-01-15",
    "2024- 01-15|%Y-%m-%d|2024-01-15",
    "2024 -01-15|%Y-%m-%d|NULL",
    "'2024-01-15 '|%Y-%m-%d|NULL",
    "+2024-01-15|%Y-%m-%d|2024-01-15",
    "-0044-03-15|%Y-%m-%d|-0044-03-15",
    "12345-01-01|%Y-%m-%d|NULL",
    "999-01-01|%Y-%m-%d|0999-01-01",
    "2024115|%Y%m%d|2024-11-05",
    "70-01-01|%y-%m-%d|1970-01-01",
    "69-01-01|%y-%m-%d|2069-01-01",
    "20-24-01-15|%C-%y-%m-%d|2024-01-15",
    "202401 15|%Y %m %d|2024-01-15",
    "jan 05 2024|%b %d %Y|2024-01-05",
    "January 05 2024|%b %d %Y|NULL",
    "JANUARY 5 2024|%B %d %Y|2024-01-05",
    "Sept 5 2024|%b %d %Y|NULL",
    "Mon 2024-01-15|%a %Y-%m-%d|2024-01-15",
    "Monday 2024-01-15|%A %Y-%m-%d|2024-01-15",
    "Tue 2024-01-15|%a %Y-%m-%d|NULL",
    "1 2024-01-15|%u %Y-%m-%d|2024-01-15",
    "0 2024-01-14|%w %Y-%m-%d|2024-01-14",
    "2024-060|%Y-%j|2024-02-29",
    "2023-366|%Y-%j|NULL",
    "2024-01- 5|%Y-%m-%e|2024-01-05",
    "2024-1-5|%F|2024-01-05",
    "1/5/24|%D|2024-01-05",
    "2024%01%15|%Y%%%m%%%d|2024-01-15",
    "2024-02-30|%Y-%m-%d|NULL",
    "2023-02-29|%Y-%m-%d|NULL",
    "2024-13-01|%Y-%m-%d|NULL",
    "2024-00-10|%Y-%m-%d|NULL",
    "2024-01-32|%Y-%m-%d|NULL",
    "+262143-01-01|%Y-%m-%d|NULL",
    "2024-01|%Y-%m|NULL", // chrono alone: no day (Polars' fast path fills it in)
    "2024-01-15 25:00:00|%Y-%m-%d %H:%M:%S|NULL",
    "2024-01-15 23:59:60|%Y-%m-%d %H:%M:%S|2024-01-15",
    "2024-01-15|%Q|NULL",
    "2024-01-15|%Y-%m-%d %|NULL",
  })
  void dates(String value, String format, String expected) {
    assertThat(date(value, format)).as(value + " with " + format).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
    "2024-01-15 10:20:30|%Y-%m-%d %H:%M:%S|2024-01-15T10:20:30",
    "2024-01-15 10:20|%Y-%m-%d %H:%M|2024-01-15T10:20",
    "2024-01-15 10:20|%Y-%m-%d %H:%M:%S|NULL",
    "2024-01-15 23:59:60|%Y-%m-%d %H:%M:%S|2024-01-16T00:00",
    "2024-01-15 10:20:60|%Y-%m-%d %H:%M:%S|2024-01-15T10:21",
    "2024-01-15 10:20:61|%Y-%m-%d %H:%M:%S|NULL",
    "2024-01-15 10:60:00|%Y-%m-%d %H:%M:%S|NULL",
    "2024-01-15 10:20:30.5|%Y-%m-%d %H:%M:%S%.f|2024-01-15T10:20:30.500",
    "2024-01-15 10:20:30|%Y-%m-%d %H:%M:%S%.f|2024-01-15T10:20:30",
    "2024-01-15 10:20:30.1234567891|%Y-%m-%d %H:%M:%S%.f|2024-01-15T10:20:30.123456789",
    "2024-01-15 10:20:30.|%Y-%m-%d %H:%M:%S%.f|NULL",
    "2024-01-15 10:20:30.123|%Y-%m-%d %H:%M:%S%.3f|2024-01-15T10:20:30.123",
    "2024-01-15 10:20:30.12|%Y-%m-%d %H:%M:%S%.3f|NULL",
    "2024-01-15 10:20:30.1234|%Y-%m-%d %H:%M:%S%.3f|NULL",
    "2024-01-15 10:20:30.123456|%Y-%m-%d %H:%M:%S%.6f|2024-01-15T10:20:30.123456",
    "2024-01-15 10:20:30.123456789|%Y-%m-%d %H:%M:%S%.9f|2024-01-15T10:20:30.123456789",
    "2024-01-15 10:20:30.123|%Y-%m-%d %H:%M:%S.%3f|2024-01-15T10:20:30.123",
    "2024-01-15 10:20:30.123456|%Y-%m-%d %H:%M:%S.%6f|2024-01-15T10:20:30.123456",
    "2024-01-15 10:20:30.123456789|%Y-%m-%d %H:%M:%S.%9f|2024-01-15T10:20:30.123456789",
    "2024-01-15 10:20:30.123|%Y-%m-%d %H:%M:%S.%f|2024-01-15T10:20:30.000000123",
    "2024-01-15 10:20:30+0200|%Y-%m-%d %H:%M:%S%z|2024-01-15T08:20:30",
    "2024-01-15 10:20:30+02:00|%Y-%m-%d %H:%M:%S%:z|2024-01-15T08:20:30",
    "2024-01-15 10:20:30-0530|%Y-%m-%d %H:%M:%S%z|2024-01-15T15:50:30",
    "2024-01-15 10:20:30 +0200|%Y-%m-%d %H:%M:%S%z|2024-01-15T08:20:30",
    "2024-01-15 10:20:30+02 00|%Y-%m-%d %H:%M:%S%z|2024-01-15T08:20:30",
    "2024-01-15 10:20:30Z|%Y-%m-%d %H:%M:%S%z|NULL",
    "2024-01-15 10:20:30+02|%Y-%m-%d %H:%M:%S%z|NULL",
    "2024-01-15 10:20:30Z|%Y-%m-%d %H:%M:%S%#z|2024-01-15T10:20:30",
    "2024-01-15 10:20:30+02|%Y-%m-%d %H:%M:%S%#z|2024-01-15T08:20:30",
    "2024-01-15 10:20:30 CET|%Y-%m-%d %H:%M:%S %Z|2024-01-15T10:20:30",
    "2024-01-15 10:20:30 PM|%Y-%m-%d %I:%M:%S %p|2024-01-15T22:20:30",
    "2024-01-15 12:20:30 am|%Y-%m-%d %I:%M:%S %p|2024-01-15T00:20:30",
    "2024-01-15 12:00:00 PM|%Y-%m-%d %I:%M:%S %P|2024-01-15T12:00",
    "2024-01-15 13:00:00 PM|%Y-%m-%d %I:%M:%S %p|NULL",
    "2024-01-15 10:20:30|%Y-%m-%d %T|2024-01-15T10:20:30",
    "2024-01-15 10:20|%Y-%m-%d %R|2024-01-15T10:20",
    "1705314030|%s|2024-01-15T10:20:30",
    "-1|%s|NULL",
    "2024-01-15T10:20:30.5+02:00|%+|2024-01-15T08:20:30.500",
    "2024-01-15 10:20:30Z|%+|2024-01-15T10:20:30",
    "2024-01-15 10:20:30|%H:%M:%S|NULL",
  })
  void dateTimes(String value, String format, String expected) {
    assertThat(dateTime(value, format)).as(value + " with " + format).isEqualTo(expected);
  }

  @Test
  void formatWhitespaceSkipsAnyWhitespace() {
    assertThat(date("2024\t01\n15", "%Y %m %d")).isEqualTo("2024-01-15");
    assertThat(date("2024\u3000 01 15", "%Y %m %d")).isEqualTo("2024-01-15");
  }

  @Test
  void polarsRejectsHalfTimeFormats() {
    assertThatThrownBy(() -> ChronoFormat.compile("%I:%M:%S"))
        .isInstanceOf(ComputeException.class)
        .hasMessageContaining("meridiem");
    assertThatThrownBy(() -> ChronoFormat.compile("%Y-%m-%d %H"))
        .isInstanceOf(ComputeException.class)
        .hasMessageContaining("hour and minute");
  }

  @Test
  void offsetsAreDetected() {
    assertThat(ChronoFormat.compile("%Y-%m-%d %H:%M%z").hasOffset()).isTrue();
    assertThat(ChronoFormat.compile("%Y-%m-%d %H:%M%#z").hasOffset()).isTrue();
    assertThat(ChronoFormat.compile("%Y-%m-%d %H:%M %Z").hasOffset()).isFalse();
    assertThat(ChronoFormat.compile("%Y-%m-%d%%z").hasOffset()).isFalse();
  }

  @Test
  void prefixParsingLeavesTheRemainder() {
    ChronoFormat format = ChronoFormat.compile("%Y-%m-%d");
    assertThat(parser.parsePrefix("on 2024-01-155 x", 3, format)).isEqualTo(13);
    assertThat(parser.parsed().toEpochDay()).isEqualTo(LocalDate.of(2024, 1, 15).toEpochDay());
    assertThat(parser.parsePrefix("on 2024-01-15", 0, format)).isEqualTo(-1);
  }
}
