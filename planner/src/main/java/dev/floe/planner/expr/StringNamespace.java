package dev.floe.planner.expr;

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
}
