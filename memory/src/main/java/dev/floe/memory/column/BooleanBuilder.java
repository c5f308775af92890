package dev.floe.memory.column;

import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;

/**
 * Builds a {@link BooleanColumn}. The values bitmap is kept zeroed beyond the appended bits, so
 * appending false or null writes no value bit. Buffers are allocated at the first append.
 */
public final class BooleanBuilder implements ColumnBuilder {
  private final BufferAllocator allocator;
  private final int initialCapacity;
  private final ValidityBuilder validity;
  private Buffer values;
  private MemorySegment bits;
  private long capacityBits;
  private int length;

  public BooleanBuilder(BufferAllocator allocator) {
    this(allocator, Growth.DEFAULT_CAPACITY);
  }

  public BooleanBuilder(BufferAllocator allocator, int initialCapacity) {
    this.allocator = allocator;
    this.initialCapacity = Math.max(initialCapacity, 1);
    this.validity = new ValidityBuilder(allocator);
  }

  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }

  @Override
  public int length() {
    return length;
  }

  public void append(boolean value) {
    int index = reserveSlot();
    if (value) {
      Bitmaps.set(bits, index);
    }
    validity.appendValid(index);
    length = index + 1;
  }

  @Override
  public void appendNull() {
    int index = reserveSlot();
    validity.appendNull(index);
    length = index + 1;
  }

  /** Accepts Boolean. */
  @Override
  public void appendObject(Object value) {
    switch (value) {
      case null -> appendNull();
      case Boolean flag -> append(flag);
      default -> throw ColumnBuilders.mismatch(DataType.BOOLEAN, value);
    }
  }

  @Override
  public BooleanColumn build() {
    if (values == null) {
      grow(1);
    }
    int nullCount = validity.nullCount();
    BooleanColumn column = new BooleanColumn(0, length, nullCount, validity.finish(length), values);
    values = null;
    bits = null;
    capacityBits = 0;
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
    bits = null;
    capacityBits = 0;
    length = 0;
  }

  private int reserveSlot() {
    int index = length;
    if (index >= capacityBits) {
      Growth.checkChunkLength(index + 1L);
      grow(Math.max(index + 1L, initialCapacity));
    }
    return index;
  }

  private void grow(long requiredBits) {
    long newBits = Growth.nextCapacity(capacityBits, requiredBits);
    values =
        Growth.grow(
            allocator, values, Bitmaps.bytesFor(capacityBits), Bitmaps.bytesFor(newBits), true);
    bits = values.segment();
    capacityBits = values.capacity() * 8;
  }
}
