package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Concatenates columns of one type into one new contiguous column (Arrow's {@code concat}).
 *
 * <p>Fast paths copy buffers in bulk instead of going value by value: fixed-width and fixed-size
 * binary values with one {@code MemorySegment.copy} per column, boolean values and every validity
 * bitmap with {@link Bitmaps#copy} (which shifts bits when a slice starts mid-byte), var-binary
 * data in one copy per column with the offsets rebased, and views copied with their buffer indexes
 * rebased while the data buffers themselves are shared (retained, not copied). Other layouts
 * (lists, structs) are rebuilt through their builders; dictionaries keep one dictionary
 * ({@link DictionaryUnion}).
 */
public final class Concatenation {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private Concatenation() {}

  /**
   * One new column holding the rows of {@code columns} in order; the inputs stay open and owned
   * by the caller, and the caller closes the result. One input gives a share of it.
   *
   * @throws InvalidOperationException if {@code columns} is empty (the type would be unknown)
   * @throws SchemaMismatchException naming the first column whose type differs from the first's
   */
  public static Column concat(BufferAllocator allocator, List<Column> columns) {
    if (columns.isEmpty()) {
      throw new InvalidOperationException(
          "cannot concatenate zero columns: the result type is unknown; pass at least one column");
    }
    DataType type = columns.get(0).type();
    long total = 0;
    for (int columnIndex = 0; columnIndex < columns.size(); columnIndex++) {
      Column column = columns.get(columnIndex);
      if (!column.type().equals(type)) {
        throw new SchemaMismatchException(
            "cannot concatenate column " + columnIndex + " of type " + column.type()
                + " after columns of type " + type);
      }
      total += column.length();
    }
    Growth.checkChunkLength(total);
    if (columns.size() == 1) {
      return columns.get(0).share();
    }
    int length = (int) total;
    return switch (columns.get(0)) {
      case NullColumn first -> new NullColumn(length);
      case FixedWidthColumn first -> concatFixedWidth(allocator, type, columns, length);
      case FixedSizeBinaryColumn first -> concatFixedSizeBinary(allocator, type, columns, length);
      case BooleanColumn first -> concatBoolean(allocator, columns, length);
      case VarBinaryColumn first -> VarBinaryConcatenation.concat(allocator, type, columns, length);
      case ViewColumn first -> concatViews(allocator, type, columns, length);
      case DictionaryColumn first -> DictionaryUnion.concat(allocator, columns, length);
      default -> concatWithBuilder(allocator, type, columns);
    };
  }

  private static FixedWidthColumn concatFixedWidth(
      BufferAllocator allocator, DataType type, List<Column> columns, int length) {
    Buffer values = concatFixedBytes(allocator, columns, length, type.byteWidth());
    Buffer validity = concatValidity(allocator, columns, length, List.of(values));
    return new FixedWidthColumn(type, 0, length, nullCount(columns), validity, values);
  }

  private static FixedSizeBinaryColumn concatFixedSizeBinary(
      BufferAllocator allocator, DataType type, List<Column> columns, int length) {
    Buffer values = concatFixedBytes(allocator, columns, length, type.byteWidth());
    Buffer validity = concatValidity(allocator, columns, length, List.of(values));
    return new FixedSizeBinaryColumn(
        (DataType.FixedSizeBinary) type, 0, length, nullCount(columns), validity, values);
  }

  /** Copies each column's {@code width}-byte values (the bytes of buffers().get(1)) in one go. */
  static Buffer concatFixedBytes(
      BufferAllocator allocator, List<Column> columns, int length, int width) {
    Buffer values = allocator.allocate((long) length * width);
    long target = 0;
    for (Column column : columns) {
      long bytes = (long) column.length() * width;
      MemorySegment.copy(
          column.buffers().get(1).segment(), (long) column.offset() * width, values.segment(),
          target, bytes);
      target += bytes;
    }
    return values;
  }

  private static BooleanColumn concatBoolean(
      BufferAllocator allocator, List<Column> columns, int length) {
    Buffer values = allocator.allocateZeroed(Bitmaps.bytesFor(length));
    long target = 0;
    for (Column column : columns) {
      BooleanColumn booleans = (BooleanColumn) column;
      Bitmaps.copy(
          booleans.valuesBuffer().segment(), booleans.offset(), values.segment(), target,
          booleans.length());
      target += booleans.length();
    }
    Buffer validity = concatValidity(allocator, columns, length, List.of(values));
    return new BooleanColumn(0, length, nullCount(columns), validity, values);
  }

  private static ViewColumn concatViews(
      BufferAllocator allocator, DataType type, List<Column> columns, int length) {
    Buffer views = allocator.allocate((long) length * ViewColumn.VIEW_SIZE);
    MemorySegment target = views.segment();
    List<Buffer> dataBuffers = new ArrayList<>();
    long targetView = 0;
    for (Column column : columns) {
      ViewColumn source = (ViewColumn) column;
      MemorySegment sourceViews = source.viewsBuffer().segment();
      int bufferBase = dataBuffers.size();
      long bytes = (long) source.length() * ViewColumn.VIEW_SIZE;
      MemorySegment.copy(
          sourceViews, (long) source.offset() * ViewColumn.VIEW_SIZE, target, targetView, bytes);
      if (bufferBase > 0) {
        // Long values point into a data buffer by index: shift by the buffers of earlier columns.
        for (long view = targetView; view < targetView + bytes; view += ViewColumn.VIEW_SIZE) {
          if (target.get(INT, view) > ViewColumn.MAX_INLINE) {
            target.set(INT, view + 8, target.get(INT, view + 8) + bufferBase);
          }
        }
      }
      for (Buffer data : source.dataBuffers()) {
        dataBuffers.add(data.retain());
      }
      targetView += bytes;
    }
    List<Buffer> allocated = new ArrayList<>(dataBuffers);
    allocated.add(views);
    Buffer validity = concatValidity(allocator, columns, length, allocated);
    return new ViewColumn(type, 0, length, nullCount(columns), validity, views, dataBuffers);
  }

  /** Lists, structs, dictionaries: value by value through the type's builder. */
  private static Column concatWithBuilder(
      BufferAllocator allocator, DataType type, List<Column> columns) {
    try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
      for (Column column : columns) {
        for (int rowIndex = 0; rowIndex < column.length(); rowIndex++) {
          builder.appendObject(column.getObject(rowIndex));
        }
      }
      return builder.build();
    }
  }

  /**
   * The validity bitmap of the concatenation, or null when no input has a null. Inputs without a
   * bitmap contribute all-valid bits. If the allocation fails, {@code heldBuffers} (the result's
   * other buffers, already made) are released so nothing leaks.
   */
  static Buffer concatValidity(
      BufferAllocator allocator, List<Column> columns, int length, List<Buffer> heldBuffers) {
    if (nullCount(columns) == 0) {
      return null;
    }
    Buffer validity;
    try {
      validity = allocator.allocateZeroed(Bitmaps.bytesFor(length));
    } catch (RuntimeException failure) {
      heldBuffers.forEach(Buffer::release);
      throw failure;
    }
    MemorySegment target = validity.segment();
    long targetBit = 0;
    for (Column column : columns) {
      Buffer source = column.validity();
      if (source == null) {
        Bitmaps.setRange(target, targetBit, column.length());
      } else {
        Bitmaps.copy(source.segment(), column.offset(), target, targetBit, column.length());
      }
      targetBit += column.length();
    }
    return validity;
  }

  static int nullCount(List<Column> columns) {
    int count = 0;
    for (Column column : columns) {
      count += column.nullCount();
    }
    return count;
  }

  /** Reads offset entry {@code slot} of an int32 or int64 offsets segment. */
  static long offsetAt(MemorySegment offsets, boolean large, long slot) {
    return large ? offsets.get(LONG, slot << 3) : offsets.get(INT, slot << 2);
  }
}
