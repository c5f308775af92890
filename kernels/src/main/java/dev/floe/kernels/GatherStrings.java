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
 * has 16 spare bytes for that, and the next value overwrites the rest. When most rows continue a
 * run of consecutive rows (a filter keeping most rows), each run is one copy of its bytes, its
 * offsets shifted by a constant; otherwise (a join's random rows) the loops go value by value.
 */
final class GatherStrings {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  /** Values up to this many bytes are copied as two words. */
  private static final int SHORT = 16;

  private GatherStrings() {}

  /** Rows {@code rows[0..count)} of {@code column} (-1: null, with {@code validity} built by the caller). */
  static Column gather(VarBinaryColumn column, int[] rows, int count, Buffer validity, BufferAllocator allocator) {
    int consecutive = 0;
    for (int index = 1; index < count; index++) {
      consecutive += rows[index] == rows[index - 1] + 1 ? 1 : 0;
    }
    return consecutive * 2 > count
        ? runByRun(column, rows, count, validity, allocator)
        : rowByRow(column, rows, count, validity, allocator);
  }

  /** The gather run by run of consecutive rows (a filter keeping most rows). */
  private static Column runByRun(VarBinaryColumn column, int[] rows, int count, Buffer validity, BufferAllocator allocator) {
    MemorySegment offsetsIn = column.offsetsBuffer().segment();
    long base = column.offset();
    // per run head (a row followed by its successors in rows[]): where its bytes start, how many
    int[] starts = new int[count];
    int[] lengths = new int[count];
    long total = 0;
    for (int index = 0; index < count; ) {
      int row = rows[index];
      if (row < 0) {
        index++;
        continue;
      }
      int end = runEnd(rows, index, count);
      long slot = (base + row) << 2;
      int start = offsetsIn.get(INT, slot);
      int length = offsetsIn.get(INT, slot + ((long) (end - index) << 2)) - start;
      starts[index] = start;
      lengths[index] = length;
      total += length;
      index = end;
    }
    checkTotal(column, count, total);
    Buffer offsets = allocator.allocate(((long) count + 1) * 4);
    Buffer data = null;
    try {
      data = allocator.allocate(Math.max(8L, total + SHORT));
      MemorySegment offsetsOut = offsets.segment();
      MemorySegment dataOut = data.segment();
      MemorySegment source = column.dataBuffer().segment();
      long sourceSize = source.byteSize();
      int position = 0;
      for (int index = 0; index < count; ) {
        offsetsOut.set(INT, (long) index << 2, position);
        if (rows[index] < 0) {
          index++;
          continue;
        }
        int end = runEnd(rows, index, count);
        int length = lengths[index];
        long start = starts[index];
        if (end - index > 1) {
          // consecutive rows: their bytes are contiguous, their offsets shift by a constant
          long slot = (base + rows[index]) << 2;
          int shift = position - (int) start;
          for (int next = index + 1; next < end; next++) {
            offsetsOut.set(INT, (long) next << 2,
                offsetsIn.get(INT, slot + ((long) (next - index) << 2)) + shift);
          }
          MemorySegment.copy(source, start, dataOut, position, length);
        } else if (length <= SHORT && start + SHORT <= sourceSize) {
          dataOut.set(LONG, position, source.get(LONG, start));
          dataOut.set(LONG, position + 8L, source.get(LONG, start + 8));
        } else if (length > 0) {
          MemorySegment.copy(source, start, dataOut, position, length);
        }
        position += length;
        index = end;
      }
      offsetsOut.set(INT, (long) count << 2, position);
      return new VarBinaryColumn(column.type(), 0, count, -1, validity, offsets, data);
    } catch (RuntimeException failure) {
      BooleanOps.release(offsets, data);
      throw failure;
    }
  }

  /** The gather value by value (counted loops: random rows, a join's). */
  private static Column rowByRow(VarBinaryColumn column, int[] rows, int count, Buffer validity, BufferAllocator allocator) {
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
    checkTotal(column, count, total);
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

  /** The end (exclusive) of the run of consecutive rows starting at {@code rows[index]}. */
  private static int runEnd(int[] rows, int index, int count) {
    int end = index + 1;
    while (end < count && rows[end] == rows[end - 1] + 1) {
      end++;
    }
    return end;
  }

  /** Refuses a gather whose bytes 32-bit offsets cannot address, naming the column type and sizes. */
  private static void checkTotal(VarBinaryColumn column, int count, long total) {
    if (total > Integer.MAX_VALUE) {
      throw new ComputeException("gathering " + count + " values of " + column.type() + " needs "
          + total + " bytes, more than 32-bit offsets address (use a large string type)");
    }
  }
}
