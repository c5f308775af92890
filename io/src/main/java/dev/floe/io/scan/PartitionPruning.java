package dev.floe.io.scan;

import dev.floe.io.files.HivePartitions;
import dev.floe.memory.types.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Skips the files of a hive-partitioned data set whose partition values cannot satisfy a
 * predicate. Predicates on partition columns are decided exactly from each file's values (typed
 * as {@link HivePartitions} infers them: integers, floats, dates, strings, nulls); predicates on
 * any other column may take any value, so a file is skipped only when the partition columns alone
 * rule it out. A literal whose type cannot compare with a partition column's type raises an
 * {@link dev.floe.errors.InvalidOperationException} naming the column and literal.
 */
public final class PartitionPruning {
  private PartitionPruning() {}

  /** The files of {@code files} that may hold rows {@code predicate} keeps, in their order. */
  public static List<Path> select(List<Path> files, ScanPredicate predicate) {
    return select(files, HivePartitions.of(files), predicate);
  }

  /**
   * The files that may hold rows {@code predicate} keeps, given their parsed partitions.
   *
   * @param partitions {@code HivePartitions.of(files)} (one value row per file, same order)
   */
  public static List<Path> select(List<Path> files, HivePartitions partitions, ScanPredicate predicate) {
    if (partitions.values().size() != files.size()) {
      throw new IllegalArgumentException("partitions of " + partitions.values().size()
          + " files given for " + files.size() + " files");
    }
    List<Path> kept = new ArrayList<>();
    for (int file = 0; file < files.size(); file++) {
      if (evaluate(partitions, file, predicate).canTrue()) {
        kept.add(files.get(file));
      }
    }
    return kept;
  }

  /**
   * The values {@code predicate} may take over the rows of file number {@code file}, treating it
   * as a group of rows of unknown size that all share the file's partition values.
   */
  public static Outcomes evaluate(HivePartitions partitions, int file, ScanPredicate predicate) {
    List<Object> values = partitions.values().get(file);
    return PredicateEvaluator.evaluate(predicate, column -> {
      int key = partitions.names().indexOf(column);
      if (key < 0) {
        return ColumnRange.unknown(1);
      }
      return range(partitions.types().get(key), values.get(key));
    });
  }

  /**
   * A file's value of one partition column. A null value (the default partition) is all-null
   * whatever the column's type, so a column that is null in every file accepts any literal, as
   * Polars' null-typed column does; literals are still checked against files with values.
   */
  private static ColumnRange range(DataType type, Object value) {
    if (value == null) {
      return ColumnRange.allNull(1);
    }
    if (type instanceof DataType.Int64) {
      return ColumnRange.exact(ValueKind.NUMBER, "i64", BigDecimal.valueOf((Long) value), 1);
    }
    if (type instanceof DataType.Float64) {
      return ColumnRange.exact(ValueKind.FLOAT64, "f64", value, 1);
    }
    if (type instanceof DataType.Date32) {
      return ColumnRange.exact(ValueKind.TEMPORAL, "date", ValueKind.epochNanos((LocalDate) value), 1);
    }
    if (type instanceof DataType.BooleanType) {
      return ColumnRange.exact(ValueKind.BOOLEAN, "bool", value, 1);
    }
    if (type instanceof DataType.Timestamp) {
      return ColumnRange.exact(ValueKind.TEMPORAL, type.toString(), ValueKind.epochNanos(value), 1);
    }
    return ColumnRange.exact(ValueKind.STRING, "str",
        ((String) value).getBytes(StandardCharsets.UTF_8), 1);
  }
}
