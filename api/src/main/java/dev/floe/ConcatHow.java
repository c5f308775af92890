package dev.floe;

/**
 * How {@link Floe#concat(java.util.List, ConcatHow)} combines frames, as Polars' {@code
 * pl.concat(how=...)}.
 */
public enum ConcatHow {
  /** Rows one under the other; every frame has the same column names and types, in order. */
  VERTICAL,
  /** {@link #VERTICAL}, but each column takes the supertype of its types across the frames. */
  VERTICAL_RELAXED,
  /**
   * Rows one under the other over the union of the columns (in order of first appearance), a frame
   * without a column getting nulls there; a column has one type in every frame that has it.
   */
  DIAGONAL,
  /** {@link #DIAGONAL}, with each column's supertype across the frames. */
  DIAGONAL_RELAXED,
  /**
   * Columns side by side; names must be distinct. Shorter frames are padded with nulls to the
   * tallest, as Polars 1.44 does (its {@code horizontal_extend}).
   */
  HORIZONTAL
}
