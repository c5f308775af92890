package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The var-binary fast path of {@link Concatenation}: each column's data bytes
 * {@code [offsets[offset], offsets[offset + length])} are copied in one go, and its offsets are
 * rebased so the result's offsets start at 0 and run on from the previous column's end.
 */
final class VarBinaryConcatenation {
  private VarBinaryConcatenation() {}

  static VarBinaryColumn concat(
      BufferAllocator allocator, DataType type, List<Column> columns, int length) {
    boolean large = ((VarBinaryColumn) columns.get(0)).isLarge();
    long dataBytes = 0;
    for (Column column : columns) {
      VarBinaryColumn source = (VarBinaryColumn) column;
      MemorySegment offsets = source.offsetsBuffer().segment();
      dataBytes +=
          Concatenation.offsetAt(offsets, large, source.offset() + (long) source.length())
              - Concatenation.offsetAt(offsets, large, source.offset());
    }
    if (!large && dataBytes > Integer.MAX_VALUE) {
      throw new InvalidOperationException(
          "concatenating columns of " + type + " gives " + dataBytes + " bytes, beyond the "
              + Integer.MAX_VALUE + " of int32 offsets; use the large type or a chunked column");
    }
    int width = large ? 8 : 4;
    Buffer offsets = allocator.allocate((length + 1L) * width);
    Buffer data;
    try {
      data = allocator.allocate(dataBytes);
    } catch (RuntimeException failure) {
      offsets.release();
      throw failure;
    }
    MemorySegment targetOffsets = offsets.segment();
    MemorySegment targetData = data.segment();
    long slot = 0;
    long base = 0;
    write(targetOffsets, large, 0, 0);
    for (Column column : columns) {
      VarBinaryColumn source = (VarBinaryColumn) column;
      MemorySegment sourceOffsets = source.offsetsBuffer().segment();
      long first = Concatenation.offsetAt(sourceOffsets, large, source.offset());
      long last =
          Concatenation.offsetAt(sourceOffsets, large, source.offset() + (long) source.length());
      MemorySegment.copy(source.dataBuffer().segment(), first, targetData, base, last - first);
      long shift = base - first;
      for (int rowIndex = 1; rowIndex <= source.length(); rowIndex++) {
        long end = Concatenation.offsetAt(sourceOffsets, large, source.offset() + (long) rowIndex);
        write(targetOffsets, large, ++slot, end + shift);
      }
      base += last - first;
    }
    Buffer validity =
        Concatenation.concatValidity(allocator, columns, length, List.of(offsets, data));
    return new VarBinaryColumn(
        type, 0, length, Concatenation.nullCount(columns), validity, offsets, data);
  }

  private static void write(MemorySegment offsets, boolean large, long slot, long value) {
    if (large) {
      offsets.set(ValueLayout.JAVA_LONG_UNALIGNED, slot << 3, value);
    } else {
      offsets.set(ValueLayout.JAVA_INT_UNALIGNED, slot << 2, (int) value);
    }
  }
}
