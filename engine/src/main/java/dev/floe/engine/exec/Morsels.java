package dev.floe.engine.exec;

import dev.floe.memory.column.RecordBatch;
import java.util.ArrayList;
import java.util.List;

/** Cuts batches into morsels: zero-copy slices of at most a given number of rows, in order. */
final class Morsels {
  /** Rows per morsel: large enough that per-morsel overhead vanishes, small enough to balance threads. */
  static final int DEFAULT_ROWS = 65_536;

  private Morsels() {}

  /** Slices of {@code batches} of at most {@code rows} rows; takes ownership of {@code batches}. */
  static List<RecordBatch> split(List<RecordBatch> batches, int rows) {
    List<RecordBatch> morsels = new ArrayList<>();
    try {
      for (RecordBatch batch : batches) {
        if (batch.rowCount() <= rows) {
          morsels.add(batch);
          continue;
        }
        for (int offset = 0; offset < batch.rowCount(); offset += rows) {
          morsels.add(batch.slice(offset, Math.min(rows, batch.rowCount() - offset)));
        }
        batch.close();
      }
      return morsels;
    } catch (RuntimeException failure) {
      morsels.forEach(RecordBatch::close);
      batches.forEach(RecordBatch::close);
      throw failure;
    }
  }
}
