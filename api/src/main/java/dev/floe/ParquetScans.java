package dev.floe;

import dev.floe.io.files.FileSet;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.parquet.ParquetReadOptions;
import dev.floe.io.parquet.prune.StatisticsPruning;
import dev.floe.io.scan.PartitionPruning;
import dev.floe.io.scan.ScanPredicate;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parquet reads of a lazy scan with a pending predicate: hive partitions whose values rule the
 * predicate out are not opened, and row groups whose statistics rule it out are not read
 * ({@link StatisticsPruning}, with hive and file-path columns treated as unknown). A scan with a
 * row index prunes nothing: skipped rows would shift the index.
 */
final class ParquetScans {
  private ParquetScans() {}

  static DataFrame read(String location, ParquetReadOptions options, MultiFileOptions multi, Expr predicate,
      Schema schema, List<String> fileColumns) {
    ScanPredicate pruning =
        predicate == null || options.rowIndexName() != null ? null : ScanPredicates.of(predicate, schema);
    if (pruning == null) {
      return Floe.readParquet(location, options, multi);
    }
    FileSet set = FileSet.resolve(location);
    List<Path> files = set.files();
    if (multi.hiveEnabled(set.directory())) {
      files = PartitionPruning.select(files, pruning);
    }
    if (files.isEmpty()) {
      return Floe.readParquet(location, options.withNRows(0L), multi);
    }
    Set<String> outside = new HashSet<>(schema.names());
    outside.removeAll(fileColumns);
    StatisticsPruning rowGroups = StatisticsPruning.of(pruning).ignoring(outside);
    List<DataFrame> frames = new ArrayList<>(files.size());
    try {
      for (Path file : files) {
        frames.add(ParquetFrames.read(file, options, rowGroups));
      }
    } catch (RuntimeException failure) {
      frames.forEach(DataFrame::close);
      throw failure;
    }
    return MultiFileReads.parquet(new FileSet(set.source(), files, set.directory()), frames, multi);
  }
}
