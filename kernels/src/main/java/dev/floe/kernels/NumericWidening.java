package dev.floe.kernels;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Casts that always succeed from a numeric type to Float64 or Int64 (the supertype casts the
 * planner inserts: {@code i32 -> i64}, {@code i64 -> f64}, {@code f32 -> f64}, ...), one typed
 * counted loop per source type so the JIT vectorizes it; the validity bitmap is copied. Integer to
 * float rounds to nearest, as Rust's {@code as f64} does; unsigned 64-bit values convert unsigned.
 * Other pairs return false from {@link #supports} and take the generic cast path.
 */
public final class NumericWidening {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

  private NumericWidening() {}

  /** True when {@code source -> target} is a widening this class converts. */
  public static boolean supports(DataType source, DataType target) {
    if (!source.isNumeric() || source.equals(target)) {
      return false;
    }
    return switch (target) {
      case DataType.Float64 t -> true;
      case DataType.Int64 t ->
          source.isSignedInteger() || (source.isInteger() && source.byteWidth() <= 4);
      default -> false;
    };
  }

  /** {@code column} widened to {@code target} (see {@link #supports}); the caller closes it. */
  public static FixedWidthColumn widen(
      FixedWidthColumn column, DataType target, BufferAllocator allocator) {
    int length = column.length();
    Buffer values = allocator.allocate(Math.max(length * 8L, 1));
    Buffer validity = null;
    try {
      validity = ArithmeticValidity.copy(column, allocator);
      convert(column.valuesBuffer().segment(), column.offset(), column.type(),
          values.segment(), 0, target, length);
    } catch (RuntimeException failure) {
      values.release();
      if (validity != null) {
        validity.release();
      }
      throw failure;
    }
    return ArithmeticValidity.column(target, length, validity, values);
  }

  /** Converts {@code length} values; offsets are in elements of each side's type. */
  public static void convert(
      MemorySegment source, int sourceOffset, DataType from, MemorySegment out, int outOffset,
      DataType to, int length) {
    if (to instanceof DataType.Float64) {
      toDouble(source, sourceOffset, from, out, outOffset, length);
    } else {
      toLong(source, sourceOffset, from, out, outOffset, length);
    }
  }

  private static void toDouble(
      MemorySegment in, int at, DataType from, MemorySegment out, int to, int n) {
    long o = (long) to << 3;
    switch (from) {
      case DataType.Int8 t -> { for (int i = 0; i < n; i++) out.set(DOUBLE, o + ((long) i << 3), in.get(BYTE, (long) at + i)); }
      case DataType.UInt8 t -> { for (int i = 0; i < n; i++) out.set(DOUBLE, o + ((long) i << 3), in.get(BYTE, (long) at + i) & 0xFF); }
      case DataType.Int16 t -> { for (int i = 0; i < n; i++) out.set(DOUBLE, o + ((long) i << 3), in.get(SHORT, (at + (long) i) << 1)); }
      case DataType.UInt16 t -> { for (int i = 0; i < n; i++) out.set(DOUBLE, o + ((long) i << 3), in.get(SHORT, (at + (long) i) << 1) & 0xFFFF); }
      case DataType.Int32 t -> { for (int i = 0; i < n; i++) out.set(DOUBLE, o + ((long) i << 3), in.get(INT, (at + (long) i) << 2)); }
      case DataType.UInt32 t -> { for (int i = 0; i < n; i++) out.set(DOUBLE, o + ((long) i << 3), in.get(INT, (at + (long) i) << 2) & 0xFFFF_FFFFL); }
      case DataType.Int64 t -> { for (int i = 0; i < n; i++) out.set(DOUBLE, o + ((long) i << 3), (double) in.get(LONG, (at + (long) i) << 3)); }
      case DataType.UInt64 t -> { for (int i = 0; i < n; i++) out.set(DOUBLE, o + ((long) i << 3), unsignedToDouble(in.get(LONG, (at + (long) i) << 3))); }
      case DataType.Float32 t -> { for (int i = 0; i < n; i++) out.set(DOUBLE, o + ((long) i << 3), in.get(FLOAT, (at + (long) i) << 2)); }
      default -> throw new IllegalArgumentException("no widening from " + from + " to f64");
    }
  }

  private static void toLong(
      MemorySegment in, int at, DataType from, MemorySegment out, int to, int n) {
    long o = (long) to << 3;
    switch (from) {
      case DataType.Int8 t -> { for (int i = 0; i < n; i++) out.set(LONG, o + ((long) i << 3), in.get(BYTE, (long) at + i)); }
      case DataType.UInt8 t -> { for (int i = 0; i < n; i++) out.set(LONG, o + ((long) i << 3), in.get(BYTE, (long) at + i) & 0xFF); }
      case DataType.Int16 t -> { for (int i = 0; i < n; i++) out.set(LONG, o + ((long) i << 3), in.get(SHORT, (at + (long) i) << 1)); }
      case DataType.UInt16 t -> { for (int i = 0; i < n; i++) out.set(LONG, o + ((long) i << 3), in.get(SHORT, (at + (long) i) << 1) & 0xFFFF); }
      case DataType.Int32 t -> { for (int i = 0; i < n; i++) out.set(LONG, o + ((long) i << 3), in.get(INT, (at + (long) i) << 2)); }
      case DataType.UInt32 t -> { for (int i = 0; i < n; i++) out.set(LONG, o + ((long) i << 3), in.get(INT, (at + (long) i) << 2) & 0xFFFF_FFFFL); }
      default -> throw new IllegalArgumentException("no widening from " + from + " to i64");
    }
  }

  private static double unsignedToDouble(long value) {
    return value >= 0 ? value : ((value >>> 1) | (value & 1)) * 2.0;
  }
}
