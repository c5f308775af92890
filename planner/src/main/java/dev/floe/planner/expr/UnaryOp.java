package dev.floe.planner.expr;

/** Unary operations that keep the row count: sign, negation and null/NaN tests. */
public enum UnaryOp {
  NEG("neg"),
  ABS("abs"),
  NOT("not"),
  IS_NULL("isNull"),
  IS_NOT_NULL("isNotNull"),
  IS_NAN("isNan"),
  IS_FINITE("isFinite");

  private final String method;

  UnaryOp(String method) {
    this.method = method;
  }

  /** The fluent method name, as printed. */
  public String method() {
    return method;
  }
}
