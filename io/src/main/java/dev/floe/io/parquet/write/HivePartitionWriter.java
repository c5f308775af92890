package dev.floe.io.parquet.write;

import dev.floe.errors.FloeIoException;
import dev.floe.io.ProgressReporter;
import dev.floe.io.parquet.ParquetWriteOptions;
import dev.floe.kernels.Cast;
import dev.floe.kernels.Gather;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Schema;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hive-partitioned Parquet output, as Polars 1.44's {@code write_parquet(partition_by=...)}: one
 * file {@code col1=v1/col2=v2/00000000.parquet} per distinct key combination, the key columns kept
 * in the files (Polars 1.44 keeps them), values as Polars casts them to text, percent-encoded
 * ({@link HivePathEncoding}), null as {@code __HIVE_DEFAULT_PARTITION__}. Rows are grouped by
 * hashing the keys ({@link GroupIds}), ordered by group with a counting sort and gathered once per
 * column, so every partition is a zero-copy slice; each file is written atomically.
 */
public final class HivePartitionWriter {
  /** The directory name part of a null key, as Hive, pyarrow and Polars write it. */
  public static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private HivePartitionWriter() {}

  /** Writes {@code columns} under {@code directory}, partitioned by {@code options.partitionBy()}. */
  public static void write(Path directory, Schema schema, List<ChunkedColumn> columns, ParquetWriteOptions options,
      BufferAllocator allocator) {
    List<Integer> keyIndexes = new ArrayList<>();
    for (String name : options.partitionBy()) {
      keyIndexes.add(schema.indexOf(name));
    }
    ProgressReporter progress = dev.floe.io.IoProgress.reporter(
        options.progress() == dev.floe.io.ProgressListener.NONE ? null : options.progress(), "write parquet", directory, -1);
    List<Column> whole = new ArrayList<>();
    List<Column> gathered = new ArrayList<>();
    Column order = null;
    try {
      for (ChunkedColumn column : columns) {
        whole.add(column.rechunk(allocator));
      }
      List<Column> keys = new ArrayList<>();
      for (int index : keyIndexes) {
        keys.add(whole.get(index));
      }
      int rows = whole.isEmpty() ? 0 : whole.getFirst().length();
      if (rows == 0) {
        return;
      }
      GroupIds groups = GroupIds.of(keys, allocator);
      int[] start = new int[groups.firstRows().length + 1];
      order = int32(countingSort(groups.ids(), start), allocator);
      for (Column column : whole) {
        gathered.add(Gather.take(column, order, allocator));
      }
      List<String> names = partitionNames(keys, options.partitionBy(), groups.firstRows(), allocator);
      Files.createDirectories(directory);
      for (int group = 0; group < names.size(); group++) {
        Path folder = directory.resolve(names.get(group));
        Files.createDirectories(folder);
        Path file = folder.resolve("00000000.parquet");
        progress.file(file);
        writeGroup(file, schema, gathered, start[group], start[group + 1] - start[group], options, progress);
      }
      progress.finish();
    } catch (IOException failure) {
      throw new FloeIoException("cannot write partitioned Parquet dataset " + directory + ": " + failure.getMessage(),
          failure);
    } finally {
      whole.forEach(Column::close);
      gathered.forEach(Column::close);
      if (order != null) {
        order.close();
      }
    }
  }

  private static void writeGroup(Path file, Schema schema, List<Column> gathered, int start, int count,
      ParquetWriteOptions options, ProgressReporter progress) {
    List<ChunkedColumn> slices = new ArrayList<>();
    try {
      for (Column column : gathered) {
        slices.add(ChunkedColumn.of(column.slice(start, count)));
      }
      ParquetWriter.write(file, schema, slices, options, progress, false);
    } finally {
      slices.forEach(ChunkedColumn::close);
    }
  }

  /** Row indices ordered by group id (stable); {@code start[g]} is where group g begins. */
  static int[] countingSort(int[] ids, int[] start) {
    for (int id : ids) {
      start[id + 1]++;
    }
    for (int group = 1; group < start.length; group++) {
      start[group] += start[group - 1];
    }
    int[] next = start.clone();
    int[] order = new int[ids.length];
    for (int row = 0; row < ids.length; row++) {
      order[next[ids[row]]++] = row;
    }
    return order;
  }

  /** {@code k1=v1/k2=v2} of each group, from its first row's keys cast to text as Polars does. */
  private static List<String> partitionNames(List<Column> keys, List<String> names, int[] firstRows,
      BufferAllocator allocator) {
    List<String> paths = new ArrayList<>();
    for (int group = 0; group < firstRows.length; group++) {
      paths.add("");
    }
    try (Column firsts = int32(firstRows, allocator)) {
      for (int key = 0; key < keys.size(); key++) {
        try (Column values = Gather.take(keys.get(key), firsts, allocator);
            Column text = values.type().isString() && values instanceof VarBinaryColumn
                ? values.share() : Cast.cast(values, DataType.UTF8, false, allocator)) {
          for (int group = 0; group < firstRows.length; group++) {
            String value = text.isNull(group) ? NULL_PARTITION
                : HivePathEncoding.encode((String) text.getObject(group));
            String part = HivePathEncoding.encode(names.get(key)) + "=" + value;
            paths.set(group, paths.get(group).isEmpty() ? part : paths.get(group) + "/" + part);
          }
        }
      }
    }
    return paths;
  }

  private static Column int32(int[] values, BufferAllocator allocator) {
    Buffer buffer = allocator.allocate(Math.max(1L, values.length) * Integer.BYTES);
    MemorySegment.copy(values, 0, buffer.segment(), ValueLayout.JAVA_INT_UNALIGNED, 0, values.length);
    return new FixedWidthColumn(DataType.INT32, 0, values.length, 0, null, buffer);
  }
}
