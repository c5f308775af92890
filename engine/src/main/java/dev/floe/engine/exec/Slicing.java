package dev.floe.engine.exec;

import dev.floe.memory.column.RecordBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Polars' {@code slice(offset, length)} over batches in row order, without copying: a negative
 * offset counts from the end (clamped to the start), and the result is zero-copy slices of the
 * batches that hold the rows.
 */
final class Slicing {
  private Slicing() {}

  /** Takes ownership of {@code batches}; the caller owns the result. */
  static List<RecordBatch> slice(List<RecordBatch> batches, long offset, long length) {
    try {
      long total = 0;
      for (RecordBatch batch : batches) {
        total += batch.rowCount();
      }
      long start = offset >= 0 ? Math.min(offset, total) : Math.max(0, total + offset);
      long end = Math.min(total, start + length);
      List<RecordBatch> out = new ArrayList<>();
      long position = 0;
      for (RecordBatch batch : batches) {
        long batchStart = position;
        long batchEnd = position + batch.rowCount();
        position = batchEnd;
        long from = Math.max(start, batchStart);
        long to = Math.min(end, batchEnd);
        if (from < to || (out.isEmpty() && batch == batches.getLast() && start >= end)) {
          out.add(batch.slice((int) (Math.max(from, batchStart) - batchStart), (int) Math.max(0, to - from)));
        }
      }
      return out;
    } finally {
      batches.forEach(RecordBatch::close);
    }
  }
}
