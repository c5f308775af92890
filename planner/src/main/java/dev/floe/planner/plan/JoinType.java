package dev.floe.planner.plan;

/** Which rows a join keeps, as Polars' {@code how}. */
public enum JoinType {
  /** Pairs of rows whose keys match. */
  INNER,
  /** Every left row, with its matches or nulls. */
  LEFT,
  /** Every right row, with its matches or nulls. */
  RIGHT,
  /** Every row of both sides: the matches, then unmatched rows padded with nulls. */
  FULL,
  /** The left rows that have a match (left columns only, each row once). */
  SEMI,
  /** The left rows that have no match (left columns only). */
  ANTI,
  /** Every pair of rows (no keys). */
  CROSS;

  /** Polars' keyword: {@code inner}, {@code left}, ... */
  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
