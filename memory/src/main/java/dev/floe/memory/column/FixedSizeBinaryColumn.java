package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Binary values that all have the same byte width (UUIDs, hashes). Buffers: validity, values; value
 * {@code i} is the bytes {@code [(offset() + i) * width, (offset() + i + 1) * width)}. A null slot
 * holds unspecified bytes (builders zero them).
 */
public final class FixedSizeBinaryColumn extends AbstractColumn implements Column {
  private final int width;
  private final MemorySegment values;

  /**
   * Takes ownership of one reference to {@code validity} (nullable) and {@code values}; releases
   * them and throws if the values buffer is too small.
   */
  public FixedSizeBinaryColumn(
      DataType.FixedSizeBinary type, int offset, int length, int nullCount, Buffer validity,
      Buffer values) {
    super(type, offset, length, nullCount, List.of(), validity, values);
    this.width = type.byteWidth();
    this.values = values.segment();
    long requiredBytes = (offset + (long) length) * width;
    if (values.capacity() < requiredBytes) {
      close();
      throw new InvalidOperationException(
          "column of " + type + " with offset " + offset + " and length " + length + " needs "
              + requiredBytes + " bytes of values, but the buffer holds " + values.capacity());
    }
  }

  /** Bytes per value. */
  public int byteWidth() {
    return width;
  }

  /** The bytes of value {@code index}, copied. */
  public byte[] getBytes(int index) {
    checkAccess(index);
    byte[] bytes = new byte[width];
    MemorySegment.copy(
        values, ValueLayout.JAVA_BYTE, (offset + (long) index) * width, bytes, 0, width);
    return bytes;
  }

  public Buffer valuesBuffer() {
    return buffers().get(1);
  }

  @Override
  public FixedSizeBinaryColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    Buffer[] retained = retainedBuffers();
    return new FixedSizeBinaryColumn(
        (DataType.FixedSizeBinary) type, offset + sliceOffset, sliceLength,
        nullCountForSlice(sliceOffset, sliceLength), retained[0], retained[1]);
  }

  @Override
  public Object getObject(int index) {
    return isNull(index) ? null : getBytes(index);
  }
}
