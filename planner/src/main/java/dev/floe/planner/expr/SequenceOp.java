package dev.floe.planner.expr;

/** The sequence functions. */
public enum SequenceOp {
  ;

  private final String method;

  SequenceOp(String method) {
    this.method = method;
  }

  /** The Java method name, used when printing. */
  public String method() {
    return method;
  }
}
