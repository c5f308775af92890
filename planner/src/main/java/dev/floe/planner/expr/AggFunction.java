package dev.floe.planner.expr;

/** Reductions to one value, usable in {@code select}. */
public enum AggFunction {
  SUM("sum"),
  MEAN("mean"),
  MIN("min"),
  MAX("max"),
  COUNT("count"),
  LEN("len"),
  NULL_COUNT("nullCount"),
  STD("std"),
  VAR("var"),
  FIRST("first"),
  LAST("last"),
  ANY("any"),
  ALL("all"),
  N_UNIQUE("nUnique"),
  MEDIAN("median"),
  QUANTILE("quantile"),
  ARG_MIN("argMin"),
  ARG_MAX("argMax");

  private final String method;

  AggFunction(String method) {
    this.method = method;
  }

  public String method() {
    return method;
  }
}
