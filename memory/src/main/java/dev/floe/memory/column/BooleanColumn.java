package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Booleans, bit-packed as Arrow lays them out: value {@code i} is bit {@code (offset() + i) % 8}
 * (least significant first) of byte {@code (offset() + i) / 8} of the values buffer. Buffers:
 * validity, values.
 *
 * <p>Invariant: the values buffer holds at least {@code offset() + length()} bits. A slice at a
 * bit offset that is not a multiple of 8 shares the same bytes; readers add {@code offset()}.
 */
public final class BooleanColumn extends AbstractColumn implements Column {
  private final MemorySegment values;

  /** Takes ownership of one reference to {@code validity} (nullable) and {@code values}. */
  public BooleanColumn(int offset, int length, int nullCount, Buffer validity, Buffer values) {
    super(DataType.BOOLEAN, offset, length, nullCount, List.of(), validity, values);
    this.values = values.segment();
    long requiredBytes = Bitmaps.bytesFor(offset + (long) length);
    if (values.capacity() < requiredBytes
        || (validity != null && validity.capacity() < requiredBytes)) {
      close();
      throw new InvalidOperationException(
          "bool column of offset " + offset + " and length " + length + " needs " + requiredBytes
              + " bytes of bits, but a buffer holds fewer");
    }
  }

  /** The raw bit at {@code index}, regardless of validity (a null slot reads as stored). */
  public boolean getBoolean(int index) {
    checkAccess(index);
    return Bitmaps.get(values, offset + (long) index);
  }

  /** The bit-packed values buffer; value {@code i} is bit {@code offset() + i}. */
  public Buffer valuesBuffer() {
    return buffers().get(1);
  }

  @Override
  public BooleanColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    Buffer[] retained = retainedBuffers();
    return new BooleanColumn(
        offset + sliceOffset, sliceLength, nullCountForSlice(sliceOffset, sliceLength),
        retained[0], retained[1]);
  }

  @Override
  public Object getObject(int index) {
    return isNull(index) ? null : getBoolean(index);
  }
}
