package dev.floe.io.ipc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Full checks of the variable-length parts of a decoded column (one pass over its offsets or
 * views, never over the data), so a lying file fails at read time with a typed error instead of
 * letting later code read outside a buffer. Each returns null when fine, else the problem.
 */
final class IpcValidation {
  private IpcValidation() {}

  /** Offsets {@code [0, length]} must not decrease and must stay within {@code [0, limit]}. */
  static String offsets(MemorySegment offsets, int length, int width, long limit) {
    long previous = read(offsets, 0, width);
    if (previous < 0 || previous > limit) {
      return "offset 0 is " + previous + ", outside 0.." + limit;
    }
    for (long index = 1; index <= length; index++) {
      long value = read(offsets, index, width);
      if (value < previous || value > limit) {
        return "offset " + index + " is " + value + " after " + previous + " (must not decrease and stay within 0.."
            + limit + ")";
      }
      previous = value;
    }
    return null;
  }

  private static long read(MemorySegment offsets, long index, int width) {
    return width == 4 ? offsets.get(ValueLayout.JAVA_INT_UNALIGNED, index * 4)
        : offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, index * 8);
  }

  /**
   * Each view's length must be >= 0; a view longer than 12 bytes must name an existing data
   * buffer and lie within its {@code dataLengths}.
   */
  static String views(MemorySegment views, int length, long[] dataLengths) {
    for (long index = 0; index < length; index++) {
      long base = index * 16;
      int size = views.get(ValueLayout.JAVA_INT_UNALIGNED, base);
      if (size < 0) {
        return "view " + index + " has length " + size;
      }
      if (size > 12) {
        int buffer = views.get(ValueLayout.JAVA_INT_UNALIGNED, base + 8);
        long offset = Integer.toUnsignedLong(views.get(ValueLayout.JAVA_INT_UNALIGNED, base + 12));
        if (buffer < 0 || buffer >= dataLengths.length) {
          return "view " + index + " names data buffer " + buffer + " of " + dataLengths.length;
        }
        if (offset + size > dataLengths[buffer]) {
          return "view " + index + " reads bytes " + offset + ".." + (offset + size) + " of data buffer "
              + buffer + ", which holds " + dataLengths[buffer];
        }
      }
    }
    return null;
  }

  /** Every valid row's dictionary index must be a position in a dictionary of {@code size}. */
  static String indices(MemorySegment validity, MemorySegment indices, int length, int width, boolean signed,
      int size) {
    for (long index = 0; index < length; index++) {
      if (validity != null && !dev.floe.memory.Bitmaps.get(validity, index)) {
        continue;
      }
      long value = switch (width) {
        case 1 -> signed ? indices.get(ValueLayout.JAVA_BYTE, index) : Byte.toUnsignedLong(indices.get(ValueLayout.JAVA_BYTE, index));
        case 2 -> signed ? indices.get(ValueLayout.JAVA_SHORT_UNALIGNED, index * 2)
            : Short.toUnsignedLong(indices.get(ValueLayout.JAVA_SHORT_UNALIGNED, index * 2));
        case 4 -> signed ? indices.get(ValueLayout.JAVA_INT_UNALIGNED, index * 4)
            : Integer.toUnsignedLong(indices.get(ValueLayout.JAVA_INT_UNALIGNED, index * 4));
        default -> indices.get(ValueLayout.JAVA_LONG_UNALIGNED, index * 8);
      };
      if (value < 0 || value >= size) {
        return "row " + index + " has dictionary index " + value + ", but the dictionary holds " + size + " values";
      }
    }
    return null;
  }
}
