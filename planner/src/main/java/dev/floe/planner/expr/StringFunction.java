package dev.floe.planner.expr;

import java.util.Objects;

/**
 * A {@code str} namespace function applied element-wise to a string expression. Unused arguments
 * are null / 0 / false: {@code pattern} is the searched text, prefix, suffix or pattern,
 * {@code value} the replacement, {@code literal} whether {@code pattern} is plain text (else a
 * regular expression), {@code offset}/{@code length} the slice bounds (a null length: to the end)
 * and {@code width}/{@code fill} the padding target.
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
    char fill)
    implements Expr {

  public StringFunction {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(input, "input");
  }

  static StringFunction of(StringOp op, Expr input) {
    return new StringFunction(op, input, null, null, false, 0, null, 0, ' ');
  }

  StringFunction withInput(Expr newInput) {
    return new StringFunction(op, newInput, pattern, value, literal, offset, length, width, fill);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
