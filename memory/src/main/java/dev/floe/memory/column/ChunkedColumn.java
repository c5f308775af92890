package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.BoundsChecks;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A logical column made of one or more {@link Column} chunks of the same type, addressed by a
 * {@code long} row (Polars' ChunkedArray). Rows are located by binary search over the chunk start
 * rows; the last chunk found is remembered, so scanning rows in order costs O(1) per row.
 *
 * <p>Ownership: the chunked column owns its chunks and closes them on {@link #close()}
 * (idempotent). {@link #slice}, {@link #share} and {@link #append} return new handles sharing the
 * chunks' buffers zero-copy; close each. Not thread-safe (the lookup cache is plain state).
 */
public final class ChunkedColumn implements AutoCloseable {
  private final DataType type;
  private final List<Column> chunks;
  /** starts[k] is the first row of chunk k; starts[chunkCount] is the length. */
  private final long[] starts;
  private long nullCount = -1;
  private int lastChunk;
  private boolean closed;

  /**
   * Takes ownership of {@code chunks} (any number, possibly empty ones); if a chunk's type is not
   * {@code type}, closes them all and throws {@link SchemaMismatchException} naming the chunk.
   */
  public ChunkedColumn(DataType type, List<Column> chunks) {
    this.type = type;
    this.chunks = List.copyOf(chunks);
    this.starts = new long[this.chunks.size() + 1];
    for (int chunkIndex = 0; chunkIndex < this.chunks.size(); chunkIndex++) {
      Column chunk = this.chunks.get(chunkIndex);
      if (!chunk.type().equals(type)) {
        this.chunks.forEach(Column::close);
        throw new SchemaMismatchException(
            "chunk " + chunkIndex + " of a chunked column of " + type + " is of type "
                + chunk.type());
      }
      starts[chunkIndex + 1] = starts[chunkIndex] + chunk.length();
    }
  }

  /** A chunked column of one chunk; takes ownership of {@code single}. */
  public static ChunkedColumn of(Column single) {
    return new ChunkedColumn(single.type(), List.of(single));
  }

  public DataType type() {
    return type;
  }

  /** Rows over all chunks. */
  public long length() {
    return starts[starts.length - 1];
  }

  /** Nulls over all chunks (summed once, then cached). */
  public long nullCount() {
    checkOpen();
    long count = nullCount;
    if (count < 0) {
      count = 0;
      for (Column chunk : chunks) {
        count += chunk.nullCount();
      }
      nullCount = count;
    }
    return count;
  }

  /** The chunks, in row order; owned by this column, do not close them. */
  public List<Column> chunks() {
    checkOpen();
    return chunks;
  }

  public int chunkCount() {
    return chunks.size();
  }

  public boolean isNull(long row) {
    int chunkIndex = locate(row);
    return chunks.get(chunkIndex).isNull((int) (row - starts[chunkIndex]));
  }

  /** The value at {@code row} as a Java object (see {@link Column#getObject}), or null. */
  public Object getObject(long row) {
    int chunkIndex = locate(row);
    return chunks.get(chunkIndex).getObject((int) (row - starts[chunkIndex]));
  }

  /** A zero-copy view of rows {@code [offset, offset + length)}; the caller closes it. */
  public ChunkedColumn slice(long offset, long length) {
    checkOpen();
    BoundsChecks.checkRange(offset, length, length(), "chunked column of " + type);
    List<Column> sliced = new ArrayList<>();
    long end = offset + length;
    int chunkIndex = length == 0 ? chunks.size() : chunkOf(offset);
    for (; chunkIndex < chunks.size() && starts[chunkIndex] < end; chunkIndex++) {
      long chunkStart = starts[chunkIndex];
      long from = Math.max(offset, chunkStart) - chunkStart;
      long to = Math.min(end, starts[chunkIndex + 1]) - chunkStart;
      if (to > from) {
        sliced.add(chunks.get(chunkIndex).slice((int) from, (int) (to - from)));
      }
    }
    return new ChunkedColumn(type, sliced);
  }

  /** Another handle on the same chunks; the caller closes it. */
  public ChunkedColumn share() {
    checkOpen();
    return new ChunkedColumn(type, sharedChunks());
  }

  /**
   * A new handle on this column's chunks followed by {@code other}'s (both shared, neither copied
   * nor closed); the caller closes it.
   */
  public ChunkedColumn append(ChunkedColumn other) {
    checkOpen();
    other.checkOpen();
    if (!other.type.equals(type)) {
      throw new SchemaMismatchException(
          "cannot append a chunked column of " + other.type + " to one of " + type);
    }
    List<Column> combined = sharedChunks();
    combined.addAll(other.sharedChunks());
    return new ChunkedColumn(type, combined);
  }

  /**
   * One contiguous column of all rows: a share of the only chunk if there is exactly one, else a
   * copy made by {@link Concatenation}; the caller closes it.
   */
  public Column rechunk(BufferAllocator allocator) {
    checkOpen();
    if (chunks.size() == 1) {
      return chunks.get(0).share();
    }
    if (chunks.isEmpty()) {
      try (ColumnBuilder empty = ColumnBuilders.forType(type, allocator)) {
        return empty.build();
      }
    }
    return Concatenation.concat(allocator, chunks);
  }

  /** Bytes referenced by the chunks (buffers shared between chunks count once per chunk). */
  public long estimatedSize() {
    long bytes = 0;
    for (Column chunk : chunks) {
      bytes += chunk.estimatedSize();
    }
    return bytes;
  }

  /** Closes every chunk. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Column chunk : chunks) {
      chunk.close();
    }
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "ChunkedColumn[" + type + ", length=" + length() + ", chunks=" + chunks.size() + "]";
  }

  private List<Column> sharedChunks() {
    List<Column> shared = new ArrayList<>(chunks.size());
    for (Column chunk : chunks) {
      shared.add(chunk.share());
    }
    return shared;
  }

  /** The chunk holding {@code row}, checking bounds and liveness when checks are on. */
  private int locate(long row) {
    if (BoundsChecks.ENABLED) {
      checkOpen();
      if (row < 0 || row >= length()) { // the message is built only on failure
        BoundsChecks.checkIndex(row, length(), "chunked column of " + type);
      }
    }
    int cached = lastChunk;
    if (row >= starts[cached] && row < starts[cached + 1]) {
      return cached;
    }
    int found = chunkOf(row);
    lastChunk = found;
    return found;
  }

  /** The chunk holding {@code row} (0 <= row < length): the last k with starts[k] <= row. */
  private int chunkOf(long row) {
    int position = Arrays.binarySearch(starts, 0, chunks.size(), row);
    if (position < 0) {
      return -position - 2;
    }
    // Empty chunks share a start with the next one: skip to the last chunk starting at row.
    while (position + 1 < chunks.size() && starts[position + 1] == row) {
      position++;
    }
    return position;
  }

  private void checkOpen() {
    if (closed) {
      throw new InvalidOperationException(
          "chunked column of " + type + " was used after close()");
    }
  }
}
