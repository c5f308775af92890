package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.FixedSizeBinaryColumn;
import dev.floe.memory.column.FixedSizeListColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.NullColumn;
import dev.floe.memory.column.StructColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a record batch's columns out as IPC field nodes and body buffers, starting every buffer at
 * row 0 as the format requires: sliced columns are written from their offset (bitmaps at a
 * non-byte offset and offsets that do not start at 0 are rewritten into temporary buffers).
 * {@link #close()} releases the temporaries and the child slices.
 */
final class ColumnEncoder implements AutoCloseable {
  final List<long[]> nodes = new ArrayList<>();
  final List<MemorySegment> parts = new ArrayList<>();
  final List<Long> variadicCounts = new ArrayList<>();
  /** The dictionaries of the dictionary-encoded columns met, in schema (depth-first) order. */
  final List<Column> dictionaries = new ArrayList<>();
  private final List<AutoCloseable> temporaries = new ArrayList<>();
  private final BufferAllocator allocator;

  ColumnEncoder(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  void encode(Column column) {
    int offset = column.offset();
    int length = column.length();
    int nulls = column.nullCount();
    nodes.add(new long[] {length, nulls});
    if (column instanceof NullColumn) {
      return;
    }
    parts.add(nulls == 0 ? MemorySegment.NULL : bits(column.validity().segment(), offset, length));
    switch (column) {
      case BooleanColumn c -> parts.add(bits(c.valuesBuffer().segment(), offset, length));
      case FixedWidthColumn c -> {
        int width = c.type().byteWidth();
        parts.add(c.valuesBuffer().segment().asSlice((long) offset * width, (long) length * width));
      }
      case FixedSizeBinaryColumn c -> {
        int width = c.byteWidth();
        parts.add(c.valuesBuffer().segment().asSlice((long) offset * width, (long) length * width));
      }
      case VarBinaryColumn c -> {
        int width = c.isLarge() ? 8 : 4;
        long[] range = offsets(c.offsetsBuffer().segment(), offset, length, width);
        parts.add(c.dataBuffer().segment().asSlice(range[0], range[1] - range[0]));
      }
      case ViewColumn c -> {
        parts.add(c.viewsBuffer().segment().asSlice((long) offset * ViewColumn.VIEW_SIZE,
            (long) length * ViewColumn.VIEW_SIZE));
        for (Buffer data : c.dataBuffers()) {
          parts.add(data.segment());
        }
        variadicCounts.add((long) c.dataBuffers().size());
      }
      case ListColumn c -> {
        int width = c.isLarge() ? 8 : 4;
        long[] range = offsets(c.offsetsBuffer().segment(), offset, length, width);
        encode(temporary(c.values().slice((int) range[0], (int) (range[1] - range[0]))));
      }
      case FixedSizeListColumn c ->
          encode(temporary(c.values().slice(offset * c.listSize(), length * c.listSize())));
      case DictionaryColumn c -> {
        int width = c.type().byteWidth();
        parts.add(c.indicesBuffer().segment().asSlice((long) offset * width, (long) length * width));
        dictionaries.add(c.dictionary());
      }
      case StructColumn c -> {
        for (int field = 0; field < c.fieldCount(); field++) {
          encode(temporary(c.field(field)));
        }
      }
      default -> throw new FloeIoException("cannot write a column of " + column.type() + " to Arrow IPC");
    }
  }

  private Column temporary(Column column) {
    temporaries.add(column);
    return column;
  }

  /** The bits {@code [offset, offset + length)} of a bitmap, rewritten when not byte-aligned. */
  private MemorySegment bits(MemorySegment bitmap, int offset, int length) {
    long bytes = Bitmaps.bytesFor(length);
    if ((offset & 7) == 0) {
      return bitmap.asSlice(offset >>> 3, bytes);
    }
    Buffer copy = allocator.allocateZeroed(bytes);
    temporaries.add(copy::release);
    Bitmaps.copy(bitmap, offset, copy.segment(), 0, length);
    return copy.segment().asSlice(0, bytes);
  }

  /** Adds the offsets of rows {@code [offset, offset + length]} rebased to 0; returns the data range. */
  private long[] offsets(MemorySegment offsets, int offset, int length, int width) {
    long first = read(offsets, offset, width);
    long last = read(offsets, offset + (long) length, width);
    if (first == 0) {
      parts.add(offsets.asSlice((long) offset * width, (length + 1L) * width));
    } else {
      Buffer rebased = allocator.allocate((length + 1L) * width);
      temporaries.add(rebased::release);
      MemorySegment target = rebased.segment();
      for (long index = 0; index <= length; index++) {
        long value = read(offsets, offset + index, width) - first;
        if (width == 4) {
          target.set(ValueLayout.JAVA_INT_UNALIGNED, index * 4, (int) value);
        } else {
          target.set(ValueLayout.JAVA_LONG_UNALIGNED, index * 8, value);
        }
      }
      parts.add(target.asSlice(0, (length + 1L) * width));
    }
    return new long[] {first, last};
  }

  private static long read(MemorySegment offsets, long index, int width) {
    return width == 4 ? offsets.get(ValueLayout.JAVA_INT_UNALIGNED, index * 4)
        : offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, index * 8);
  }

  @Override
  public void close() {
    for (AutoCloseable temporary : temporaries) {
      try {
        temporary.close();
      } catch (Exception ignored) {
        // releasing a temporary cannot fail
      }
    }
    temporaries.clear();
  }
}
