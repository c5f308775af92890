package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;

/**
 * The options of the parsing and list-producing {@code str} functions ({@link StringFunction});
 * each function reads only its own: {@code base} (toInteger), {@code groupIndex} (extract),
 * {@code scale} (toDecimal), {@code inclusive} (split), {@code strict} (toInteger, split with a
 * regex and the temporal parsers: fail instead of null), {@code exact} (the whole string must
 * match the format), {@code target} (the temporal type strptime produces, the integer type
 * toInteger produces).
 */
public record StringOptions(
    int base,
    int groupIndex,
    int scale,
    boolean inclusive,
    boolean strict,
    boolean exact,
    DataType target) {

  /** The options of the functions that take none. */
  public static final StringOptions NONE = new StringOptions(10, 1, 0, false, true, true, null);

  StringOptions withBase(int newBase, DataType newTarget, boolean newStrict) {
    return new StringOptions(newBase, groupIndex, scale, inclusive, newStrict, exact, newTarget);
  }

  StringOptions withGroupIndex(int newGroupIndex) {
    return new StringOptions(base, newGroupIndex, scale, inclusive, strict, exact, target);
  }

  StringOptions withScale(int newScale) {
    return new StringOptions(base, groupIndex, newScale, inclusive, strict, exact, target);
  }

  StringOptions withInclusive(boolean newInclusive, boolean newStrict) {
    return new StringOptions(base, groupIndex, scale, newInclusive, newStrict, exact, target);
  }

  StringOptions withTemporal(DataType newTarget, boolean newStrict, boolean newExact) {
    return new StringOptions(base, groupIndex, scale, inclusive, newStrict, newExact, newTarget);
  }
}
