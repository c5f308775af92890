package dev.floe.io.parquet.write;

import dev.floe.memory.Buffer;
import dev.floe.memory.column.FixedSizeBinaryColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Byte-array leaves (strings, binaries in all three layouts, fixed-size binaries, wide decimals):
 * each value is copied from the off-heap data into one growing heap scratch array and handed over
 * as {@link Binary#fromReusedByteArray}, which parquet-mr copies only where it keeps the value.
 */
final class ReusedBinary {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private byte[] scratch = new byte[256];

  private byte[] scratch(int length) {
    if (length > scratch.length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    return scratch;
  }

  void variable(ColumnWriter writer, VarBinaryColumn column, LeafValueWriter.Entries entries) {
    MemorySegment offsets = column.offsetsBuffer().segment();
    MemorySegment data = column.dataBuffer().segment();
    boolean large = column.isLarge();
    long base = column.offset();
    int max = entries.maxDefinition;
    for (int k = 0; k < entries.count; k++) {
      int index = entries.index(k);
      if (entries.writeNullIfAbsent(writer, k, index)) {
        continue;
      }
      long slot = base + index;
      long start;
      long end;
      if (large) {
        start = offsets.get(LONG, slot << 3);
        end = offsets.get(LONG, (slot + 1) << 3);
      } else {
        start = offsets.get(INT, slot << 2);
        end = offsets.get(INT, (slot + 1) << 2);
      }
      int length = Math.toIntExact(end - start);
      byte[] bytes = scratch(length);
      MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, bytes, 0, length);
      writer.write(Binary.fromReusedByteArray(bytes, 0, length), entries.rep(k), max);
    }
  }

  void views(ColumnWriter writer, ViewColumn column, LeafValueWriter.Entries entries) {
    MemorySegment views = column.viewsBuffer().segment();
    List<Buffer> buffers = column.dataBuffers();
    MemorySegment[] data = new MemorySegment[buffers.size()];
    for (int b = 0; b < data.length; b++) {
      data[b] = buffers.get(b).segment();
    }
    long base = column.offset();
    int max = entries.maxDefinition;
    for (int k = 0; k < entries.count; k++) {
      int index = entries.index(k);
      if (entries.writeNullIfAbsent(writer, k, index)) {
        continue;
      }
      long view = (base + index) * ViewColumn.VIEW_SIZE;
      int length = views.get(INT, view);
      byte[] bytes = scratch(length);
      if (length <= ViewColumn.MAX_INLINE) {
        MemorySegment.copy(views, ValueLayout.JAVA_BYTE, view + 4, bytes, 0, length);
      } else {
        MemorySegment buffer = data[views.get(INT, view + 8)];
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, Integer.toUnsignedLong(views.get(INT, view + 12)), bytes, 0,
            length);
      }
      writer.write(Binary.fromReusedByteArray(bytes, 0, length), entries.rep(k), max);
    }
  }

  void fixed(ColumnWriter writer, FixedSizeBinaryColumn column, LeafValueWriter.Entries entries) {
    MemorySegment values = column.valuesBuffer().segment();
    int width = column.byteWidth();
    long base = column.offset();
    int max = entries.maxDefinition;
    byte[] bytes = scratch(width);
    for (int k = 0; k < entries.count; k++) {
      int index = entries.index(k);
      if (entries.writeNullIfAbsent(writer, k, index)) {
        continue;
      }
      MemorySegment.copy(values, ValueLayout.JAVA_BYTE, (base + index) * width, bytes, 0, width);
      writer.write(Binary.fromReusedByteArray(bytes, 0, width), entries.rep(k), max);
    }
  }

  /** Decimal128 as FIXED_LEN_BYTE_ARRAY(16): the two's complement value, big-endian. */
  void decimals(ColumnWriter writer, FixedWidthColumn column, LeafValueWriter.Entries entries) {
    MemorySegment values = column.valuesBuffer().segment();
    long base = column.offset();
    int max = entries.maxDefinition;
    byte[] bytes = scratch(16);
    for (int k = 0; k < entries.count; k++) {
      int index = entries.index(k);
      if (entries.writeNullIfAbsent(writer, k, index)) {
        continue;
      }
      long slot = (base + index) << 4;
      long low = values.get(LONG, slot);
      long high = values.get(LONG, slot + 8);
      for (int b = 0; b < 8; b++) {
        bytes[b] = (byte) (high >>> (56 - 8 * b));
        bytes[8 + b] = (byte) (low >>> (56 - 8 * b));
      }
      writer.write(Binary.fromReusedByteArray(bytes, 0, 16), entries.rep(k), max);
    }
  }
}
