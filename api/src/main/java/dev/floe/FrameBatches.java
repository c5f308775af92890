package dev.floe;

import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A frame as record batches for the engine: one batch per chunk when every column has the same
 * chunk boundaries (a frame read from Parquet row groups or IPC record batches), buffers shared;
 * otherwise one batch of the rechunked columns.
 */
final class FrameBatches {
  private FrameBatches() {}

  /** New batches on {@code frame}'s buffers; the caller closes them. */
  static List<RecordBatch> of(DataFrame frame) {
    Schema schema = frame.schema();
    if (frame.width() == 0) {
      return frame.height() == 0 ? List.of()
          : List.of(new RecordBatch(schema, List.of(), Math.toIntExact(frame.height())));
    }
    if (!alignedChunks(frame)) {
      return List.of(FrameExpressions.toBatch(frame));
    }
    int chunks = frame.owned(0).column().chunkCount();
    List<RecordBatch> batches = new ArrayList<>(chunks);
    try {
      for (int chunk = 0; chunk < chunks; chunk++) {
        List<Column> columns = new ArrayList<>(frame.width());
        for (int index = 0; index < frame.width(); index++) {
          columns.add(frame.owned(index).column().chunks().get(chunk).share());
        }
        batches.add(new RecordBatch(schema, columns, columns.getFirst().length()));
      }
      return batches;
    } catch (RuntimeException failure) {
      batches.forEach(RecordBatch::close);
      throw failure;
    }
  }

  private static boolean alignedChunks(DataFrame frame) {
    ChunkedColumn first = frame.owned(0).column();
    for (int index = 1; index < frame.width(); index++) {
      ChunkedColumn other = frame.owned(index).column();
      if (other.chunkCount() != first.chunkCount()) {
        return false;
      }
      for (int chunk = 0; chunk < first.chunkCount(); chunk++) {
        if (other.chunks().get(chunk).length() != first.chunks().get(chunk).length()) {
          return false;
        }
      }
    }
    return true;
  }

  /** A frame of the batches' rows with {@code schema} (also when there are no batches); closes the batches. */
  static DataFrame toFrame(Schema schema, List<RecordBatch> batches) {
    try {
      return BatchFrames.of(schema, batches);
    } finally {
      batches.forEach(RecordBatch::close);
    }
  }
}
