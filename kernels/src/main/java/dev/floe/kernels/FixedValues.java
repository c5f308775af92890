package dev.floe.kernels;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Raw reads and writes of fixed-width integer slots of any width (1, 2, 4 or 8 bytes) as longs,
 * for the scalar sequence kernels ({@link Cumulative}, {@link Diff}) that handle every integer and
 * temporal type with one loop: reads sign- or zero-extend, writes truncate (two's complement
 * wrapping, as Polars' integer arithmetic).
 */
final class FixedValues {
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

  private FixedValues() {}

  /** True when values of {@code type} are signed (signed integers and temporal types). */
  static boolean signed(DataType type) {
    return type.isSignedInteger() || type.isTemporal();
  }

  /** Slot {@code index} of a values segment of {@code width}-byte integers, widened to long. */
  static long read(MemorySegment values, int width, boolean signed, long index) {
    return switch (width) {
      case 1 -> signed ? values.get(ValueLayout.JAVA_BYTE, index)
          : values.get(ValueLayout.JAVA_BYTE, index) & 0xFFL;
      case 2 -> signed ? values.get(SHORT, index << 1) : values.get(SHORT, index << 1) & 0xFFFFL;
      case 4 -> signed ? values.get(INT, index << 2) : values.get(INT, index << 2) & 0xFFFF_FFFFL;
      default -> values.get(LONG, index << 3);
    };
  }

  /** Writes the low {@code width} bytes of {@code value} to slot {@code index}. */
  static void write(MemorySegment values, int width, long index, long value) {
    switch (width) {
      case 1 -> values.set(ValueLayout.JAVA_BYTE, index, (byte) value);
      case 2 -> values.set(SHORT, index << 1, (short) value);
      case 4 -> values.set(INT, index << 2, (int) value);
      default -> values.set(LONG, index << 3, value);
    }
  }

  /** A float slot (f32 or f64) as a double. */
  static double readDouble(MemorySegment values, int width, long index) {
    return width == 4 ? values.get(FLOAT, index << 2) : values.get(DOUBLE, index << 3);
  }

  /** Writes a float slot (f32: rounded to float). */
  static void writeDouble(MemorySegment values, int width, long index, double value) {
    if (width == 4) {
      values.set(FLOAT, index << 2, (float) value);
    } else {
      values.set(DOUBLE, index << 3, value);
    }
  }

  /** A values buffer for {@code length} slots of {@code type} (at least one byte). */
  static Buffer allocate(DataType type, int length, BufferAllocator allocator) {
    return allocator.allocate(Math.max(1L, (long) length * type.byteWidth()));
  }

  /** Wraps result buffers (row 0 at slot 0); the validity may be null. */
  static FixedWidthColumn column(DataType type, int length, Buffer validity, Buffer values) {
    return new FixedWidthColumn(type, 0, length, validity == null ? 0 : -1, validity, values);
  }
}
