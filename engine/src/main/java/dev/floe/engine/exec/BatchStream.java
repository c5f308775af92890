package dev.floe.engine.exec;

import dev.floe.memory.column.RecordBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches of a scan in row order, produced as they are pulled: a Parquet scan decodes a row
 * group per {@link #next()}, so a consumer that stops early never reads the rest. The caller owns
 * every batch it pulls and must close the stream, which releases what the stream still holds
 * (open files, batches read but not pulled). Used from one thread at a time.
 */
public interface BatchStream extends AutoCloseable {
  /** The next batch, which the caller closes, or null when there are no more. */
  RecordBatch next();

  /** Releases the stream's resources; batches already pulled stay open. Never throws for a second call. */
  @Override
  void close();

  /** Every batch of {@code stream}, which it closes; on failure the batches pulled so far are closed. */
  static List<RecordBatch> readAll(BatchStream stream) {
    List<RecordBatch> batches = new ArrayList<>();
    try (stream) {
      for (RecordBatch batch = stream.next(); batch != null; batch = stream.next()) {
        batches.add(batch);
      }
      return batches;
    } catch (RuntimeException failure) {
      batches.forEach(RecordBatch::close);
      throw failure;
    }
  }

  /** A stream over batches already read; takes ownership of them (close releases the unpulled ones). */
  static BatchStream of(List<RecordBatch> batches) {
    return new BatchStream() {
      private final List<RecordBatch> pending = new ArrayList<>(batches);
      private int next;

      @Override
      public RecordBatch next() {
        if (next >= pending.size()) {
          return null;
        }
        RecordBatch batch = pending.get(next);
        pending.set(next++, null);
        return batch;
      }

      @Override
      public void close() {
        for (int index = next; index < pending.size(); index++) {
          pending.get(index).close();
          pending.set(index, null);
        }
        next = pending.size();
      }
    };
  }
}
