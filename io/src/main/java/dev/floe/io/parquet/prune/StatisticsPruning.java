package dev.floe.io.parquet.prune;

import dev.floe.io.parquet.RowGroupFilter;
import dev.floe.io.scan.ColumnRange;
import dev.floe.io.scan.Outcomes;
import dev.floe.io.scan.PredicateEvaluator;
import dev.floe.io.scan.ScanPredicate;
import dev.floe.io.scan.Truth;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;

/**
 * Skips Parquet row groups whose footer statistics prove that a {@link ScanPredicate} keeps none
 * of their rows. Each column chunk's min/max, null count and the row count give a
 * {@link ColumnRange}; the predicate is evaluated over it with Kleene's three-valued logic
 * ({@link PredicateEvaluator}), so {@code Not}, {@code And} and {@code Or} stay sound with nulls.
 *
 * <p>Per column: flat columns of every physical and logical type Floe reads are compared with the
 * literal in the column's own order (unsigned for {@code UINT_*}, scale-aware for decimals of any
 * encoding, unsigned byte-wise for strings and binary, instants for timestamps of any unit with
 * the literal converted exactly, nanoseconds of day for times). Columns the file lacks read as all
 * null ({@code IsNull} always true, comparisons never); columns inside lists or structs, and
 * statistics that are missing or untrustworthy (see {@link StatisticsRanges}), allow anything.
 * Columns that do not come from the file (hive partition columns, file-path columns) must be named
 * in {@link #ignoring} so they are not mistaken for missing, all-null columns.
 *
 * <p>A literal of a type the column cannot be compared with (a string against an integer column)
 * raises an {@link dev.floe.errors.InvalidOperationException} naming the column and literal, on
 * the first row group that has the column.
 */
public final class StatisticsPruning implements RowGroupFilter {
  private final ScanPredicate predicate;
  private final Set<String> ignored;

  private StatisticsPruning(ScanPredicate predicate, Set<String> ignored) {
    this.predicate = Objects.requireNonNull(predicate, "predicate");
    this.ignored = Set.copyOf(ignored);
  }

  /** Pruning by {@code predicate}. */
  public static StatisticsPruning of(ScanPredicate predicate) {
    return new StatisticsPruning(predicate, Set.of());
  }

  /**
   * The same pruning with {@code columns} treated as unknown: columns the scan adds from outside
   * the file (hive partitions, file paths), whose absence from the file says nothing.
   */
  public StatisticsPruning ignoring(Set<String> columns) {
    return new StatisticsPruning(predicate, columns);
  }

  /** The predicate rows must satisfy. */
  public ScanPredicate predicate() {
    return predicate;
  }

  @Override
  public boolean mayMatch(BlockMetaData rowGroup, MessageType schema) {
    return truth(rowGroup, schema) != Truth.NEVER;
  }

  /** Whether the predicate keeps no row of {@code rowGroup}, every row, or cannot tell. */
  public Truth truth(BlockMetaData rowGroup, MessageType schema) {
    if (rowGroup.getRowCount() == 0) {
      return Truth.NEVER;
    }
    return outcomes(rowGroup, schema).truth();
  }

  /** The values the predicate may take over the rows of {@code rowGroup}. */
  public Outcomes outcomes(BlockMetaData rowGroup, MessageType schema) {
    return PredicateEvaluator.evaluate(predicate, column -> ignored.contains(column)
        ? ColumnRange.unknown(rowGroup.getRowCount())
        : StatisticsRanges.of(rowGroup, schema, column));
  }

  @Override
  public String toString() {
    return "StatisticsPruning" + predicate;
  }
}
