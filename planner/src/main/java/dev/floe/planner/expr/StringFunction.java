package dev.floe.planner.expr;

import java.util.Objects;

/**
 * A {@code str} namespace function applied element-wise to a string expression. Unused arguments
 * are null / 0 / false: {@code pattern} is the searched text, prefix, suffix or pattern,
 * {@code value} the replacement, {@code literal} whether {@code pattern} is plain text (else a
 * regular expression), {@code offset}/{@code length} the slice bounds (a null length: to the end)
 * and {@code width}/{@code fill} the padding target; {@code options} hold the settings of the
 * parsing and splitting functions (for the others {@link StringOptions#NONE}). For strptime,
 * {@code pattern} is the format (null: inferred from the data as Polars does).
 */
public record StringFunction(
    StringOp op,
    Expr input,
    String pattern,
    String value,
    boolean literal,
    long offset,
    Long length,
    int width,
    char fill,
    StringOptions options)
    implements Expr {

  public StringFunction {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(input, "input");
    options = options == null ? StringOptions.NONE : options;
  }

  /** The nine-argument form of the functions without {@link StringOptions}. */
  public StringFunction(
      StringOp op, Expr input, String pattern, String value, boolean literal, long offset,
      Long length, int width, char fill) {
    this(op, input, pattern, value, literal, offset, length, width, fill, StringOptions.NONE);
  }

  static StringFunction of(StringOp op, Expr input) {
    return new StringFunction(op, input, null, null, false, 0, null, 0, ' ');
  }

  static StringFunction of(StringOp op, Expr input, String pattern, boolean literal,
      StringOptions options) {
    return new StringFunction(op, input, pattern, null, literal, 0, null, 0, ' ', options);
  }

  StringFunction withInput(Expr newInput) {
    return new StringFunction(
        op, newInput, pattern, value, literal, offset, length, width, fill, options);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
