package dev.floe.testkit;

import dev.floe.memory.types.TimeUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * Dates, times, timestamps and durations, computed here from the raw Arrow integer independently of
 * the memory module's conversions.
 *
 * <p>Range limits: 64-bit counts are drawn from {@code [Long.MIN_VALUE + unitsPerSecond,
 * Long.MAX_VALUE]}, because a count within one second of {@code Long.MIN_VALUE} floors to a second
 * whose product with units-per-second overflows when written back. Second-unit counts stay within
 * the range of {@link LocalDateTime} (one day inside, so zone offsets cannot overflow it).
 */
final class TemporalGenerators {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long SECONDS_MIN = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC) + 86_400;
  private static final long SECONDS_MAX = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC) - 86_400;
  /** 1900-01-01 and 2100-01-01 in epoch seconds: where most real data lives. */
  private static final long COMMON_SECONDS_MIN = -2_208_988_800L;
  private static final long COMMON_SECONDS_MAX = 4_102_444_800L;
  /** 2021-03-14T07:00:00Z, the spring-forward gap in America/New_York. */
  private static final long DAYLIGHT_SAVING_SWITCH = 1_615_705_200L;

  private TemporalGenerators() {}

  static ValueGenerator dates() {
    return ValueGenerators.withEdges(
        random -> LocalDate.ofEpochDay(random.nextInt(8) == 0 ? random.nextInt() : random.nextInt(100_001) - 50_000),
        LocalDate.ofEpochDay(0), LocalDate.ofEpochDay(-1), LocalDate.ofEpochDay(Integer.MIN_VALUE),
        LocalDate.ofEpochDay(Integer.MAX_VALUE), LocalDate.of(2000, 2, 29), LocalDate.of(1, 1, 1),
        LocalDate.of(9999, 12, 31));
  }

  static ValueGenerator times(TimeUnit unit) {
    long unitsPerDay = 86_400 * unit.perSecond();
    long nanosPerUnit = NANOS_PER_SECOND / unit.perSecond();
    return ValueGenerators.withEdges(
        random -> LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), unitsPerDay) * nanosPerUnit),
        LocalTime.MIDNIGHT, LocalTime.NOON, LocalTime.ofNanoOfDay((unitsPerDay - 1) * nanosPerUnit));
  }

  /** LocalDateTime for a naive timestamp, ZonedDateTime in {@code timeZone} otherwise. */
  static ValueGenerator timestamps(TimeUnit unit, String timeZone) {
    ZoneId zone = timeZone == null ? null : ZoneId.of(timeZone);
    long[] edges = edgeCounts(unit);
    return random -> {
      long count = random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)] : nextCount(random, unit);
      Instant instant = instant(count, unit);
      return zone == null
          ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
          : ZonedDateTime.ofInstant(instant, zone);
    };
  }

  static ValueGenerator durations(TimeUnit unit) {
    long[] edges = edgeCounts(unit);
    return random -> {
      long count = random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)] : nextCount(random, unit);
      Instant asInstant = instant(count, unit);
      return Duration.ofSeconds(asInstant.getEpochSecond(), asInstant.getNano());
    };
  }

  /** The instant {@code count} units after the epoch (floor division for negative counts). */
  static Instant instant(long count, TimeUnit unit) {
    long perSecond = unit.perSecond();
    return Instant.ofEpochSecond(
        Math.floorDiv(count, perSecond), Math.floorMod(count, perSecond) * (NANOS_PER_SECOND / perSecond));
  }

  private static long nextCount(Random random, TimeUnit unit) {
    long perSecond = unit.perSecond();
    if (random.nextInt(8) == 0) {
      return random.longs(1, minCount(unit), maxCount(unit)).findFirst().orElseThrow();
    }
    long seconds = COMMON_SECONDS_MIN + random.nextLong(COMMON_SECONDS_MAX - COMMON_SECONDS_MIN);
    return seconds * perSecond + random.nextLong(perSecond);
  }

  private static long[] edgeCounts(TimeUnit unit) {
    long perSecond = unit.perSecond();
    return new long[] {
      0, 1, -1, perSecond - 1, -perSecond, minCount(unit), maxCount(unit),
      DAYLIGHT_SAVING_SWITCH * perSecond, (DAYLIGHT_SAVING_SWITCH - 1) * perSecond
    };
  }

  private static long minCount(TimeUnit unit) {
    return unit == TimeUnit.SECOND ? SECONDS_MIN : Long.MIN_VALUE + unit.perSecond();
  }

  private static long maxCount(TimeUnit unit) {
    return unit == TimeUnit.SECOND ? SECONDS_MAX : Long.MAX_VALUE;
  }
}
