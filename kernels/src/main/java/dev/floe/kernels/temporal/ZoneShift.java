package dev.floe.kernels.temporal;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Moves timestamps in one unit between UTC and the wall-clock time of a zone (IANA rules of
 * java.time). A null zone (naive datetimes) is the identity.
 */
final class ZoneShift {
  private static final long LAST_TRANSITIONS = 4_102_444_800L; // 2100-01-01T00:00:00Z

  private final String zone;
  private final ZoneRules rules;
  private final long perSecond;

  ZoneShift(String zone, long perSecond) {
    this.zone = zone;
    this.rules = zone == null ? null : rules(zone);
    this.perSecond = perSecond;
  }

  static ZoneRules rules(String zone) {
    try {
      return ZoneId.of(zone).getRules();
    } catch (DateTimeException unknown) {
      throw new InvalidOperationException("unknown time zone \"" + zone + "\"");
    }
  }

  boolean isIdentity() {
    return rules == null || (rules.isFixedOffset() && offsetSeconds(0) == 0);
  }

  /** The zone's UTC offset in seconds at the instant {@code utc}. */
  long offsetSeconds(long utc) {
    if (rules == null) {
      return 0;
    }
    return offset(rules, Math.floorDiv(utc, perSecond));
  }

  /**
   * The offset at {@code epochSecond}. From 2100 on, the standard offset: the tz database tables
   * Polars uses (chrono-tz) end their daylight-saving transitions in 2099.
   */
  static int offset(ZoneRules rules, long epochSecond) {
    Instant instant = Instant.ofEpochSecond(epochSecond);
    return epochSecond >= LAST_TRANSITIONS
        ? rules.getStandardOffset(instant).getTotalSeconds()
        : rules.getOffset(instant).getTotalSeconds();
  }

  /** The valid offsets of wall-clock time {@code wall}, with the 2100 cut-off of {@link #offset}. */
  static List<ZoneOffset> validOffsets(ZoneRules rules, LocalDateTime wall) {
    if (wall.getYear() >= 2100) {
      return List.of(rules.getStandardOffset(wall.toInstant(ZoneOffset.UTC)));
    }
    return rules.getValidOffsets(wall);
  }

  /** The wall-clock time (encoded as if UTC) of the instant {@code utc}. */
  long toLocal(long utc) {
    return rules == null ? utc : utc + offsetSeconds(utc) * perSecond;
  }

  /**
   * The instant of wall-clock time {@code local}, as Polars finds it from a nearby instant
   * {@code hint}: an ambiguous time keeps the hint's offset, a time in a gap is shifted back by it.
   */
  long fromLocal(long local, long hint) {
    if (rules == null) {
      return local;
    }
    long guess = local - offsetSeconds(hint) * perSecond;
    return local - offsetSeconds(guess) * perSecond;
  }

  /**
   * The instant of wall-clock time {@code local}, resolving ambiguous times with
   * {@code ambiguous} ("raise", "earliest", "latest", "null") and times in a gap with
   * {@code nonExistent} ("raise", "null"); {@link TemporalColumns#NULL} for a null.
   */
  long localize(long local, String ambiguous, String nonExistent) {
    if (rules == null) {
      return local;
    }
    long seconds = Math.floorDiv(local, perSecond);
    LocalDateTime wall = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    List<ZoneOffset> offsets = validOffsets(rules, wall);
    if (offsets.size() == 1) {
      return local - offsets.getFirst().getTotalSeconds() * perSecond;
    }
    if (offsets.isEmpty()) {
      if (nonExistent.equals("null")) {
        return TemporalColumns.NULL;
      }
      throw new ComputeException(
          "datetime '" + wall + "' is non-existent in time zone '" + zone
              + "'; use nonExistent \"null\" to get a null");
    }
    int first = offsets.get(0).getTotalSeconds();
    int second = offsets.get(1).getTotalSeconds();
    return switch (ambiguous) {
      case "earliest" -> local - Math.max(first, second) * perSecond;
      case "latest" -> local - Math.min(first, second) * perSecond;
      case "null" -> TemporalColumns.NULL;
      default ->
          throw new ComputeException(
              "datetime '" + wall + "' is ambiguous in time zone '" + zone
                  + "'; use ambiguous \"earliest\", \"latest\" or \"null\" to choose");
    };
  }
}
