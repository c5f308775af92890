package dev.floe.planner.expr;

/** The functions whose output length differs from their input's ({@link ReshapeFunction}). */
public enum ReshapeOp {
  /** Distinct values; arguments: maintainOrder. */
  UNIQUE("unique"),
  /** Occurrences of each distinct value, in order of first appearance (u32). */
  UNIQUE_COUNTS("uniqueCounts"),
  /**
   * struct{value, count} per distinct value; arguments: sort, normalize, name (resolved: the count
   * field's name, then the value field's).
   */
  VALUE_COUNTS("valueCounts"),
  /** Sorted values; arguments: descending, nullsLast. */
  SORT("sort"),
  /** The permutation that sorts (u32); arguments: descending, nullsLast. */
  ARG_SORT("argSort"),
  REVERSE("reverse"),
  /** The first n values; arguments: n. */
  HEAD("head"),
  /** The last n values; arguments: n. */
  TAIL("tail"),
  /** arguments: offset (negative counts from the end), length (null: to the end). */
  SLICE("slice"),
  /** Values at the indices of the operand, or of the argument list of longs. */
  GATHER("gather"),
  DROP_NULLS("dropNulls"),
  /** The values where the operand (a bool predicate of the same length) is true. */
  FILTER("filter"),
  DROP_NANS("dropNans"),
  /**
   * The input's values in the order of the operands (the sort keys, most significant first);
   * arguments: descending (a list of one flag per key), nullsLast. Stable: ties keep their order.
   */
  SORT_BY("sortBy");

  private final String method;

  ReshapeOp(String method) {
    this.method = method;
  }

  /** The Java method name, used when printing. */
  public String method() {
    return method;
  }

  /** Whether the function of a scalar is still a scalar (Polars: sort, reverse and unique are). */
  public boolean keepsScalar() {
    return this == UNIQUE || this == SORT || this == REVERSE;
  }
}
