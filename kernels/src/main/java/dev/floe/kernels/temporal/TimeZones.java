package dev.floe.kernels.temporal;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import java.util.Set;

/** {@code dt.convertTimeZone} and {@code dt.replaceTimeZone} over datetime columns. */
public final class TimeZones {
  private static final Set<String> AMBIGUOUS = Set.of("raise", "earliest", "latest", "null");
  private static final Set<String> NON_EXISTENT = Set.of("raise", "null");

  private TimeZones() {}

  /** The same instants shown in {@code zone} (a naive input is read as UTC): no value changes. */
  public static Column convert(Column input, String zone) {
    DataType.Timestamp type = timestamp(input.type(), "convertTimeZone");
    ZoneShift.rules(zone);
    return TemporalColumns.retype(input, new DataType.Timestamp(type.unit(), zone));
  }

  /**
   * The same wall-clock times in {@code zone} (null: naive), i.e. new instants; wall-clock times
   * that are ambiguous or do not exist in {@code zone} follow {@code ambiguous} and
   * {@code nonExistent}.
   */
  public static Column replace(
      Column input, String zone, String ambiguous, String nonExistent, BufferAllocator allocator) {
    DataType.Timestamp type = timestamp(input.type(), "replaceTimeZone");
    if (!AMBIGUOUS.contains(ambiguous)) {
      throw new InvalidOperationException(
          "invalid ambiguous \"" + ambiguous + "\" (valid: raise, earliest, latest, null)");
    }
    if (!NON_EXISTENT.contains(nonExistent)) {
      throw new InvalidOperationException(
          "invalid nonExistent \"" + nonExistent + "\" (valid: raise, null)");
    }
    long perSecond = type.unit().perSecond();
    ZoneShift from = new ZoneShift(type.timeZone(), perSecond);
    ZoneShift to = new ZoneShift(zone, perSecond);
    DataType.Timestamp output = new DataType.Timestamp(type.unit(), zone);
    boolean sameZone = java.util.Objects.equals(type.timeZone(), zone) && ambiguous.equals("raise");
    if ((from.isIdentity() && to.isIdentity()) || sameZone) {
      // Polars 1.44.2 returns the input for a zone replaced by itself unless told how to resolve
      return TemporalColumns.retype(input, output);
    }
    return TemporalColumns.map(
        input,
        output,
        value -> to.localize(from.toLocal(value), ambiguous, nonExistent),
        allocator);
  }

  static DataType.Timestamp timestamp(DataType type, String function) {
    if (type instanceof DataType.Timestamp stamp) {
      return stamp;
    }
    throw new InvalidOperationException("cannot apply dt." + function + "() to " + type);
  }
}
