package dev.floe.engine.exec;

import dev.floe.memory.column.RecordBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Polars' {@code slice(offset, length)} over batches in row order, without copying: a negative
 * offset counts from the end, the range {@code [offset, offset + length)} is then clamped to the
 * rows (rows before the first count towards the length: {@code slice(-10, 3)} of 5 rows is empty),
 * and the result is zero-copy slices of the batches that hold the rows.
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
      // Polars' slice_offsets: the end is offset + length before clamping, so a negative offset
      // before the first row shortens the slice (slice(-10, 3) of 5 rows is empty)
      long rawStart = offset >= 0 ? offset : total + offset;
      long rawEnd = rawStart > Long.MAX_VALUE - length ? Long.MAX_VALUE : rawStart + length;
      long start = Math.clamp(rawStart, 0, total);
      long end = Math.clamp(rawEnd, 0, total);
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
