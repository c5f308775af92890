package dev.floe.io.parquet.read;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.NullColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Turns a chunk's dense physical values into a Floe column of {@code length} slots, where slot
 * {@code k} holds value {@code slots[k]} or is null when that is -1 ({@code slots == null}: slot k is
 * value k, no nulls). Without nulls and conversions the decoded buffers are handed over as they
 * are; strings and binaries keep their data buffer in every case (values stay in order), only the
 * offsets are rebuilt.
 */
final class LeafColumns {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  /** Julian day number of 1970-01-01. */
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private LeafColumns() {}

  static Column build(ReadNode.Leaf leaf, PhysicalValues values, int[] slots, int length, BufferAllocator allocator,
      String where) {
    if (leaf.conversion() == Conversion.NULL) {
      return new NullColumn(length);
    }
    if (slots == null && values.count != length) {
      throw new FloeIoException(where + ": " + values.count + " values for " + length + " rows");
    }
    if (leaf.type() instanceof DataType.Time64) {
      slots = timesOfDay(leaf.conversion(), values, slots, length);
    }
    Buffer validity = null;
    int nulls = 0;
    if (slots != null) {
      for (int k = 0; k < length; k++) {
        nulls += slots[k] < 0 ? 1 : 0;
      }
      if (nulls > 0) {
        validity = allocator.allocateZeroed(Bitmaps.bytesFor(length));
        MemorySegment bits = validity.segment();
        for (int k = 0; k < length; k++) {
          if (slots[k] >= 0) {
            Bitmaps.set(bits, k);
          }
        }
      }
    }
    try {
      return switch (leaf.conversion()) {
        case BOOLEAN -> booleans(values, slots, length, nulls, validity, allocator);
        case BINARY, FIXED_TO_BINARY -> binary(leaf.type(), values, slots, length, nulls, validity, allocator);
        case COPY -> nulls == 0 && (slots == null || identity(slots, length))
            ? new FixedWidthColumn(leaf.type(), 0, length, 0, null, values.values.take())
            : new FixedWidthColumn(leaf.type(), 0, length, nulls, validity, converted(leaf, values, slots, length,
                allocator, where));
        default -> new FixedWidthColumn(leaf.type(), 0, length, nulls, validity,
            converted(leaf, values, slots, length, allocator, where));
      };
    } catch (RuntimeException failure) {
      if (validity != null && validity.referenceCount() > 0) {
        validity.release();
      }
      throw failure;
    }
  }

  /**
   * Polars reads a time outside [00:00, 24:00) as null: the slots of such values become -1.
   */
  private static int[] timesOfDay(Conversion conversion, PhysicalValues values, int[] slots, int length) {
    MemorySegment in = values.values.segment();
    long perUnit = switch (conversion) {
      case TIME_MILLIS_TO_NANOS -> 1_000_000L;
      case TIME_MICROS_TO_NANOS -> 1_000L;
      default -> 1L;
    };
    long limit = NANOS_PER_DAY / perUnit;
    int[] out = slots;
    for (int k = 0; k < length; k++) {
      int v = slots == null ? k : slots[k];
      if (v < 0) {
        continue;
      }
      long value = conversion == Conversion.TIME_MILLIS_TO_NANOS ? in.get(INT, 4L * v) : in.get(LONG, 8L * v);
      if (value < 0 || value >= limit) {
        if (out == null) {
          out = new int[length];
          for (int j = 0; j < length; j++) {
            out[j] = j;
          }
        }
        out[k] = -1;
      }
    }
    return out;
  }

  private static boolean identity(int[] slots, int length) {
    for (int k = 0; k < length; k++) {
      if (slots[k] != k) {
        return false;
      }
    }
    return true;
  }

  private static Column booleans(PhysicalValues values, int[] slots, int length, int nulls, Buffer validity,
      BufferAllocator allocator) {
    if (slots == null) {
      return new BooleanColumn(0, length, 0, null, values.values.take());
    }
    Buffer bits = allocator.allocateZeroed(Bitmaps.bytesFor(length));
    MemorySegment source = values.values.segment();
    MemorySegment target = bits.segment();
    for (int k = 0; k < length; k++) {
      if (slots[k] >= 0 && Bitmaps.get(source, slots[k])) {
        Bitmaps.set(target, k);
      }
    }
    return new BooleanColumn(0, length, nulls, validity, bits);
  }

  private static Column binary(DataType type, PhysicalValues values, int[] slots, int length, int nulls,
      Buffer validity, BufferAllocator allocator) {
    if (values.width == PhysicalValues.VARIABLE && slots == null) {
      return new VarBinaryColumn(type, 0, length, 0, null, values.offsets.take(), values.values.take());
    }
    Buffer offsets = allocator.allocate((length + 1L) * 4);
    MemorySegment target = offsets.segment();
    int width = values.width;
    long end = 0;
    target.set(INT, 0, 0);
    for (int k = 0; k < length; k++) {
      int v = slots == null ? k : slots[k];
      if (v >= 0) {
        end += width > 0 ? width : values.offsetAt(v + 1) - values.offsetAt(v);
      }
      if (end > Integer.MAX_VALUE) {
        offsets.release();
        throw new FloeIoException("more than 2 GiB of binary data in one column chunk");
      }
      target.set(INT, 4L * (k + 1), (int) end);
    }
    return new VarBinaryColumn(type, 0, length, nulls, validity, offsets, values.values.take());
  }

  /** A new values buffer of the target type, converting value by value. */
  private static Buffer converted(ReadNode.Leaf leaf, PhysicalValues values, int[] slots, int length,
      BufferAllocator allocator, String where) {
    int targetWidth = leaf.type().byteWidth();
    Buffer buffer = allocator.allocateZeroed((long) length * targetWidth);
    try {
      MemorySegment out = buffer.segment();
      MemorySegment in = values.values.segment();
      int w = values.width;
      for (int k = 0; k < length; k++) {
        int v = slots == null ? k : slots[k];
        if (v < 0) {
          continue;
        }
        long src = (long) v * Math.max(w, 0);
        long dst = (long) k * targetWidth;
        switch (leaf.conversion()) {
          case COPY -> {
            if (targetWidth == 8) {
              out.set(LONG, dst, in.get(LONG, src));
            } else if (targetWidth == 4) {
              out.set(INT, dst, in.get(INT, src));
            } else {
              MemorySegment.copy(in, src, out, dst, targetWidth);
            }
          }
          case INT32_TO_8 -> out.set(ValueLayout.JAVA_BYTE, dst, (byte) in.get(INT, src));
          case INT32_TO_16 -> out.set(ValueLayout.JAVA_SHORT_UNALIGNED, dst, (short) in.get(INT, src));
          case TIME_MILLIS_TO_NANOS -> out.set(LONG, dst, in.get(INT, src) * 1_000_000L);
          case TIME_MICROS_TO_NANOS -> out.set(LONG, dst, in.get(LONG, src) * 1_000L);
          case INT32_TO_DECIMAL -> decimal(out, dst, in.get(INT, src));
          case INT64_TO_DECIMAL -> decimal(out, dst, in.get(LONG, src));
          case BYTES_TO_DECIMAL -> bytesDecimal(values, v, out, dst, where);
          case INT96_TO_TIMESTAMP -> out.set(LONG, dst, int96(in, src, leaf.type()));
          case FLOAT16_TO_FLOAT32 -> out.set(ValueLayout.JAVA_FLOAT_UNALIGNED, dst,
              Float.float16ToFloat(in.get(ValueLayout.JAVA_SHORT_UNALIGNED, src)));
          default -> throw new IllegalStateException("conversion " + leaf.conversion());
        }
      }
      return buffer;
    } catch (RuntimeException failure) {
      buffer.release();
      throw failure;
    }
  }

  private static void decimal(MemorySegment out, long dst, long value) {
    out.set(LONG, dst, value);
    out.set(LONG, dst + 8, value >> 63);
  }

  /** Big-endian two's complement of 1..16 bytes, sign-extended to 128 bits little-endian. */
  private static void bytesDecimal(PhysicalValues values, int v, MemorySegment out, long dst, String where) {
    MemorySegment in = values.values.segment();
    long start = values.width > 0 ? (long) v * values.width : values.offsetAt(v);
    int n = values.width > 0 ? values.width : values.offsetAt(v + 1) - values.offsetAt(v);
    if (n > 16) {
      throw new FloeIoException(where + ": decimal value " + v + " has " + n + " bytes, more than 16");
    }
    long low = 0;
    long high = 0;
    if (n > 0) {
      high = in.get(ValueLayout.JAVA_BYTE, start) < 0 ? -1 : 0;
      low = high;
      for (int b = 0; b < n; b++) {
        high = (high << 8) | (low >>> 56);
        low = (low << 8) | (in.get(ValueLayout.JAVA_BYTE, start + b) & 0xFF);
      }
    }
    out.set(LONG, dst, low);
    out.set(LONG, dst + 8, high);
  }

  private static long int96(MemorySegment in, long src, DataType type) {
    long nanosOfDay = in.get(LONG, src);
    long julianDay = in.get(INT, src + 8);
    long nanos = (julianDay - JULIAN_EPOCH_DAY) * NANOS_PER_DAY + nanosOfDay;
    TimeUnit unit = type instanceof DataType.Timestamp stamp ? stamp.unit() : TimeUnit.NANOSECOND;
    return switch (unit) {
      case NANOSECOND -> nanos;
      case MICROSECOND -> Math.floorDiv(nanos, 1_000L);
      case MILLISECOND -> Math.floorDiv(nanos, 1_000_000L);
      case SECOND -> Math.floorDiv(nanos, 1_000_000_000L);
    };
  }
}
