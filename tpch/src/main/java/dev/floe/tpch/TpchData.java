package dev.floe.tpch;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.Series;
import dev.floe.errors.FloeIoException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.VarBinaryBuilder;
import dev.floe.memory.types.DataType;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates the eight TPC-H tables of a scale factor with the {@code io.trino:tpch} generator (the
 * specification's dbgen, ported to Java) and writes each as {@code <table>.parquet} (zstd) with
 * Floe's writer. Types follow the benchmark's conventions: identifiers Int64, integers Int32,
 * decimals Float64, dates Date32, text Utf8; column names are the specification's ({@code
 * l_orderkey}). A table is generated in parts on all cores (one chunk, so one row group or more,
 * per part). A directory is complete once its marker file exists, so an interrupted run is redone.
 */
public final class TpchData {
  private TpchData() {}

  /** True when {@code directory} holds the complete tables of scale factor {@code scale}. */
  public static boolean generated(double scale, Path directory) {
    return Files.exists(marker(scale, directory));
  }

  private static Path marker(double scale, Path directory) {
    return directory.resolve(".tpch-sf" + scale);
  }

  /** The tables of scale factor {@code scale} in {@code directory}, generated first if missing. */
  public static Path generate(double scale, Path directory) {
    Path marker = marker(scale, directory);
    if (Files.exists(marker)) {
      return directory;
    }
    try {
      Files.createDirectories(directory);
      for (TpchTable<?> table : TpchTable.getTables()) {
        write(table, scale, directory.resolve(table.getTableName() + ".parquet"));
      }
      Files.writeString(marker, "TPC-H scale factor " + scale + ", io.trino:tpch 1.4\n");
    } catch (IOException failure) {
      throw new FloeIoException("cannot write TPC-H data to " + directory + ": " + failure.getMessage(), failure);
    }
    return directory;
  }

  private static <E extends TpchEntity> void write(TpchTable<E> table, double scale, Path file) {
    int parts = table.getTableName().equals("nation") || table.getTableName().equals("region")
        ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
    List<DataFrame> chunks = new ArrayList<>();
    BufferAllocator allocator = BufferAllocator.current();
    try (ExecutorService pool = Executors.newFixedThreadPool(parts)) {
      List<Future<DataFrame>> futures = new ArrayList<>();
      for (int part = 1; part <= parts; part++) {
        int index = part;
        futures.add(pool.submit(() -> BufferAllocator.callWith(allocator, () -> part(table, scale, index, parts))));
      }
      for (Future<DataFrame> future : futures) {
        chunks.add(future.get());
      }
      try (DataFrame whole = chunks.size() == 1 ? chunks.getFirst().clone() : Floe.concat(chunks)) {
        whole.writeParquet(file);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new FloeIoException("interrupted while generating " + file, interrupted);
    } catch (java.util.concurrent.ExecutionException failure) {
      throw new FloeIoException("cannot generate " + file + ": " + failure.getCause(), failure.getCause());
    } finally {
      chunks.forEach(DataFrame::close);
    }
  }

  /** Part {@code part} of {@code parts} of the table as a frame. */
  private static <E extends TpchEntity> DataFrame part(TpchTable<E> table, double scale, int part, int parts) {
    List<TpchColumn<E>> columns = table.getColumns();
    List<ColumnBuilder> builders = new ArrayList<>(columns.size());
    try {
      for (TpchColumn<E> column : columns) {
        builders.add(builder(column));
      }
      for (E row : table.createGenerator(scale, part, parts)) {
        for (int index = 0; index < columns.size(); index++) {
          append(columns.get(index), row, builders.get(index));
        }
      }
      List<Series> series = new ArrayList<>(columns.size());
      for (int index = 0; index < columns.size(); index++) {
        series.add(Series.fromColumn(columns.get(index).getColumnName(), builders.get(index).build()));
      }
      return DataFrame.of(series);
    } finally {
      builders.forEach(ColumnBuilder::close);
    }
  }

  private static ColumnBuilder builder(TpchColumn<?> column) {
    BufferAllocator allocator = BufferAllocator.current();
    return switch (column.getType().getBase()) {
      case IDENTIFIER -> new FixedWidthBuilder(DataType.INT64, allocator);
      case INTEGER -> new FixedWidthBuilder(DataType.INT32, allocator);
      case DOUBLE -> new FixedWidthBuilder(DataType.FLOAT64, allocator);
      case DATE -> new FixedWidthBuilder(DataType.DATE32, allocator);
      case VARCHAR -> new VarBinaryBuilder(DataType.UTF8, allocator);
    };
  }

  private static <E extends TpchEntity> void append(TpchColumn<E> column, E row, ColumnBuilder builder) {
    switch (column.getType().getBase()) {
      case IDENTIFIER -> ((FixedWidthBuilder) builder).appendLong(column.getIdentifier(row));
      case INTEGER, DATE -> ((FixedWidthBuilder) builder).appendInt(
          column.getType().getBase() == io.trino.tpch.TpchColumnType.Base.DATE ? column.getDate(row) : column.getInteger(row));
      case DOUBLE -> ((FixedWidthBuilder) builder).appendDouble(column.getDouble(row));
      case VARCHAR -> ((VarBinaryBuilder) builder).append(column.getString(row));
    }
  }
}
