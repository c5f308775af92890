package dev.floe.io.parquet;

import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;

/**
 * Decides from a row group's footer metadata (statistics, row count) whether it may hold rows a
 * query wants; the reader skips row groups for which this returns false without reading them.
 * Implementations must be conservative: false only when no row can match.
 */
@FunctionalInterface
public interface RowGroupFilter {
  /** Keeps every row group. */
  RowGroupFilter ALL = (rowGroup, schema) -> true;

  boolean mayMatch(BlockMetaData rowGroup, MessageType schema);
}
