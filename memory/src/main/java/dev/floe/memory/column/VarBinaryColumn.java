package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Layout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Variable-length strings and binaries with an offsets buffer: Utf8 and Binary (int32 offsets),
 * LargeUtf8 and LargeBinary (int64 offsets). Buffers: validity, offsets, data.
 *
 * <p>Invariants (Arrow's): the offsets buffer holds {@code offset() + length() + 1} monotonically
 * non-decreasing entries; value {@code i} is the data bytes {@code [offsets[offset() + i],
 * offsets[offset() + i + 1])}. A null usually takes no bytes (its offset repeats), but readers must
 * not rely on that. Typed accessors read the bytes regardless of validity.
 */
public final class VarBinaryColumn extends AbstractColumn implements Column {
  private final boolean large;
  private final MemorySegment offsets;
  private final MemorySegment data;

  /**
   * Takes ownership of one reference to {@code validity} (nullable), {@code offsets} and
   * {@code data}; releases them and throws if the type or the buffer sizes do not fit.
   */
  public VarBinaryColumn(
      DataType type, int offset, int length, int nullCount, Buffer validity, Buffer offsets,
      Buffer data) {
    super(type, offset, length, nullCount, List.of(), validity, offsets, data);
    Layout layout = type.layout();
    if (layout != Layout.VARIABLE && layout != Layout.LARGE_VARIABLE) {
      close();
      throw new InvalidOperationException(
          type + " is not a variable-length string or binary type (utf8, binary, large variants)");
    }
    this.large = layout == Layout.LARGE_VARIABLE;
    this.offsets = offsets.segment();
    this.data = data.segment();
    long requiredOffsetBytes = (offset + (long) length + 1) * (large ? 8 : 4);
    if (offsets.capacity() < requiredOffsetBytes) {
      close();
      throw new InvalidOperationException(
          "column of " + type + " with offset " + offset + " and length " + length + " needs "
              + requiredOffsetBytes + " bytes of offsets, but the buffer holds "
              + offsets.capacity());
    }
    long end = offsetAt(offset + (long) length);
    if (end > data.capacity()) {
      close();
      throw new InvalidOperationException(
          "column of " + type + ": last offset " + end + " is beyond the data buffer of "
              + data.capacity() + " bytes");
    }
  }

  /** True for LargeUtf8 and LargeBinary (int64 offsets). */
  public boolean isLarge() {
    return large;
  }

  /** The byte position of value {@code index} in the data buffer. */
  public long valueStart(int index) {
    checkAccess(index);
    return offsetAt(offset + (long) index);
  }

  /** The byte length of value {@code index}. */
  public int valueLength(int index) {
    checkAccess(index);
    long slot = offset + (long) index;
    return (int) (offsetAt(slot + 1) - offsetAt(slot));
  }

  /** The bytes of value {@code index}, copied. */
  public byte[] getBytes(int index) {
    checkAccess(index);
    long slot = offset + (long) index;
    long start = offsetAt(slot);
    long end = offsetAt(slot + 1);
    // offsets of a trusted (unvalidated) file may be corrupt: fail as a bounds violation
    java.util.Objects.checkFromToIndex(start, end, Math.min(data.byteSize(), start + Integer.MAX_VALUE));
    int byteLength = (int) (end - start);
    byte[] bytes = new byte[byteLength];
    MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, bytes, 0, byteLength);
    return bytes;
  }

  /** Value {@code index} decoded as UTF-8. */
  public String getString(int index) {
    return new String(getBytes(index), StandardCharsets.UTF_8);
  }

  /** The offsets buffer (int32 or int64 entries, see {@link #isLarge()}). */
  public Buffer offsetsBuffer() {
    return buffers().get(1);
  }

  public Buffer dataBuffer() {
    return buffers().get(2);
  }

  @Override
  public VarBinaryColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    Buffer[] retained = retainedBuffers();
    return new VarBinaryColumn(
        type, offset + sliceOffset, sliceLength, nullCountForSlice(sliceOffset, sliceLength),
        retained[0], retained[1], retained[2]);
  }

  @Override
  public Object getObject(int index) {
    if (isNull(index)) {
      return null;
    }
    return type.isString() ? getString(index) : getBytes(index);
  }

  private long offsetAt(long slot) {
    return large
        ? offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, slot << 3)
        : offsets.get(ValueLayout.JAVA_INT_UNALIGNED, slot << 2);
  }
}
