package dev.floe.kernels.temporal;

import dev.floe.errors.ComputeException;
import dev.floe.memory.types.TimeUnit;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Wall times to UTC in a time zone, as Polars' {@code replace_time_zone} with
 * {@code ambiguous="raise"} and {@code non_existent="raise"}.
 */
final class ParseLocalizer {
  /** 2100-01-01T00:00 as a local epoch second. */
  private static final long CHRONO_TZ_END = 4_102_444_800L;

  private final String zone;
  private final ZoneRules rules;

  private ParseLocalizer(String zone, ZoneRules rules) {
    this.zone = zone;
    this.rules = rules;
  }

  /** The localizer of {@code zone}, or null for none (or UTC, where wall time is UTC). */
  static ParseLocalizer of(String zone) {
    if (zone == null || zone.equals("UTC")) {
      return null;
    }
    return new ParseLocalizer(zone, ZoneId.of(zone).getRules());
  }

  /**
   * The UTC timestamp of the local timestamp {@code localUnits} in {@code unit} (localized after
   * the conversion to the unit, as Polars does, also for a value that wrapped around).
   */
  long toUtc(long localUnits, TimeUnit unit, String value) {
    long perSecond = unit.perSecond();
    long local = Math.floorDiv(localUnits, perSecond);
    return localUnits - offsetSeconds(local, value) * perSecond;
  }

  private long offsetSeconds(long local, String value) {
    LocalDateTime wall = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
    if (local >= CHRONO_TZ_END) {
      // chrono-tz (Polars' zone data) has no daylight saving time from 2100 on
      return rules.getStandardOffset(wall.toInstant(ZoneOffset.UTC)).getTotalSeconds();
    }
    List<ZoneOffset> offsets = rules.getValidOffsets(wall);
    if (offsets.size() == 1) {
      return offsets.getFirst().getTotalSeconds();
    }
    throw new ComputeException(
        "datetime '" + value + "' is " + (offsets.isEmpty() ? "non-existent" : "ambiguous")
            + " in time zone '" + zone + "'");
  }
}
