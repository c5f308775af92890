package dev.floe;

import dev.floe.io.parquet.ParquetWriteOptions;
import dev.floe.io.parquet.write.HivePartitionWriter;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parquet writing for {@link DataFrame#writeParquet}: one file, or hive partitions. */
final class ParquetWrites {
  private ParquetWrites() {}

  static void write(DataFrame frame, Path path, ParquetWriteOptions options) {
    List<ChunkedColumn> columns = new ArrayList<>();
    for (Series series : frame.getColumns()) {
      columns.add(series.column());
    }
    if (options.partitionBy().isEmpty()) {
      ParquetWriter.write(path, frame.schema(), columns, options);
    } else {
      HivePartitionWriter.write(path, frame.schema(), columns, options, BufferAllocator.current());
    }
  }
}
