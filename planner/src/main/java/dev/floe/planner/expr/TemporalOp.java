package dev.floe.planner.expr;

/** The dt functions. */
public enum TemporalOp {
  ;

  private final String method;

  TemporalOp(String method) {
    this.method = method;
  }

  /** The Java method name, used when printing. */
  public String method() {
    return method;
  }
}
