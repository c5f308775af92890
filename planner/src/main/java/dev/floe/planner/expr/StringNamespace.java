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
    return split(by, SplitOptions.DEFAULT);
  }

  /** Split by {@code by} as {@code options} say (inclusive, literal or regex, strict). */
  public Expr split(String by, SplitOptions options) {
    return StringFunction.of(StringOp.SPLIT, input, by, options.literal(),
        StringOptions.NONE.withInclusive(options.inclusive(), options.strict()));
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
    return toInteger(IntegerParseOptions.DEFAULT);
  }

  /** Integers in a base (2..36) as a signed or unsigned integer type; see the options. */
  public Expr toInteger(IntegerParseOptions options) {
    return StringFunction.of(StringOp.TO_INTEGER, input, null, false,
        StringOptions.NONE.withBase(options.base(), options.dtype(), options.strict()));
  }

  /** Decimals as decimal[38, scale], rounded half to even; unparsable values become null. */
  public Expr toDecimal(int scale) {
    return StringFunction.of(
        StringOp.TO_DECIMAL, input, null, false, StringOptions.NONE.withScale(scale));
  }

  /**
   * Parses into {@code dtype} (date, datetime or time, the latter always in nanoseconds) as
   * {@code options} say: chrono format or inferred, strict, exact (see {@link StrptimeOptions}).
   */
  public Expr strptime(DataType dtype, StrptimeOptions options) {
    return StringFunction.of(StringOp.STRPTIME, input, options.format(), false,
        StringOptions.NONE.withTemporal(dtype, options.strict(), options.exact()));
  }

  /** Parses into {@code dtype} with the chrono {@code format} (null: inferred), strict and exact. */
  public Expr strptime(DataType dtype, String format) {
    return strptime(dtype, StrptimeOptions.DEFAULT.withFormat(format));
  }

  /** Dates in an inferred format (strict). */
  public Expr toDate() {
    return toDate(StrptimeOptions.DEFAULT);
  }

  /** Dates parsed with {@code format} (null: inferred), strict. */
  public Expr toDate(String format) {
    return toDate(StrptimeOptions.DEFAULT.withFormat(format));
  }

  /** Dates parsed as {@code options} say. */
  public Expr toDate(StrptimeOptions options) {
    return strptime(DataType.DATE32, options);
  }

  /** Times of day (nanoseconds) in an inferred format ({@code %T%.f} or {@code %R}), strict. */
  public Expr toTime() {
    return toTime(StrptimeOptions.DEFAULT);
  }

  /** Times of day parsed with {@code format} (null: inferred), strict. */
  public Expr toTime(String format) {
    return toTime(StrptimeOptions.DEFAULT.withFormat(format));
  }

  /** Times of day parsed as {@code options} say ({@code exact} does not apply to times). */
  public Expr toTime(StrptimeOptions options) {
    return strptime(new DataType.Time64(TimeUnit.NANOSECOND), options.withExact(true));
  }

  /** Datetimes in an inferred format (strict), in microseconds. */
  public Expr toDatetime() {
    return toDatetime(StrptimeOptions.DEFAULT);
  }

  /** Datetimes parsed with {@code format} (null: inferred), strict, unit from the format. */
  public Expr toDatetime(String format) {
    return toDatetime(StrptimeOptions.DEFAULT.withFormat(format));
  }

  /** Datetimes parsed as {@code options} say (format, unit, time zone, strict, exact). */
  public Expr toDatetime(StrptimeOptions options) {
    return strptime(
        new DataType.Timestamp(options.resolvedTimeUnit(), options.timeZone()), options);
  }
}
