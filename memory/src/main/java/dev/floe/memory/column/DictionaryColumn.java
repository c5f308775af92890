package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Dictionary-encoded values (Polars' categorical): integer indices into a dictionary column.
 * Buffers: validity, indices (laid out as the index type's fixed-width values); one child, the
 * dictionary, kept whole and shared by slices.
 *
 * <p>A slot is null per this column's own validity; a valid index that points at a null
 * dictionary value reads as null through {@link #getObject} but is not counted by
 * {@link #nullCount()} (Arrow's logical nulls would count it; this column reports physical ones).
 */
public final class DictionaryColumn extends AbstractColumn implements Column {
  private final DataType indexType;
  private final int indexWidth;
  private final MemorySegment indices;
  private final Column dictionary;

  /**
   * Takes ownership of one reference to {@code validity} (nullable), {@code indices} and of
   * {@code dictionary}; releases them and throws if the dictionary's type or the indices buffer
   * size does not fit.
   */
  public DictionaryColumn(
      DataType.Dictionary type, int offset, int length, int nullCount, Buffer validity,
      Buffer indices, Column dictionary) {
    super(type, offset, length, nullCount, List.of(dictionary), validity, indices);
    this.indexType = type.indexType();
    this.indexWidth = indexType.byteWidth();
    this.dictionary = dictionary;
    this.indices = indices.segment();
    if (!type.valueType().equals(dictionary.type())) {
      close();
      throw new SchemaMismatchException(
          "a column of " + type + " needs a dictionary of " + type.valueType() + ", got "
              + dictionary.type());
    }
    long requiredBytes = (offset + (long) length) * indexWidth;
    if (indices.capacity() < requiredBytes) {
      close();
      throw new InvalidOperationException(
          "column of " + type + " with offset " + offset + " and length " + length + " needs "
              + requiredBytes + " bytes of " + indexType + " indices, but the buffer holds "
              + indices.capacity());
    }
  }

  /**
   * The dictionary index at {@code index}, read at the index type's width (unsigned types
   * zero-extended), regardless of validity.
   *
   * @throws InvalidOperationException if a 32- or 64-bit index does not fit an int
   */
  public int getIndex(int index) {
    checkAccess(index);
    long slot = offset + (long) index;
    long value =
        switch (indexType) {
          case DataType.Int8 t -> indices.get(ValueLayout.JAVA_BYTE, slot);
          case DataType.UInt8 t -> Byte.toUnsignedLong(indices.get(ValueLayout.JAVA_BYTE, slot));
          case DataType.Int16 t -> indices.get(ValueLayout.JAVA_SHORT_UNALIGNED, slot << 1);
          case DataType.UInt16 t ->
              Short.toUnsignedLong(indices.get(ValueLayout.JAVA_SHORT_UNALIGNED, slot << 1));
          case DataType.Int32 t -> indices.get(ValueLayout.JAVA_INT_UNALIGNED, slot << 2);
          case DataType.UInt32 t ->
              Integer.toUnsignedLong(indices.get(ValueLayout.JAVA_INT_UNALIGNED, slot << 2));
          default -> indices.get(ValueLayout.JAVA_LONG_UNALIGNED, slot << 3);
        };
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new InvalidOperationException(
          "dictionary index " + (indexType.isSignedInteger() ? Long.toString(value)
              : Long.toUnsignedString(value)) + " at row " + index + " of a column of " + type
              + " is not a valid position in a dictionary of " + dictionary.length() + " values");
    }
    return (int) value;
  }

  /** The whole dictionary column; do not close it. */
  public Column dictionary() {
    return dictionary;
  }

  /** The indices buffer (values of the index type). */
  public Buffer indicesBuffer() {
    return buffers().get(1);
  }

  /**
   * The indices as a column of the index type (same rows, same validity), sharing this column's
   * buffers without copying; the caller closes it. Grouping and joining read categorical keys
   * through it.
   */
  public FixedWidthColumn indexColumn() {
    checkOpen();
    Buffer validity = validity() == null ? null : validity().retain();
    return new FixedWidthColumn(
        indexType, offset, length, nullCountForSlice(0, length), validity, indicesBuffer().retain());
  }

  /**
   * Whether this column and {@code other} point into the same dictionary: the same object, or
   * handles on the same buffers with the same rows (what slices, gathers and shares give).
   */
  public boolean sharesDictionaryWith(DictionaryColumn other) {
    return type.equals(other.type) && sameColumn(dictionary, other.dictionary);
  }

  private static boolean sameColumn(Column a, Column b) {
    if (a == b) {
      return true;
    }
    if (a.offset() != b.offset() || a.length() != b.length() || !a.type().equals(b.type())
        || a.buffers().size() != b.buffers().size()
        || a.children().size() != b.children().size()) {
      return false;
    }
    for (int index = 0; index < a.buffers().size(); index++) {
      if (a.buffers().get(index) != b.buffers().get(index)) {
        return false;
      }
    }
    for (int index = 0; index < a.children().size(); index++) {
      if (!sameColumn(a.children().get(index), b.children().get(index))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public DictionaryColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    Buffer[] retained = retainedBuffers();
    return new DictionaryColumn(
        (DataType.Dictionary) type, offset + sliceOffset, sliceLength,
        nullCountForSlice(sliceOffset, sliceLength), retained[0], retained[1],
        sharedChildren().get(0));
  }

  /** The dictionary value the index at {@code index} points to, or null. */
  @Override
  public Object getObject(int index) {
    return isNull(index) ? null : dictionary.getObject(getIndex(index));
  }
}
