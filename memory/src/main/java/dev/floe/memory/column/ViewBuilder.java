package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Layout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ViewColumn} of Utf8View or BinaryView. Values of at most 12 bytes go inline into
 * their view; longer ones are appended to the current data block, and a value that does not fit
 * the block's remaining room starts a new block. Blocks are never reallocated (views point into
 * them), so growing costs no copy: the first is {@value #FIRST_BLOCK_BYTES} bytes and each next one
 * doubles up to {@value #MAX_BLOCK_BYTES} (as Arrow and Polars do), or is as large as one value
 * that needs more. Unused view bytes are zero, so equal values have equal views.
 */
public final class ViewBuilder implements ColumnBuilder {
  static final int FIRST_BLOCK_BYTES = 32 * 1024;
  static final int MAX_BLOCK_BYTES = 16 * 1024 * 1024;

  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private final DataType type;
  private final BufferAllocator allocator;
  private final int initialCapacity;
  private final ValidityBuilder validity;
  private final List<Buffer> blocks = new ArrayList<>();
  private Buffer views;
  private MemorySegment viewSegment;
  private int capacity;
  private int length;
  private MemorySegment block;
  private long blockUsed;
  private int nextBlockBytes = FIRST_BLOCK_BYTES;

  public ViewBuilder(DataType type, BufferAllocator allocator) {
    this(type, allocator, Growth.DEFAULT_CAPACITY);
  }

  public ViewBuilder(DataType type, BufferAllocator allocator, int initialCapacity) {
    if (type.layout() != Layout.VIEW) {
      throw new InvalidOperationException(type + " is not a view type (Utf8View or BinaryView)");
    }
    this.type = type;
    this.allocator = allocator;
    this.initialCapacity = Math.max(initialCapacity, 1);
    this.validity = new ValidityBuilder(allocator);
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public int length() {
    return length;
  }

  /** Appends the UTF-8 bytes of {@code value}; null appends a null. */
  public void append(String value) {
    if (value == null) {
      appendNull();
      return;
    }
    append(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends a copy of {@code value}; null appends a null. */
  public void append(byte[] value) {
    if (value == null) {
      appendNull();
      return;
    }
    append(MemorySegment.ofArray(value), 0, value.length);
  }

  /** Appends a copy of {@code length} bytes of {@code source} from byte {@code offset}. */
  public void append(MemorySegment source, long offset, int length) {
    if (length < 0) {
      throw new InvalidOperationException("cannot append a negative length (" + length + ")");
    }
    int index = reserveSlot();
    long view = (long) index * ViewColumn.VIEW_SIZE;
    viewSegment.set(LONG, view, 0L);
    viewSegment.set(LONG, view + 8, 0L);
    viewSegment.set(INT, view, length);
    if (length <= ViewColumn.MAX_INLINE) {
      MemorySegment.copy(source, offset, viewSegment, view + 4, length);
    } else {
      ensureBlockRoom(length);
      MemorySegment.copy(source, offset, block, blockUsed, length);
      MemorySegment.copy(source, offset, viewSegment, view + 4, 4);
      viewSegment.set(INT, view + 8, blocks.size() - 1);
      viewSegment.set(INT, view + 12, (int) blockUsed);
      blockUsed += length;
    }
    validity.appendValid(index);
    this.length = index + 1;
  }

  @Override
  public void appendNull() {
    int index = reserveSlot();
    long view = (long) index * ViewColumn.VIEW_SIZE;
    viewSegment.set(LONG, view, 0L);
    viewSegment.set(LONG, view + 8, 0L);
    validity.appendNull(index);
    length = index + 1;
  }

  /** Accepts String for Utf8View and byte[] for BinaryView. */
  @Override
  public void appendObject(Object value) {
    switch (value) {
      case null -> appendNull();
      case String text when type.isString() -> append(text);
      case byte[] bytes when !type.isString() -> append(bytes);
      default -> throw ColumnBuilders.mismatch(type, value);
    }
  }

  @Override
  public ViewColumn build() {
    if (views == null) {
      grow(1);
    }
    int nullCount = validity.nullCount();
    ViewColumn column =
        new ViewColumn(
            type, 0, length, nullCount, validity.finish(length), views, new ArrayList<>(blocks));
    views = null;
    viewSegment = null;
    capacity = 0;
    length = 0;
    blocks.clear();
    block = null;
    blockUsed = 0;
    nextBlockBytes = FIRST_BLOCK_BYTES;
    return column;
  }

  @Override
  public void close() {
    validity.close();
    if (views != null) {
      views.release();
    }
    for (Buffer data : blocks) {
      data.release();
    }
    views = null;
    viewSegment = null;
    capacity = 0;
    length = 0;
    blocks.clear();
    block = null;
    blockUsed = 0;
  }

  private int reserveSlot() {
    int index = length;
    if (index == capacity) {
      grow(Math.max(index + 1L, initialCapacity));
    }
    return index;
  }

  private void grow(long required) {
    long newCapacity = Growth.nextSlotCapacity(capacity, required);
    views =
        Growth.grow(
            allocator, views, (long) length * ViewColumn.VIEW_SIZE,
            newCapacity * ViewColumn.VIEW_SIZE, false);
    viewSegment = views.segment();
    capacity = (int) newCapacity;
  }

  private void ensureBlockRoom(int needed) {
    if (block != null && blockUsed + needed <= block.byteSize()) {
      return;
    }
    Buffer fresh = allocator.allocate(Math.max(nextBlockBytes, needed));
    blocks.add(fresh);
    block = fresh.segment();
    blockUsed = 0;
    nextBlockBytes = Math.min(nextBlockBytes * 2, MAX_BLOCK_BYTES);
  }
}
