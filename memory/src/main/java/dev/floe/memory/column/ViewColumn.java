package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Layout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Utf8View and BinaryView: one 16-byte view per value plus any number of data buffers, as Arrow
 * (and Polars, which stores every string this way) lays them out. Buffers: validity, views, then
 * the data buffers in order.
 *
 * <p>A view starts with the value's byte length (int32, little-endian). A value of at most
 * {@value #MAX_INLINE} bytes is stored inline in the next 12 bytes (zero-padded); a longer one
 * stores its first 4 bytes (the prefix), then the int32 index of the data buffer holding it and the
 * int32 byte offset in that buffer. Slicing shares every data buffer. Typed accessors read the
 * bytes regardless of validity.
 */
public final class ViewColumn extends AbstractColumn implements Column {
  /** Bytes of a view. */
  public static final int VIEW_SIZE = 16;

  /** The longest value stored inside its view. */
  public static final int MAX_INLINE = 12;

  private final MemorySegment views;
  private final List<Buffer> dataBuffers;
  private final MemorySegment[] dataSegments;

  /**
   * Takes ownership of one reference to {@code validity} (nullable), {@code views} and each data
   * buffer; releases them and throws if the type or the views buffer size does not fit.
   */
  public ViewColumn(
      DataType type, int offset, int length, int nullCount, Buffer validity, Buffer views,
      List<Buffer> dataBuffers) {
    super(type, offset, length, nullCount, List.of(), concat(validity, views, dataBuffers));
    this.dataBuffers = Collections.unmodifiableList(new ArrayList<>(dataBuffers));
    if (type.layout() != Layout.VIEW) {
      close();
      throw new InvalidOperationException(type + " is not a view type (Utf8View or BinaryView)");
    }
    long requiredBytes = (offset + (long) length) * VIEW_SIZE;
    if (views.capacity() < requiredBytes) {
      close();
      throw new InvalidOperationException(
          "column of " + type + " with offset " + offset + " and length " + length + " needs "
              + requiredBytes + " bytes of views, but the buffer holds " + views.capacity());
    }
    this.views = views.segment();
    this.dataSegments = new MemorySegment[dataBuffers.size()];
    for (int bufferIndex = 0; bufferIndex < dataSegments.length; bufferIndex++) {
      dataSegments[bufferIndex] = dataBuffers.get(bufferIndex).segment();
    }
  }

  private static Buffer[] concat(Buffer validity, Buffer views, List<Buffer> dataBuffers) {
    Buffer[] all = new Buffer[2 + dataBuffers.size()];
    all[0] = validity;
    all[1] = views;
    for (int bufferIndex = 0; bufferIndex < dataBuffers.size(); bufferIndex++) {
      all[2 + bufferIndex] = dataBuffers.get(bufferIndex);
    }
    return all;
  }

  /** The byte length of value {@code index}. */
  public int valueLength(int index) {
    checkAccess(index);
    return views.get(ValueLayout.JAVA_INT_UNALIGNED, viewStart(index));
  }

  /** The bytes of value {@code index}, copied. */
  public byte[] getBytes(int index) {
    checkAccess(index);
    long view = viewStart(index);
    int byteLength = views.get(ValueLayout.JAVA_INT_UNALIGNED, view);
    if (byteLength < 0) { // a trusted (unvalidated) file's view may be corrupt
      throw new IndexOutOfBoundsException("view " + index + " has a negative length " + byteLength);
    }
    if (byteLength <= MAX_INLINE) {
      byte[] bytes = new byte[byteLength];
      MemorySegment.copy(views, ValueLayout.JAVA_BYTE, view + 4, bytes, 0, byteLength);
      return bytes;
    }
    int bufferIndex = views.get(ValueLayout.JAVA_INT_UNALIGNED, view + 8);
    int byteOffset = views.get(ValueLayout.JAVA_INT_UNALIGNED, view + 12);
    if (bufferIndex < 0 || bufferIndex >= dataSegments.length) {
      throw new InvalidOperationException(
          "view " + index + " of a column of " + type + " names data buffer " + bufferIndex
              + ", but the column has " + dataSegments.length);
    }
    // checked before the array is made: a corrupt length must not ask the JVM for gigabytes
    java.util.Objects.checkFromIndexSize(byteOffset, byteLength, dataSegments[bufferIndex].byteSize());
    byte[] bytes = new byte[byteLength];
    MemorySegment.copy(dataSegments[bufferIndex], ValueLayout.JAVA_BYTE, byteOffset, bytes, 0, byteLength);
    return bytes;
  }

  /** Value {@code index} decoded as UTF-8. */
  public String getString(int index) {
    return new String(getBytes(index), StandardCharsets.UTF_8);
  }

  /** The views buffer; view {@code i} starts at byte {@code (offset() + i) * 16}. */
  public Buffer viewsBuffer() {
    return buffers().get(1);
  }

  /** The data buffers that long values point into, by buffer index. */
  public List<Buffer> dataBuffers() {
    return dataBuffers;
  }

  @Override
  public ViewColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    Buffer[] retained = retainedBuffers();
    List<Buffer> data = new ArrayList<>(retained.length - 2);
    for (int bufferIndex = 2; bufferIndex < retained.length; bufferIndex++) {
      data.add(retained[bufferIndex]);
    }
    return new ViewColumn(
        type, offset + sliceOffset, sliceLength, nullCountForSlice(sliceOffset, sliceLength),
        retained[0], retained[1], data);
  }

  @Override
  public Object getObject(int index) {
    if (isNull(index)) {
      return null;
    }
    return type.isString() ? getString(index) : getBytes(index);
  }

  private long viewStart(int index) {
    return (offset + (long) index) * VIEW_SIZE;
  }
}
