package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;

/**
 * Where a {@link Scan} reads from: an in-memory frame or files. The planner only needs to know the
 * schema and what the source can take over from the plan; the engine maps each kind of source to
 * its reader. Implementations are immutable and compare by identity of what they read (two scans
 * of the same source are the same subplan).
 */
public interface ScanSource {
  /** The columns the source has, before any projection. */
  Schema schema();

  /** Short text for plans: {@code Parquet SCAN [data/*.parquet]}, {@code DF [a, b, c]}. */
  String describe();

  /**
   * How many rows the source holds, at most, when it knows without reading them (a frame's
   * height, the row counts in Parquet footers); -1 when it does not. The engine uses it to pick a
   * join's build side before running the other side.
   */
  default long estimatedRows() {
    return -1;
  }

  /** True when the source can skip data by a predicate (statistics, partitions) itself. */
  default boolean prunesByPredicate() {
    return false;
  }
}
