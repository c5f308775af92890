package dev.floe.memory.column;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Builds a {@link FixedSizeBinaryColumn}: every value has exactly the type's byte width; a null
 * slot is zero-filled. Buffers are allocated at the first append.
 */
public final class FixedSizeBinaryBuilder implements ColumnBuilder {
  private final DataType.FixedSizeBinary type;
  private final BufferAllocator allocator;
  private final int width;
  private final int initialCapacity;
  private final ValidityBuilder validity;
  private Buffer values;
  private MemorySegment segment;
  private int capacity;
  private int length;

  public FixedSizeBinaryBuilder(DataType.FixedSizeBinary type, BufferAllocator allocator) {
    this(type, allocator, Growth.DEFAULT_CAPACITY);
  }

  public FixedSizeBinaryBuilder(
      DataType.FixedSizeBinary type, BufferAllocator allocator, int initialCapacity) {
    this.type = type;
    this.allocator = allocator;
    this.width = type.byteWidth();
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

  /**
   * Appends a copy of {@code value}; null appends a null.
   *
   * @throws SchemaMismatchException if {@code value} is not exactly the type's width
   */
  public void append(byte[] value) {
    if (value == null) {
      appendNull();
      return;
    }
    if (value.length != width) {
      throw new SchemaMismatchException(
          "a value of " + value.length + " bytes does not fit a column of " + type
              + " (exactly " + width + " bytes each)");
    }
    int index = reserveSlot();
    MemorySegment.copy(value, 0, segment, ValueLayout.JAVA_BYTE, (long) index * width, width);
    validity.appendValid(index);
    length = index + 1;
  }

  @Override
  public void appendNull() {
    int index = reserveSlot();
    segment.asSlice((long) index * width, width).fill((byte) 0);
    validity.appendNull(index);
    length = index + 1;
  }

  /** Accepts byte[] of exactly the type's width. */
  @Override
  public void appendObject(Object value) {
    switch (value) {
      case null -> appendNull();
      case byte[] bytes -> append(bytes);
      default -> throw ColumnBuilders.mismatch(type, value);
    }
  }

  @Override
  public FixedSizeBinaryColumn build() {
    if (values == null) {
      grow(1);
    }
    int nullCount = validity.nullCount();
    FixedSizeBinaryColumn column =
        new FixedSizeBinaryColumn(type, 0, length, nullCount, validity.finish(length), values);
    values = null;
    segment = null;
    capacity = 0;
    length = 0;
    return column;
  }

  @Override
  public void close() {
    validity.close();
    if (values != null) {
      values.release();
    }
    values = null;
    segment = null;
    capacity = 0;
    length = 0;
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
    values = Growth.grow(allocator, values, (long) length * width, newCapacity * width, false);
    segment = values.segment();
    capacity = (int) newCapacity;
  }
}
