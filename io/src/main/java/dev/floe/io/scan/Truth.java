package dev.floe.io.scan;

/**
 * Whether a predicate keeps rows of a group (row group, file): no row ({@link #NEVER}), every row
 * ({@link #ALWAYS}) or it cannot tell ({@link #MAYBE}).
 */
public enum Truth {
  /** No row of the group can be kept: the group may be skipped. */
  NEVER,
  /** Some rows may be kept and others not, or the metadata cannot tell. */
  MAYBE,
  /** Every row of the group is kept. */
  ALWAYS
}
