package dev.floe.kernels;

import dev.floe.errors.ComputeException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.VarBinaryColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The gather of a string or binary column with 32-bit offsets ({@link GatherRows}), tuned for the
 * short values of key columns (an h2o join gathers 10M strings of about 10 bytes): the offsets are
 * read once straight from the offsets buffer, and a value of at most 16 bytes is copied as two
 * 8-byte words instead of a {@link MemorySegment#copy} call (whose fixed cost dominates for short
 * values). The word copy may write up to 16 bytes past the value's end; the output's data buffer
 * has 16 spare bytes for that, and the next value overwrites the rest.
 */
final class GatherStrings {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  /** Values up to this many bytes are copied as two words. */
  private static final int SHORT = 16;

  private GatherStrings() {}

  /** Rows {@code rows[0..count)} of {@code column} (-1: null, with {@code validity} built by the caller). */
  static Column gather(VarBinaryColumn column, int[] rows, int count, Buffer validity, BufferAllocator allocator) {
    MemorySegment offsetsIn = column.offsetsBuffer().segment();
    long base = column.offset();
    int[] starts = new int[count];
    int[] lengths = new int[count];
    long total = 0;
    for (int index = 0; index < count; index++) {
      int row = rows[index];
      if (row >= 0) {
        long slot = (base + row) << 2;
        int start = offsetsIn.get(INT, slot);
        int length = offsetsIn.get(INT, slot + 4) - start;
        starts[index] = start;
        lengths[index] = length;
        total += length;
      }
    }
    if (total > Integer.MAX_VALUE) {
      throw new ComputeException("gathering " + count + " values of " + column.type() + " needs "
          + total + " bytes, more than 32-bit offsets address (use a large string type)");
    }
    Buffer offsets = allocator.allocate(((long) count + 1) * 4);
    Buffer data = null;
    try {
      data = allocator.allocate(Math.max(8L, total + SHORT));
      MemorySegment offsetsOut = offsets.segment();
      MemorySegment dataOut = data.segment();
      MemorySegment source = column.dataBuffer().segment();
      long sourceSize = source.byteSize();
      int position = 0;
      for (int index = 0; index < count; index++) {
        offsetsOut.set(INT, (long) index << 2, position);
        int length = lengths[index];
        if (length == 0) {
          continue;
        }
        long start = starts[index];
        if (length <= SHORT && start + SHORT <= sourceSize) {
          dataOut.set(LONG, position, source.get(LONG, start));
          dataOut.set(LONG, position + 8L, source.get(LONG, start + 8));
        } else {
          MemorySegment.copy(source, start, dataOut, position, length);
        }
        position += length;
      }
      offsetsOut.set(INT, (long) count << 2, position);
      return new VarBinaryColumn(column.type(), 0, count, -1, validity, offsets, data);
    } catch (RuntimeException failure) {
      BooleanOps.release(offsets, data);
      throw failure;
    }
  }
}
