package dev.floe.planner.expr;

/** Element-wise math functions on numeric input (floats, integers cast to f64 first). */
public enum MathFunction {
  SQRT("sqrt"),
  CBRT("cbrt"),
  EXP("exp"),
  LOG("log"),
  LOG10("log10"),
  LOG1P("log1p"),
  SIN("sin"),
  COS("cos"),
  TAN("tan"),
  ASIN("arcsin"),
  ACOS("arccos"),
  ATAN("arctan"),
  SINH("sinh"),
  COSH("cosh"),
  TANH("tanh"),
  FLOOR("floor"),
  CEIL("ceil"),
  SIGN("sign");

  private final String method;

  MathFunction(String method) {
    this.method = method;
  }

  public String method() {
    return method;
  }

  /** Floor, ceil and sign keep an integer input's type (a no-op or exact); others need floats. */
  public boolean keepsIntegers() {
    return this == FLOOR || this == CEIL || this == SIGN;
  }
}
