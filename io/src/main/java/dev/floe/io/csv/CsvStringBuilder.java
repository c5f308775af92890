package dev.floe.io.csv;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A Utf8 column builder for the CSV reader's hot path: most fields are a few bytes, so a field is
 * copied with two unaligned 8-byte loads and stores (the buffer keeps 16 bytes of slack past the
 * data, and the source must have 16 readable bytes) instead of a bulk {@code MemorySegment.copy}
 * call, and the int32 offsets and the validity bitmap are plain stores. The validity bitmap exists
 * only once a null arrives. Builds the same {@link VarBinaryColumn} as the general builder.
 */
final class CsvStringBuilder implements ColumnBuilder {
  private static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final long SLACK = 16;
  /** The most values of one column chunk (as the memory module's builders). */
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private final DataType type;
  private final BufferAllocator allocator;
  private Buffer offsets;
  private MemorySegment offsetSegment;
  private long offsetCapacity;
  private Buffer data;
  private MemorySegment dataSegment;
  private long dataCapacity;
  private long size;
  private Buffer validity;
  private int length;
  private int nullCount;
  /** {@link #nullCount} before the value being ended (equal: that value is valid). */
  private int nullsBefore;

  CsvStringBuilder(DataType type, BufferAllocator allocator, int rows) {
    this.type = type;
    this.allocator = allocator;
    long values = Math.max(rows, 64);
    try {
      offsets = allocator.allocate((values + 1) * 4);
      offsetSegment = offsets.segment();
      offsetCapacity = values;
      data = allocator.allocate(values * 8 + SLACK);
      dataSegment = data.segment();
      dataCapacity = data.capacity() - SLACK;
    } catch (RuntimeException failure) {
      close();
      throw failure;
    }
    offsetSegment.set(INT, 0, 0);
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public int length() {
    return length;
  }

  /** Appends the bytes {@code [start, start + count)} of {@code source} (valid UTF-8). */
  void append(MemorySegment source, long start, int count) {
    long newSize = size + count;
    if (newSize > Integer.MAX_VALUE) {
      throw new InvalidOperationException("a column of " + type + " holds at most "
          + Integer.MAX_VALUE + " bytes or values in one chunk (int32 offsets); use its large"
          + " variant or a chunked column");
    }
    if (newSize > dataCapacity) {
      growData(newSize);
    }
    if (count <= 16 && start + 16 <= source.byteSize()) {
      dataSegment.set(WORD, size, source.get(WORD, start));
      dataSegment.set(WORD, size + 8, source.get(WORD, start + 8));
    } else {
      MemorySegment.copy(source, start, dataSegment, size, count);
    }
    size = newSize;
    endValue();
  }

  /**
   * Appends {@code count} valid values, value i being the bytes {@code [starts[from + i],
   * starts[from + i] + lengths[from + i])} of {@code source} (valid UTF-8): {@link #append} with one capacity check per batch.
   */
  void appendAll(MemorySegment source, long[] starts, int[] lengths, int from, int count) {
    long total = 0;
    for (int index = from; index < from + count; index++) {
      total += lengths[index];
    }
    long newSize = size + total;
    if (newSize > Integer.MAX_VALUE) {
      append(source, starts[from], lengths[from]); // fails with the message of a single append
    }
    if (newSize > dataCapacity) {
      growData(newSize);
    }
    while ((long) length + count > offsetCapacity) {
      growOffsets();
    }
    if (validity != null) {
      Bitmaps.setRange(validity.segment(), length, count);
    }
    long sourceSize = source.byteSize();
    long at = size;
    int values = length;
    for (int index = from; index < from + count; index++) {
      long start = starts[index];
      int bytes = lengths[index];
      // up to 64 bytes as 16-byte steps of two words (the last step may copy up to 15 bytes too
      // many, into the slack or the next value's place)
      if (bytes <= 64 && start + ((bytes + 15) & ~15) <= sourceSize) {
        for (int copied = 0; copied < bytes; copied += 16) {
          dataSegment.set(WORD, at + copied, source.get(WORD, start + copied));
          dataSegment.set(WORD, at + copied + 8, source.get(WORD, start + copied + 8));
        }
      } else {
        MemorySegment.copy(source, start, dataSegment, at, bytes);
      }
      at += bytes;
      values++;
      offsetSegment.set(INT, (long) values << 2, (int) at);
    }
    size = at;
    length = values;
    nullsBefore = nullCount;
  }

  /**
   * Makes room for {@code bytes} more value bytes in one step (no regrowth copies, no pages touched
   * twice), for a caller that has estimated the chunk's string bytes; does nothing if they fit.
   */
  void reserve(long bytes) {
    long required = Math.min(size + bytes, Integer.MAX_VALUE);
    if (required > dataCapacity) {
      growData(required);
    }
  }

  @Override
  public void appendNull() {
    if (validity == null) {
      validity = allocator.allocateZeroed(Bitmaps.bytesFor(offsetCapacity));
      Bitmaps.setRange(validity.segment(), 0, length);
    }
    nullCount++;
    endValue();
  }

  @Override
  public void appendObject(Object value) {
    switch (value) {
      case null -> appendNull();
      case String text -> {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        append(MemorySegment.ofArray(bytes), 0, bytes.length);
      }
      default -> throw new InvalidOperationException(
          "cannot append a " + value.getClass().getSimpleName() + " to a " + type + " column");
    }
  }

  /** Value {@code length} ends at {@code size}; valid unless {@link #appendNull} counted it. */
  private void endValue() {
    if (length == offsetCapacity) {
      growOffsets();
    }
    if (validity != null && nullCount == nullsBefore) {
      Bitmaps.set(validity.segment(), length);
    }
    nullsBefore = nullCount;
    length++;
    offsetSegment.set(INT, (long) length << 2, (int) size);
  }

  @Override
  public VarBinaryColumn build() {
    Buffer bits = nullCount > 0 ? validity : null;
    if (bits == null && validity != null) {
      validity.release();
    }
    Buffer finishedOffsets = offsets;
    Buffer finishedData = data;
    offsets = null;
    data = null;
    validity = null;
    return new VarBinaryColumn(type, 0, length, nullCount, bits, finishedOffsets, finishedData);
  }

  @Override
  public void close() {
    for (Buffer buffer : new Buffer[] {offsets, data, validity}) {
      if (buffer != null) {
        buffer.release();
      }
    }
    offsets = null;
    data = null;
    validity = null;
  }

  private void growData(long required) {
    long capacity = Math.min(Math.max(required, dataCapacity * 2), Integer.MAX_VALUE);
    Buffer grown = allocator.allocate(capacity + SLACK);
    MemorySegment.copy(dataSegment, 0, grown.segment(), 0, size);
    data.release();
    data = grown;
    dataSegment = grown.segment();
    dataCapacity = capacity;
  }

  private void growOffsets() {
    if (length + 1L > MAX_VALUES) {
      throw new InvalidOperationException("a column chunk holds at most " + MAX_VALUES
          + " values, not " + (length + 1L) + "; use a chunked column");
    }
    long capacity = Math.min(offsetCapacity * 2, MAX_VALUES);
    Buffer grown = allocator.allocate((capacity + 1) * 4);
    MemorySegment.copy(offsetSegment, 0, grown.segment(), 0, (length + 1L) * 4);
    offsets.release();
    offsets = grown;
    offsetSegment = grown.segment();
    if (validity != null) {
      Buffer bits = allocator.allocateZeroed(Bitmaps.bytesFor(capacity));
      MemorySegment.copy(validity.segment(), 0, bits.segment(), 0, Bitmaps.bytesFor(length));
      validity.release();
      validity = bits;
    }
    offsetCapacity = capacity;
  }
}
