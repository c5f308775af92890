package dev.floe.io.parquet;

import dev.floe.io.IoPool;
import dev.floe.io.ProgressReporter;
import dev.floe.io.parquet.read.FieldReader;
import dev.floe.io.parquet.read.ReadNode;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Runs the (row group x column) reads of a Parquet file on {@link IoPool} as the
 * {@link ParquetReadOptions.Parallel} option says. Every task runs to its end; if any failed,
 * every column built is closed and the error of the first failed task (in row group, column
 * order) is rethrown.
 */
final class RowGroupTasks {
  private final MemorySegment file;
  private final List<BlockMetaData> blocks;
  private final List<Integer> kept;
  private final List<ReadNode> nodes;
  private final BufferAllocator allocator;
  private final ProgressReporter progress;
  private final String where;
  private final Column[][] out;
  private final Throwable[][] errors;

  RowGroupTasks(MemorySegment file, List<BlockMetaData> blocks, List<Integer> kept, List<ReadNode> nodes,
      BufferAllocator allocator, ProgressReporter progress, String where) {
    this.file = file;
    this.blocks = blocks;
    this.kept = kept;
    this.nodes = nodes;
    this.allocator = allocator;
    this.progress = progress;
    this.where = where;
    this.out = new Column[kept.size()][nodes.size()];
    this.errors = new Throwable[kept.size()][nodes.size()];
  }

  /** Columns by kept row group, then projected field. */
  Column[][] run(ParquetReadOptions.Parallel parallel) {
    int groups = kept.size();
    int fields = nodes.size();
    boolean parallelWorth = IoPool.parallelism() > 1 && (long) groups * fields > 1;
    if (parallel == ParquetReadOptions.Parallel.NONE || !parallelWorth) {
      for (int group = 0; group < groups; group++) {
        for (int field = 0; field < fields; field++) {
          task(group, field);
        }
      }
    } else if (parallel == ParquetReadOptions.Parallel.COLUMNS) {
      for (int group = 0; group < groups; group++) {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int field = 0; field < fields; field++) {
          int g = group;
          int f = field;
          tasks.add(() -> task(g, f));
        }
        invoke(tasks);
      }
    } else if (parallel == ParquetReadOptions.Parallel.ROW_GROUPS) {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int group = 0; group < groups; group++) {
        int g = group;
        tasks.add(() -> {
          for (int field = 0; field < fields; field++) {
            task(g, field);
          }
          return null;
        });
      }
      invoke(tasks);
    } else {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int group = 0; group < groups; group++) {
        for (int field = 0; field < fields; field++) {
          int g = group;
          int f = field;
          tasks.add(() -> task(g, f));
        }
      }
      invoke(tasks);
    }
    for (Throwable[] row : errors) {
      for (Throwable error : row) {
        if (error != null) {
          closeAll();
          throw ParquetReader.translate(error, where);
        }
      }
    }
    return out;
  }

  private Void task(int group, int field) {
    int rowGroup = kept.get(group);
    try {
      out[group][field] = FieldReader.read(file, blocks.get(rowGroup), rowGroup, nodes.get(field), allocator,
          progress, where);
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError failure) {
      errors[group][field] = failure;
    }
    return null;
  }

  private void invoke(List<Callable<Void>> tasks) {
    try {
      for (Future<Void> future : IoPool.pool().invokeAll(tasks)) {
        future.get();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      closeAll();
      throw new dev.floe.errors.FloeIoException(where + ": interrupted", interrupted);
    } catch (ExecutionException unexpected) {
      closeAll();
      throw ParquetReader.translate(unexpected.getCause(), where);
    }
  }

  private void closeAll() {
    for (Column[] row : out) {
      for (int index = 0; index < row.length; index++) {
        if (row[index] != null) {
          row[index].close();
          row[index] = null;
        }
      }
    }
  }
}
