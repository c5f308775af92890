package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedSizeBinaryColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Row-at-a-time three-way comparison for the types without a word kernel: small and unsigned
 * integers, Decimal128, booleans, strings and binaries of every layout (byte-wise, unsigned, via
 * {@link MemorySegment#mismatch}), fixed-size binaries. Used by both the SIMD and the scalar path.
 */
final class CompareRows {
  /** Compares row {@code leftRow} of the left column with row {@code rightRow} of the right. */
  @FunctionalInterface
  interface RowComparator {
    int compare(int leftRow, int rightRow);
  }

  private CompareRows() {}

  /** A comparator of two columns of the same type. */
  static RowComparator of(Column left, Column right) {
    return switch (left) {
      case FixedWidthColumn l -> fixedWidth(l, (FixedWidthColumn) right);
      case BooleanColumn l -> {
        BooleanColumn r = (BooleanColumn) right;
        yield (x, y) -> Boolean.compare(l.getBoolean(x), r.getBoolean(y));
      }
      case VarBinaryColumn l -> {
        VarBinaryColumn r = (VarBinaryColumn) right;
        MemorySegment leftData = l.dataBuffer().segment();
        MemorySegment rightData = r.dataBuffer().segment();
        yield (x, y) -> compareBytes(leftData, l.valueStart(x), l.valueLength(x),
            rightData, r.valueStart(y), r.valueLength(y));
      }
      case ViewColumn l -> {
        ViewColumn r = (ViewColumn) right;
        yield (x, y) -> compareViews(l, x, r, y);
      }
      case FixedSizeBinaryColumn l -> {
        FixedSizeBinaryColumn r = (FixedSizeBinaryColumn) right;
        MemorySegment leftValues = l.valuesBuffer().segment();
        MemorySegment rightValues = r.valuesBuffer().segment();
        int width = l.byteWidth();
        yield (x, y) -> compareBytes(leftValues, (l.offset() + (long) x) * width, width,
            rightValues, (r.offset() + (long) y) * width, width);
      }
      default -> throw new InvalidOperationException(
          "cannot compare columns of " + left.type() + " (compare supports numbers, bool,"
              + " decimals, temporal types, strings and binaries)");
    };
  }

  private static RowComparator fixedWidth(FixedWidthColumn l, FixedWidthColumn r) {
    return switch (l.type()) {
      case DataType.Int8 t -> (x, y) -> Byte.compare(l.getByte(x), r.getByte(y));
      case DataType.Int16 t -> (x, y) -> Short.compare(l.getShort(x), r.getShort(y));
      case DataType.UInt8 t -> (x, y) -> Byte.compareUnsigned(l.getByte(x), r.getByte(y));
      case DataType.UInt16 t -> (x, y) -> Short.compareUnsigned(l.getShort(x), r.getShort(y));
      case DataType.UInt32 t -> (x, y) -> Integer.compareUnsigned(l.getInt(x), r.getInt(y));
      case DataType.UInt64 t -> (x, y) -> Long.compareUnsigned(l.getLong(x), r.getLong(y));
      case DataType.Int32 t -> (x, y) -> Integer.compare(l.getInt(x), r.getInt(y));
      case DataType.Date32 t -> (x, y) -> Integer.compare(l.getInt(x), r.getInt(y));
      case DataType.Float32 t -> (x, y) -> totalOrder(l.getFloat(x), r.getFloat(y));
      case DataType.Float64 t -> (x, y) -> totalOrder(l.getDouble(x), r.getDouble(y));
      case DataType.Decimal128 t -> {
        MemorySegment leftValues = l.valuesBuffer().segment();
        MemorySegment rightValues = r.valuesBuffer().segment();
        yield (x, y) -> compareDecimal(leftValues, (l.offset() + (long) x) << 4,
            rightValues, (r.offset() + (long) y) << 4);
      }
      default -> (x, y) -> Long.compare(l.getLong(x), r.getLong(y));
    };
  }

  /** Polars' total order: NaN equals NaN and sorts above every number; -0.0 equals 0.0. */
  static int totalOrder(double x, double y) {
    if (x != x) {
      return y != y ? 0 : 1;
    }
    if (y != y) {
      return -1;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private static int compareDecimal(MemorySegment left, long leftByte, MemorySegment right,
      long rightByte) {
    long leftHigh = left.get(ValueLayout.JAVA_LONG_UNALIGNED, leftByte + 8);
    long rightHigh = right.get(ValueLayout.JAVA_LONG_UNALIGNED, rightByte + 8);
    if (leftHigh != rightHigh) {
      return Long.compare(leftHigh, rightHigh);
    }
    return Long.compareUnsigned(left.get(ValueLayout.JAVA_LONG_UNALIGNED, leftByte),
        right.get(ValueLayout.JAVA_LONG_UNALIGNED, rightByte));
  }

  /** Byte-wise unsigned comparison (UTF-8 strings compare as Polars compares them). */
  static int compareBytes(MemorySegment left, long leftStart, int leftLength,
      MemorySegment right, long rightStart, int rightLength) {
    long mismatch = MemorySegment.mismatch(
        left, leftStart, leftStart + leftLength, right, rightStart, rightStart + rightLength);
    if (mismatch < 0) {
      return 0;
    }
    if (mismatch >= leftLength || mismatch >= rightLength) {
      return Integer.compare(leftLength, rightLength);
    }
    return Integer.compare(
        Byte.toUnsignedInt(left.get(ValueLayout.JAVA_BYTE, leftStart + mismatch)),
        Byte.toUnsignedInt(right.get(ValueLayout.JAVA_BYTE, rightStart + mismatch)));
  }

  private static int compareViews(ViewColumn left, int leftRow, ViewColumn right, int rightRow) {
    MemorySegment leftViews = left.viewsBuffer().segment();
    MemorySegment rightViews = right.viewsBuffer().segment();
    long leftView = (left.offset() + (long) leftRow) * ViewColumn.VIEW_SIZE;
    long rightView = (right.offset() + (long) rightRow) * ViewColumn.VIEW_SIZE;
    int leftLength = leftViews.get(ValueLayout.JAVA_INT_UNALIGNED, leftView);
    int rightLength = rightViews.get(ValueLayout.JAVA_INT_UNALIGNED, rightView);
    return compareBytes(viewData(left, leftViews, leftView, leftLength),
        viewDataStart(leftViews, leftView, leftLength), leftLength,
        viewData(right, rightViews, rightView, rightLength),
        viewDataStart(rightViews, rightView, rightLength), rightLength);
  }

  /** The segment holding a view's bytes: the views buffer when inline, else its data buffer. */
  static MemorySegment viewData(ViewColumn column, MemorySegment views, long view, int length) {
    if (length <= ViewColumn.MAX_INLINE) {
      return views;
    }
    int bufferIndex = views.get(ValueLayout.JAVA_INT_UNALIGNED, view + 8);
    return column.dataBuffers().get(bufferIndex).segment();
  }

  /** Where a view's bytes start within {@link #viewData}. */
  static long viewDataStart(MemorySegment views, long view, int length) {
    return length <= ViewColumn.MAX_INLINE
        ? view + 4
        : Integer.toUnsignedLong(views.get(ValueLayout.JAVA_INT_UNALIGNED, view + 12));
  }
}
