package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dt namespace and temporal arithmetic against Polars: seeded random frames (dates and
 * datetimes spanning 1900-2100, instants near the DST transitions of Europe/Amsterdam, durations of
 * both signs, nulls) and random expressions over every dt function ({@link TemporalGen}), compared
 * by dtype and physical value.
 */
@LeakChecked
class TemporalDifferentialTest {
  private static final int FRAMES = 30;
  private static final int EXPRESSIONS_PER_FRAME = 55;
  private static final int ROWS = 12;
  private static final long MIN_SECOND = LocalDate.of(1900, 1, 1).toEpochDay() * 86_400L;
  private static final long MAX_SECOND = LocalDate.of(2100, 12, 31).toEpochDay() * 86_400L;

  @TempDir Path directory;

  @Test
  void dtFunctionsAgreeWithPolars() throws Exception {
    Random random = new Random(20261124);
    PolarsCases cases = new PolarsCases(directory);
    TemporalResultGen gen = new TemporalResultGen(new TemporalGen(random));
    for (int frame = 0; frame < FRAMES; frame++) {
      int index = cases.frame(frame(random));
      for (int expression = 0; expression < EXPRESSIONS_PER_FRAME; expression++) {
        TemporalGen.Gen any = gen.any();
        cases.add(index, any.expr(), any.python());
      }
    }
    assertThat(cases.size()).isGreaterThanOrEqualTo(1000);
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  static List<PolarsCases.TestColumn> frame(Random random) {
    return List.of(
        column("d", DataType.DATE32, "pl.Date", random, () -> date(random)),
        column("d2", DataType.DATE32, "pl.Date", random, () -> date(random)),
        column("t", new DataType.Timestamp(TimeUnit.MICROSECOND, null), "pl.Datetime(\"us\")",
            random, () -> local(random)),
        column("tn", new DataType.Timestamp(TimeUnit.NANOSECOND, null), "pl.Datetime(\"ns\")",
            random, () -> local(random)),
        column("tz", new DataType.Timestamp(TimeUnit.MILLISECOND, "Europe/Amsterdam"),
            "pl.Datetime(\"ms\", \"Europe/Amsterdam\")", random, () -> instant(random, 1_000_000)),
        column("ny", new DataType.Timestamp(TimeUnit.MICROSECOND, "America/New_York"),
            "pl.Datetime(\"us\", \"America/New_York\")", random, () -> instant(random, 1_000)),
        column("du", new DataType.Duration(TimeUnit.MICROSECOND), "pl.Duration(\"us\")", random,
            () -> duration(random)),
        column("i", DataType.INT64, "pl.Int64", random, () -> (long) (random.nextInt(9) - 4)));
  }

  private static PolarsCases.TestColumn column(
      String name, DataType type, String polarsType, Random random, Supplier<Object> values) {
    List<Object> data = new ArrayList<>();
    for (int row = 0; row < ROWS; row++) {
      data.add(random.nextInt(7) == 0 ? null : values.get());
    }
    return new PolarsCases.TestColumn(name, type, polarsType, data);
  }

  private static LocalDate date(Random random) {
    if (random.nextInt(4) == 0) {
      // month ends and leap days
      int year = 1900 + random.nextInt(201);
      int leap = year - year % 4;
      return random.nextBoolean()
          ? LocalDate.of(year, 1 + random.nextInt(12), 1).minusDays(random.nextInt(2))
          : LocalDate.of(leap, 2, leap % 100 == 0 && leap % 400 != 0 ? 28 : 29);
    }
    return LocalDate.ofEpochDay(Math.floorDiv(randomSecond(random), 86_400L));
  }

  private static long randomSecond(Random random) {
    return MIN_SECOND + (long) (random.nextDouble() * (MAX_SECOND - MIN_SECOND));
  }

  private static LocalDateTime local(Random random) {
    long second = randomSecond(random);
    int micros = switch (random.nextInt(3)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000) * 1000;
      default -> random.nextInt(1_000_000);
    };
    if (random.nextInt(5) == 0) {
      second -= Math.floorMod(second, 3600);
    }
    return LocalDateTime.ofEpochSecond(second, micros * 1000, ZoneOffset.UTC);
  }

  /** An instant (precision {@code nanosPerTick}), a third of them near a DST transition. */
  private static Instant instant(Random random, int nanosPerTick) {
    long second;
    if (random.nextInt(3) == 0) {
      int year = 1980 + random.nextInt(100);
      int month = random.nextBoolean() ? 3 : 10;
      LocalDate lastSunday = LocalDate.of(year, month, 31);
      lastSunday = lastSunday.minusDays(lastSunday.getDayOfWeek().getValue() % 7);
      second = lastSunday.toEpochDay() * 86_400L - 3 * 3600 + random.nextInt(8 * 3600);
    } else {
      second = randomSecond(random);
    }
    int nanos = random.nextInt(1_000_000_000 / nanosPerTick) * nanosPerTick;
    return Instant.ofEpochSecond(second, random.nextBoolean() ? 0 : nanos);
  }

  private static Duration duration(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> Duration.ofHours(random.nextInt(200) - 100);
      case 1 -> Duration.ofNanos((random.nextInt(2_000_000) - 1_000_000) * 1000L);
      default -> Duration.ofNanos((long) ((random.nextDouble() - 0.5) * 2 * 20_000 * 86_400e6) * 1000);
    };
  }
}
