package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Layout;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * Builds a {@link VarBinaryColumn} of Utf8, LargeUtf8, Binary or LargeBinary: a growing data
 * buffer, an offsets buffer starting at 0 and, once a null is seen, a validity bitmap. A null takes
 * no data bytes (its offset repeats the previous one). Buffers are allocated at the first append.
 */
public final class VarBinaryBuilder implements ColumnBuilder {
  private final DataType type;
  private final ValidityBuilder validity;
  private final OffsetsBuilder offsets;
  private final BytesBuilder data;

  public VarBinaryBuilder(DataType type, BufferAllocator allocator) {
    this(type, allocator, Growth.DEFAULT_CAPACITY);
  }

  /** Makes room for {@code initialCapacity} values (and 8 data bytes per value) at first. */
  public VarBinaryBuilder(DataType type, BufferAllocator allocator, int initialCapacity) {
    Layout layout = type.layout();
    if (layout != Layout.VARIABLE && layout != Layout.LARGE_VARIABLE) {
      throw new InvalidOperationException(
          type + " is not a variable-length string or binary type (utf8, binary, large variants)");
    }
    this.type = type;
    this.validity = new ValidityBuilder(allocator);
    this.offsets =
        new OffsetsBuilder(
            allocator, layout == Layout.LARGE_VARIABLE, type.toString(), initialCapacity);
    this.data = new BytesBuilder(allocator, Math.max(initialCapacity, 1) * 8L);
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public int length() {
    return offsets.valueCount();
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
    int index = length();
    offsets.checkEnd(data.size() + value.length);
    data.append(value);
    offsets.append(data.size());
    validity.appendValid(index);
  }

  /** Appends a copy of {@code length} bytes of {@code source} from byte {@code offset}. */
  public void append(MemorySegment source, long offset, int length) {
    int index = length();
    offsets.checkEnd(data.size() + length);
    data.append(source, offset, length);
    offsets.append(data.size());
    validity.appendValid(index);
  }

  @Override
  public void appendNull() {
    int index = length();
    offsets.append(offsets.last());
    validity.appendNull(index);
  }

  /** Accepts String for string types and byte[] for binary types. */
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
  public VarBinaryColumn build() {
    int length = length();
    int nullCount = validity.nullCount();
    return new VarBinaryColumn(
        type, 0, length, nullCount, validity.finish(length), offsets.finish(), data.finish());
  }

  @Override
  public void close() {
    validity.close();
    offsets.close();
    data.close();
  }
}
