package dev.floe.planner.expr;

/** The sequence functions. */
public enum SequenceOp {
  CUM_SUM("cumSum"),
  CUM_PROD("cumProd"),
  CUM_MIN("cumMin"),
  CUM_MAX("cumMax"),
  CUM_COUNT("cumCount"),
  SHIFT("shift"),
  DIFF("diff"),
  RANK("rank"),
  HASH("hash"),
  FILL_NAN("fillNan");

  private final String method;

  SequenceOp(String method) {
    this.method = method;
  }

  /** The Java method name, used when printing. */
  public String method() {
    return method;
  }
}
