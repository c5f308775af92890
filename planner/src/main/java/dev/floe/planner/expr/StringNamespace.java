package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;

/** The {@code str} namespace of an expression: {@code col("s").str().lenChars()}. */
public final class StringNamespace {
  private final Expr input;

  StringNamespace(Expr input) {
    this.input = input;
  }

  /** Number of characters (Unicode scalar values), as u32. */
  public Expr lenChars() {
    return StringFunction.of(StringOp.LEN_CHARS, input);
  }

  /** Number of UTF-8 bytes, as u32. */
  public Expr lenBytes() {
    return StringFunction.of(StringOp.LEN_BYTES, input);
  }

  /** A regular-expression search ({@link java.util.regex} syntax). */
  public Expr contains(String pattern) {
    return contains(pattern, false);
  }

  /** Whether {@code pattern} occurs: as plain text when {@code literal}, else as a regex. */
  public Expr contains(String pattern, boolean literal) {
    return new StringFunction(StringOp.CONTAINS, input, pattern, null, literal, 0, null, 0, ' ');
  }

  public Expr startsWith(String prefix) {
    return new StringFunction(StringOp.STARTS_WITH, input, prefix, null, true, 0, null, 0, ' ');
  }

  public Expr endsWith(String suffix) {
    return new StringFunction(StringOp.ENDS_WITH, input, suffix, null, true, 0, null, 0, ' ');
  }

  public Expr toLowercase() {
    return StringFunction.of(StringOp.TO_LOWERCASE, input);
  }

  public Expr toUppercase() {
    return StringFunction.of(StringOp.TO_UPPERCASE, input);
  }

  /** Leading and trailing Unicode whitespace removed (Polars' {@code strip_chars()}). */
  public Expr strip() {
    return StringFunction.of(StringOp.STRIP, input);
  }

  public Expr stripPrefix(String prefix) {
    return new StringFunction(StringOp.STRIP_PREFIX, input, prefix, null, true, 0, null, 0, ' ');
  }

  public Expr stripSuffix(String suffix) {
    return new StringFunction(StringOp.STRIP_SUFFIX, input, suffix, null, true, 0, null, 0, ' ');
  }

  /** The first match of {@code pattern} replaced by {@code value} (regex unless literal). */
  public Expr replace(String pattern, String value, boolean literal) {
    return new StringFunction(StringOp.REPLACE, input, pattern, value, literal, 0, null, 0, ' ');
  }

  /** Every match of {@code pattern} replaced by {@code value} (regex unless literal). */
  public Expr replaceAll(String pattern, String value, boolean literal) {
    return new StringFunction(
        StringOp.REPLACE_ALL, input, pattern, value, literal, 0, null, 0, ' ');
  }

  /** Characters from {@code offset} (negative: from the end), {@code length} of them or all. */
  public Expr slice(long offset, Long length) {
    if (length != null && length < 0) {
      throw new dev.floe.errors.InvalidOperationException(
          "str.slice length must not be negative, got " + length);
    }
    return new StringFunction(StringOp.SLICE, input, null, null, false, offset, length, 0, ' ');
  }

  public Expr slice(long offset) {
    return slice(offset, null);
  }

  /** Padded at the start with {@code fill} to {@code length} characters. */
  public Expr padStart(int length, char fill) {
    return new StringFunction(StringOp.PAD_START, input, null, null, false, 0, null, length, fill);
  }

  /** Padded at the end with {@code fill} to {@code length} characters. */
  public Expr padEnd(int length, char fill) {
    return new StringFunction(StringOp.PAD_END, input, null, null, false, 0, null, length, fill);
  }

  /** Padded with zeros at the start (after a leading sign) to {@code length} characters. */
  public Expr zfill(int length) {
    return new StringFunction(StringOp.ZFILL, input, null, null, false, 0, null, length, '0');
  }

  /** Split by the literal {@code by} into a list[str]; {@code ""} splits into characters. */
  public Expr split(String by) {
    return split(by, false);
  }

  /** Split by the literal {@code by}, keeping it at the end of each part when inclusive. */
  public Expr split(String by, boolean inclusive) {
    return split(by, inclusive, true, true);
  }

  /**
   * Split by {@code by}: literal text, or unless {@code literal} a regex (Rust's
   * {@code Regex::split}, empty matches included); an empty {@code by} gives the characters. An
   * invalid regex fails when {@code strict}, else every row is null.
   */
  public Expr split(String by, boolean inclusive, boolean literal, boolean strict) {
    return StringFunction.of(
        StringOp.SPLIT, input, by, literal, StringOptions.NONE.withInclusive(inclusive, strict));
  }

  /** Capture group 1 of the first match of the regex {@code pattern} (null: no match). */
  public Expr extract(String pattern) {
    return extract(pattern, 1);
  }

  /** Capture group {@code groupIndex} (0: the whole match) of the first match, or null. */
  public Expr extract(String pattern, int groupIndex) {
    return StringFunction.of(
        StringOp.EXTRACT, input, pattern, false, StringOptions.NONE.withGroupIndex(groupIndex));
  }

  /** Every match of the regex {@code pattern}, as a list[str]. */
  public Expr extractAll(String pattern) {
    return StringFunction.of(StringOp.EXTRACT_ALL, input, pattern, false, StringOptions.NONE);
  }

  /** The number of matches of the regex {@code pattern}, as u32. */
  public Expr countMatches(String pattern) {
    return countMatches(pattern, false);
  }

  /** The number of matches of {@code pattern} (plain text when {@code literal}), as u32. */
  public Expr countMatches(String pattern, boolean literal) {
    return StringFunction.of(
        StringOp.COUNT_MATCHES, input, pattern, literal, StringOptions.NONE);
  }

  /** Decimal integers as i64; failures raise (Polars' {@code to_integer()}). */
  public Expr toInteger() {
    return toInteger(10, true);
  }

  /**
   * Integers in {@code base} (2..36, optional sign) as i64; a value that does not parse or
   * overflows raises when {@code strict}, else becomes null.
   */
  public Expr toInteger(int base, boolean strict) {
    return toInteger(base, DataType.INT64, strict);
  }

  /** Integers in {@code base} as {@code dtype} (a signed or unsigned integer type up to 64 bits). */
  public Expr toInteger(int base, DataType dtype, boolean strict) {
    return StringFunction.of(
        StringOp.TO_INTEGER, input, null, false, StringOptions.NONE.withBase(base, dtype, strict));
  }

  /** Decimals as decimal[38, scale], rounded half to even; unparsable values become null. */
  public Expr toDecimal(int scale) {
    return StringFunction.of(
        StringOp.TO_DECIMAL, input, null, false, StringOptions.NONE.withScale(scale));
  }

  /**
   * Parses with the chrono {@code format} (null: inferred as Polars does) into {@code dtype}
   * (date, datetime or time, the latter always in nanoseconds). Failures raise when
   * {@code strict}, else become null; unless {@code exact}, the format may match anywhere in the
   * string (dates and datetimes only, as Polars).
   */
  public Expr strptime(DataType dtype, String format, boolean strict, boolean exact) {
    return StringFunction.of(
        StringOp.STRPTIME, input, format, false,
        StringOptions.NONE.withTemporal(dtype, strict, exact));
  }

  /** {@link #strptime(DataType, String, boolean, boolean)}, strict and exact. */
  public Expr strptime(DataType dtype, String format) {
    return strptime(dtype, format, true, true);
  }

  /** Dates in an inferred format (strict). */
  public Expr toDate() {
    return toDate(null);
  }

  /** Dates parsed with {@code format} (null: inferred), strict. */
  public Expr toDate(String format) {
    return toDate(format, true, true);
  }

  /** Dates parsed with {@code format} (null: inferred); see {@link #strptime}. */
  public Expr toDate(String format, boolean strict, boolean exact) {
    return strptime(DataType.DATE32, format, strict, exact);
  }

  /** Times of day (nanoseconds) in an inferred format ({@code %T%.f} or {@code %R}), strict. */
  public Expr toTime() {
    return toTime(null, true);
  }

  /** Times of day parsed with {@code format} (null: inferred); failures raise when strict. */
  public Expr toTime(String format, boolean strict) {
    return strptime(new DataType.Time64(TimeUnit.NANOSECOND), format, strict, true);
  }

  /** Datetimes in an inferred format (strict), in microseconds. */
  public Expr toDatetime() {
    return toDatetime(null);
  }

  /** Datetimes parsed with {@code format} (null: inferred), strict, unit from the format. */
  public Expr toDatetime(String format) {
    return toDatetime(format, null, null, true, true);
  }

  /**
   * Datetimes parsed with {@code format} (null: inferred). A null {@code unit} follows Polars:
   * ns for a format with {@code %.9f}/{@code %9f}, ms with {@code %.3f}/{@code %3f}, else us.
   * With {@code timeZone} the wall times are localized to it; an offset ({@code %z}) in the
   * format gives UTC instants (in {@code timeZone}, or UTC).
   */
  public Expr toDatetime(
      String format, TimeUnit unit, String timeZone, boolean strict, boolean exact) {
    TimeUnit resolvedUnit = unit != null ? unit : unitOf(format);
    return strptime(new DataType.Timestamp(resolvedUnit, timeZone), format, strict, exact);
  }

  private static TimeUnit unitOf(String format) {
    if (format == null) {
      return TimeUnit.MICROSECOND;
    }
    if (format.contains("%.9f") || format.contains("%9f")) {
      return TimeUnit.NANOSECOND;
    }
    if (format.contains("%.3f") || format.contains("%3f")) {
      return TimeUnit.MILLISECOND;
    }
    return TimeUnit.MICROSECOND;
  }
}
