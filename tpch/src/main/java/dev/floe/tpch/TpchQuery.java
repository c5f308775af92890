package dev.floe.tpch;

import dev.floe.LazyFrame;

/**
 * One TPC-H query written with Floe's lazy API, as a Polars user would write it from the query's
 * definition in the TPC-H specification. Implementations are classes {@code
 * dev.floe.tpch.queries.Q01} to {@code Q22} with a public no-argument constructor.
 */
public interface TpchQuery {
  /** The query's number, 1 to 22. */
  int number();

  /** The query over {@code tables}; nothing runs until the caller collects it. */
  LazyFrame build(TpchTables tables);

  /** True when the query has an ORDER BY that fixes the order of every row of its answer. */
  default boolean ordered() {
    return true;
  }
}
