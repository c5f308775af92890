/**
 * Parquet row-group pruning from footer statistics:
 * {@link dev.floe.io.parquet.prune.StatisticsPruning} evaluates a
 * {@link dev.floe.io.scan.ScanPredicate} over each row group's min/max and null counts.
 */
package dev.floe.io.parquet.prune;
