/**
 * Predicates a scan can use to skip data before reading it: {@link dev.floe.io.scan.ScanPredicate}
 * (a small, engine-independent filter language), its three-valued evaluation over a range of
 * values ({@link dev.floe.io.scan.ColumnRange}, {@link dev.floe.io.scan.Outcomes}) and pruning of
 * hive-partitioned files ({@link dev.floe.io.scan.PartitionPruning}). Parquet row-group pruning
 * lives in {@code dev.floe.io.parquet.prune}.
 */
package dev.floe.io.scan;
