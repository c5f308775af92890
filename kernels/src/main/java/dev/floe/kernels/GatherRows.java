package dev.floe.kernels;

import dev.floe.errors.ComputeException;
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
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a new column from rows of a column picked by an index array ({@code -1} = null), for
 * every layout: fixed-width values and bits are copied; offsets and data of strings are rebuilt;
 * views are copied and their data buffers shared (retained); lists and fixed-size lists gather
 * their child's rows recursively; struct fields are gathered row for row; dictionary indices are
 * gathered and the dictionary shared. The engine of {@link Gather}, and of {@link Filter},
 * {@link IfThenElse}, {@link FillNull} and {@link Broadcast} for types without a word kernel.
 */
final class GatherRows {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private GatherRows() {}

  /** Rows {@code rows[0..count)} of {@code column} (row -1: null); the caller closes the result. */
  static Column gather(Column column, int[] rows, int count, BufferAllocator allocator) {
    if (column instanceof NullColumn) {
      return new NullColumn(count);
    }
    Buffer validity = gatherValidity(column, rows, count, allocator);
    try {
      return switch (column) {
        case FixedWidthColumn c -> new FixedWidthColumn(c.type(), 0, count, -1, validity,
            gatherFixed(c.valuesBuffer().segment(), c.offset(), c.type().byteWidth(), rows, count,
                allocator));
        case FixedSizeBinaryColumn c -> new FixedSizeBinaryColumn(
            (DataType.FixedSizeBinary) c.type(), 0, count, -1, validity,
            gatherFixed(c.valuesBuffer().segment(), c.offset(), c.byteWidth(), rows, count,
                allocator));
        case BooleanColumn c -> new BooleanColumn(0, count, -1, validity,
            gatherBits(c.valuesBuffer().segment(), c.offset(), rows, count, allocator));
        case VarBinaryColumn c -> gatherVarBinary(c, rows, count, validity, allocator);
        case ViewColumn c -> gatherViews(c, rows, count, validity, allocator);
        case ListColumn c -> gatherList(c, rows, count, validity, allocator);
        case FixedSizeListColumn c -> gatherFixedSizeList(c, rows, count, validity, allocator);
        case StructColumn c -> gatherStruct(c, rows, count, validity, allocator);
        case DictionaryColumn c -> new DictionaryColumn((DataType.Dictionary) c.type(), 0, count,
            -1, validity, gatherFixed(c.indicesBuffer().segment(), c.offset(),
                c.type().byteWidth(), rows, count, allocator), c.dictionary().share());
        case NullColumn c -> new NullColumn(count);
      };
    } catch (RuntimeException failure) {
      BooleanOps.release(validity);
      throw failure;
    }
  }

  /** The validity of the gathered rows, or null when none is null. */
  private static Buffer gatherValidity(
      Column column, int[] rows, int count, BufferAllocator allocator) {
    MemorySegment source = column.validity() == null ? null : column.validity().segment();
    boolean anyNull = false;
    for (int index = 0; index < count && !anyNull; index++) {
      anyNull = rows[index] < 0;
    }
    if (!anyNull && (source == null || column.nullCount() == 0)) {
      return null;
    }
    Buffer validity = BooleanOps.allocateZeroedBitmap(allocator, count);
    MemorySegment out = validity.segment();
    long offset = column.offset();
    for (int index = 0; index < count; index++) {
      int row = rows[index];
      if (row >= 0 && (source == null || Bitmaps.get(source, offset + row))) {
        Bitmaps.set(out, index);
      }
    }
    return validity;
  }

  static Buffer gatherFixed(MemorySegment values, long first, int width, int[] rows, int count,
      BufferAllocator allocator) {
    Buffer buffer = allocator.allocate(Math.max(8L, (long) count * width));
    MemorySegment out = buffer.segment();
    switch (width) {
      case 8 -> {
        for (int index = 0; index < count; index++) {
          int row = rows[index];
          out.set(LONG, (long) index << 3, row >= 0 ? values.get(LONG, (first + row) << 3) : 0L);
        }
      }
      case 4 -> {
        for (int index = 0; index < count; index++) {
          int row = rows[index];
          out.set(INT, (long) index << 2, row >= 0 ? values.get(INT, (first + row) << 2) : 0);
        }
      }
      default -> {
        for (int index = 0; index < count; index++) {
          int row = rows[index];
          if (row >= 0) {
            MemorySegment.copy(values, (first + row) * width, out, (long) index * width, width);
          } else {
            out.asSlice((long) index * width, width).fill((byte) 0);
          }
        }
      }
    }
    return buffer;
  }

  private static Buffer gatherBits(
      MemorySegment values, long first, int[] rows, int count, BufferAllocator allocator) {
    Buffer buffer = BooleanOps.allocateZeroedBitmap(allocator, count);
    MemorySegment out = buffer.segment();
    for (int index = 0; index < count; index++) {
      int row = rows[index];
      if (row >= 0 && Bitmaps.get(values, first + row)) {
        Bitmaps.set(out, index);
      }
    }
    return buffer;
  }

  private static Column gatherVarBinary(VarBinaryColumn column, int[] rows, int count,
      Buffer validity, BufferAllocator allocator) {
    boolean large = column.isLarge();
    if (!large) {
      return GatherStrings.gather(column, rows, count, validity, allocator);
    }
    long total = 0;
    for (int index = 0; index < count; index++) {
      if (rows[index] >= 0) {
        total += column.valueLength(rows[index]);
      }
    }
    if (!large && total > Integer.MAX_VALUE) {
      throw new ComputeException("gathering " + count + " values of " + column.type() + " needs "
          + total + " bytes, more than 32-bit offsets address (use a large string type)");
    }
    Buffer offsets = allocator.allocate(((long) count + 1) * (large ? 8 : 4));
    Buffer data = null;
    try {
      data = allocator.allocate(Math.max(8L, total));
      MemorySegment offsetsOut = offsets.segment();
      MemorySegment dataOut = data.segment();
      MemorySegment source = column.dataBuffer().segment();
      long position = 0;
      for (int index = 0; index <= count; index++) {
        if (large) {
          offsetsOut.set(LONG, (long) index << 3, position);
        } else {
          offsetsOut.set(INT, (long) index << 2, (int) position);
        }
        if (index < count && rows[index] >= 0) {
          int length = column.valueLength(rows[index]);
          MemorySegment.copy(source, column.valueStart(rows[index]), dataOut, position, length);
          position += length;
        }
      }
      return new VarBinaryColumn(column.type(), 0, count, -1, validity, offsets, data);
    } catch (RuntimeException failure) {
      BooleanOps.release(offsets, data);
      throw failure;
    }
  }

  private static Column gatherViews(ViewColumn column, int[] rows, int count, Buffer validity,
      BufferAllocator allocator) {
    Buffer views = allocator.allocateZeroed(Math.max(8L, (long) count * ViewColumn.VIEW_SIZE));
    MemorySegment out = views.segment();
    MemorySegment source = column.viewsBuffer().segment();
    for (int index = 0; index < count; index++) {
      int row = rows[index];
      if (row >= 0) {
        MemorySegment.copy(source, (column.offset() + (long) row) * ViewColumn.VIEW_SIZE, out,
            (long) index * ViewColumn.VIEW_SIZE, ViewColumn.VIEW_SIZE);
      }
    }
    List<Buffer> data = new ArrayList<>(column.dataBuffers().size());
    for (Buffer buffer : column.dataBuffers()) {
      data.add(buffer.retain());
    }
    return new ViewColumn(column.type(), 0, count, -1, validity, views, data);
  }

  private static Column gatherList(ListColumn column, int[] rows, int count, Buffer validity,
      BufferAllocator allocator) {
    boolean large = column.isLarge();
    long total = 0;
    for (int index = 0; index < count; index++) {
      if (rows[index] >= 0 && !column.isNull(rows[index])) {
        total += column.valueLength(rows[index]);
      }
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new ComputeException(
          "gathering " + count + " lists needs " + total + " child values, more than one column"
              + " holds");
    }
    int[] childRows = new int[(int) total];
    Buffer offsets = allocator.allocate(((long) count + 1) * (large ? 8 : 4));
    try {
      MemorySegment offsetsOut = offsets.segment();
      int position = 0;
      for (int index = 0; index <= count; index++) {
        if (large) {
          offsetsOut.set(LONG, (long) index << 3, position);
        } else {
          offsetsOut.set(INT, (long) index << 2, position);
        }
        if (index < count && rows[index] >= 0 && !column.isNull(rows[index])) {
          int start = (int) column.valueStart(rows[index]);
          int length = column.valueLength(rows[index]);
          for (int item = 0; item < length; item++) {
            childRows[position++] = start + item;
          }
        }
      }
      Column values = gather(column.values(), childRows, childRows.length, allocator);
      return new ListColumn(column.type(), 0, count, -1, validity, offsets, values);
    } catch (RuntimeException failure) {
      offsets.release();
      throw failure;
    }
  }

  private static Column gatherFixedSizeList(FixedSizeListColumn column, int[] rows, int count,
      Buffer validity, BufferAllocator allocator) {
    int size = column.listSize();
    int[] childRows = new int[Math.multiplyExact(count, size)];
    for (int index = 0; index < count; index++) {
      int row = rows[index];
      for (int item = 0; item < size; item++) {
        childRows[index * size + item] =
            row < 0 ? -1 : (int) ((column.offset() + (long) row) * size + item);
      }
    }
    Column values = gather(column.values(), childRows, childRows.length, allocator);
    return new FixedSizeListColumn(
        (DataType.FixedSizeListType) column.type(), 0, count, -1, validity, values);
  }

  private static Column gatherStruct(StructColumn column, int[] rows, int count, Buffer validity,
      BufferAllocator allocator) {
    int[] childRows = new int[count];
    for (int index = 0; index < count; index++) {
      childRows[index] = rows[index] < 0 ? -1 : column.offset() + rows[index];
    }
    List<Column> fields = new ArrayList<>(column.fieldCount());
    try {
      for (int field = 0; field < column.fieldCount(); field++) {
        fields.add(gather(column.fieldColumn(field), childRows, count, allocator));
      }
    } catch (RuntimeException failure) {
      fields.forEach(Column::close);
      throw failure;
    }
    return new StructColumn(
        (DataType.StructType) column.type(), 0, count, -1, validity, fields);
  }
}
