package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link DictionaryColumn}: each distinct value is appended once to the dictionary (in
 * first-seen order) and every row stores the index of its value. Distinct values are found with a
 * HashMap keyed by the Java value (integers compared as Long, floats as Double, decimals by value,
 * byte arrays by content). A null row is a null index; the dictionary never holds null. Each
 * {@link #build()} starts a new dictionary.
 */
public final class DictionaryBuilder implements ColumnBuilder {
  private final DataType.Dictionary type;
  private final ColumnBuilder dictionary;
  private final FixedWidthBuilder indices;
  private final long maxDistinct;
  private final Map<Object, Integer> indexByValue = new HashMap<>();

  public DictionaryBuilder(DataType.Dictionary type, BufferAllocator allocator) {
    this(type, allocator, Growth.DEFAULT_CAPACITY);
  }

  public DictionaryBuilder(
      DataType.Dictionary type, BufferAllocator allocator, int initialCapacity) {
    this.type = type;
    this.maxDistinct = maxDistinct(type.indexType());
    this.indices = new FixedWidthBuilder(type.indexType(), allocator, initialCapacity);
    ColumnBuilder values;
    try {
      values = ColumnBuilders.forType(type.valueType(), allocator);
    } catch (RuntimeException failure) {
      indices.close();
      throw failure;
    }
    this.dictionary = values;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public int length() {
    return indices.length();
  }

  /** Distinct values seen since the last build. */
  public int dictionarySize() {
    return dictionary.length();
  }

  @Override
  public void appendNull() {
    indices.appendNull();
  }

  /**
   * Appends {@code value}, adding it to the dictionary if it is new.
   *
   * @throws InvalidOperationException if a new value would need an index beyond the index type
   */
  @Override
  public void appendObject(Object value) {
    if (value == null) {
      appendNull();
      return;
    }
    Object key = key(value);
    Integer index = indexByValue.get(key);
    if (index == null) {
      int next = dictionary.length();
      if (next >= maxDistinct) {
        throw new InvalidOperationException(
            "a column of " + type + " with " + type.indexType() + " indices holds at most "
                + maxDistinct + " distinct values; value " + value
                + " would be one more (use a wider index type)");
      }
      dictionary.appendObject(value);
      index = next;
      indexByValue.put(key, index);
    }
    appendIndex(index);
  }

  @Override
  public DictionaryColumn build() {
    Column values = dictionary.build();
    FixedWidthColumn built = indices.build();
    indexByValue.clear();
    int nullCount = built.nullCount();
    Buffer validity = built.validity() == null ? null : built.validity().retain();
    Buffer indexBuffer = built.valuesBuffer().retain();
    int length = built.length();
    built.close();
    return new DictionaryColumn(type, 0, length, nullCount, validity, indexBuffer, values);
  }

  @Override
  public void close() {
    indices.close();
    dictionary.close();
    indexByValue.clear();
  }

  private void appendIndex(int index) {
    switch (type.indexType().byteWidth()) {
      case 1 -> indices.appendByte((byte) index);
      case 2 -> indices.appendShort((short) index);
      case 4 -> indices.appendInt(index);
      default -> indices.appendLong(index);
    }
  }

  /** A key whose equals/hashCode match equality of the stored values. */
  static Object key(Object value) {
    return switch (value) {
      case Byte number -> number.longValue();
      case Short number -> number.longValue();
      case Integer number -> number.longValue();
      case Float number -> number.doubleValue();
      case BigDecimal number -> number.stripTrailingZeros();
      case byte[] bytes -> ByteBuffer.wrap(bytes.clone());
      default -> value;
    };
  }

  static long maxDistinct(DataType indexType) {
    return switch (indexType) {
      case DataType.Int8 t -> 1L << 7;
      case DataType.UInt8 t -> 1L << 8;
      case DataType.Int16 t -> 1L << 15;
      case DataType.UInt16 t -> 1L << 16;
      default -> Growth.MAX_CHUNK_VALUES;
    };
  }
}
