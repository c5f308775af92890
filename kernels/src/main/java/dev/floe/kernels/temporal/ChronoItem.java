package dev.floe.kernels.temporal;

/** One item of a compiled chrono format ({@link ChronoFormat}), as chrono's {@code Item}. */
sealed interface ChronoItem {

  /** Text that must follow exactly. */
  record Literal(String text) implements ChronoItem {}

  /** Format whitespace: skips any whitespace in the input (also none). */
  record Space() implements ChronoItem {}

  /** A number: leading whitespace skipped, 1 to {@code maxDigits} digits (a sign if signed). */
  record Numeric(Field field, int maxDigits, boolean signed) implements ChronoItem {}

  /** A named or fixed-shape element. */
  record Fixed(Kind kind) implements ChronoItem {}

  /** A directive chrono cannot parse: every value fails. */
  record Error(String directive) implements ChronoItem {}

  /** The numeric fields of chrono's {@code Parsed}. */
  enum Field {
    YEAR,
    YEAR_DIV_100,
    YEAR_MOD_100,
    MONTH,
    DAY,
    ORDINAL,
    WEEKDAY_FROM_SUNDAY,
    WEEKDAY_FROM_MONDAY,
    HOUR,
    HOUR12,
    MINUTE,
    SECOND,
    NANOSECOND,
    TIMESTAMP
  }

  /** The fixed items. */
  enum Kind {
    SHORT_MONTH,
    LONG_MONTH,
    SHORT_WEEKDAY,
    LONG_WEEKDAY,
    AM_PM,
    /** {@code %.f}: optional dot and 1+ digits. */
    FRACTION,
    /** {@code %.3f} and friends: optional dot and exactly n digits. */
    FRACTION3,
    FRACTION6,
    FRACTION9,
    /** {@code %3f} and friends: exactly n digits, no dot. */
    DIGITS3,
    DIGITS6,
    DIGITS9,
    OFFSET,
    OFFSET_PERMISSIVE,
    ZONE_NAME,
    RFC3339
  }
}
