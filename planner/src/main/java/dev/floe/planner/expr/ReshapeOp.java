package dev.floe.planner.expr;

/** The reshaping functions. */
public enum ReshapeOp {
  ;

  private final String method;

  ReshapeOp(String method) {
    this.method = method;
  }

  /** The Java method name, used when printing. */
  public String method() {
    return method;
  }
}
