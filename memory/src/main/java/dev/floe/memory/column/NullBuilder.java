package dev.floe.memory.column;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;

/** Builds a {@link NullColumn}: it only counts, and holds no memory. */
public final class NullBuilder implements ColumnBuilder {
  private int length;

  /** The allocator is unused (a null column has no buffers); taken for a uniform signature. */
  public NullBuilder(BufferAllocator allocator) {}

  @Override
  public DataType type() {
    return DataType.NULL;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public void appendNull() {
    length++;
  }

  /** Accepts only null. */
  @Override
  public void appendObject(Object value) {
    if (value != null) {
      throw ColumnBuilders.mismatch(DataType.NULL, value);
    }
    appendNull();
  }

  @Override
  public NullColumn build() {
    NullColumn column = new NullColumn(length);
    length = 0;
    return column;
  }

  @Override
  public void close() {
    length = 0;
  }
}
