package dev.floe.kernels;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.scalar.AggregateWords;
import dev.floe.kernels.scalar.HashScalar;
import dev.floe.kernels.simd.HashSimd;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedSizeBinaryColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * 64-bit row hashes for group-by and joins: {@link #hash64} gives one UInt64 per row (no nulls in
 * the result), {@link #combine} folds another key column in for multi-column keys.
 *
 * <p>Per type: integers, temporals and decimals by their value bits, widened to 64 (a Decimal128
 * mixes its two halves); floats by their bits with -0.0 = 0.0 and all NaNs equal; booleans as 0/1;
 * strings and binaries by their bytes; nulls as {@link HashScalar#NULL_HASH}; nested and
 * dictionary columns by their {@code getObject} value's {@code hashCode} (slow path, and Java's
 * Double.hashCode inside lists tells -0.0 from 0.0). Hashes are stable within a process run, not a
 * persistent format. 8-byte types run the SIMD kernel ({@link HashSimd}) or its scalar twin.
 */
public final class Hash {
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private Hash() {}

  /** One hash per row of {@code column}; the caller closes the result. */
  public static FixedWidthColumn hash64(Column column, BufferAllocator allocator) {
    int length = column.length();
    Buffer out = allocator.allocate(Math.max((long) length * 8, 1));
    try {
      fill(column, out.segment());
    } catch (RuntimeException failure) {
      out.release();
      throw failure;
    }
    return new FixedWidthColumn(DataType.UINT64, 0, length, 0, null, out);
  }

  /** {@code combine(hashes[row], hash(next[row]))} per row; the caller closes the result. */
  public static FixedWidthColumn combine(
      FixedWidthColumn hashes, Column next, BufferAllocator allocator) {
    if (hashes.length() != next.length()) {
      throw new ShapeMismatchException(
          "cannot combine " + hashes.length() + " row hashes with a column of " + next.length()
              + " rows");
    }
    FixedWidthColumn result = hash64(next, allocator);
    MemorySegment out = result.valuesBuffer().segment();
    MemorySegment previous = hashes.valuesBuffer().segment();
    int offset = hashes.offset();
    for (int row = 0; row < result.length(); row++) {
      long at = (long) row << 3;
      out.set(LONG, at, HashScalar.combine(previous.get(LONG, (offset + (long) row) << 3), out.get(LONG, at)));
    }
    return result;
  }

  private static void fill(Column column, MemorySegment out) {
    int length = column.length();
    if (column.nullCount() == length) {
      for (int row = 0; row < length; row++) {
        out.set(LONG, (long) row << 3, HashScalar.NULL_HASH);
      }
      return;
    }
    DataType type = column.type();
    boolean simd = KernelProvider.simd();
    switch (column) {
      case FixedWidthColumn fixed when type.byteWidth() == 8 && type.isFloatingPoint() -> {
        MemorySegment values = fixed.valuesBuffer().segment();
        if (simd) {
          HashSimd.hashDoubles(values, fixed.offset(), length, out);
        } else {
          HashScalar.hashDoubles(values, fixed.offset(), length, out);
        }
      }
      case FixedWidthColumn fixed when type.byteWidth() == 8 -> {
        MemorySegment values = fixed.valuesBuffer().segment();
        if (simd) {
          HashSimd.hashLongs(values, fixed.offset(), length, out);
        } else {
          HashScalar.hashLongs(values, fixed.offset(), length, out);
        }
      }
      case FixedWidthColumn fixed when type.byteWidth() == 4 && (type.isInteger() || type instanceof DataType.Date32) -> {
        MemorySegment values = fixed.valuesBuffer().segment();
        boolean signed = !(type instanceof DataType.UInt32);
        if (simd) {
          HashSimd.hashInts(values, fixed.offset(), length, signed, out);
        } else {
          HashScalar.hashInts(values, fixed.offset(), length, signed, out);
        }
      }
      case VarBinaryColumn bytes -> {
        hashVarBinary(bytes, out);
        return;
      }
      default -> {
        for (int row = 0; row < length; row++) {
          out.set(LONG, (long) row << 3, column.isNull(row) ? HashScalar.NULL_HASH : rowHash(column, row));
        }
        return;
      }
    }
    overwriteNulls(column, out);
  }

  /** {@link HashScalar#hashBytes} of every valid string, its buffers looked up once, not per row. */
  private static void hashVarBinary(VarBinaryColumn bytes, MemorySegment out) {
    MemorySegment data = bytes.dataBuffer().segment();
    MemorySegment offsets = bytes.offsetsBuffer().segment();
    long first = bytes.offset();
    boolean nulls = bytes.nullCount() > 0;
    boolean large = bytes.isLarge();
    for (int row = 0; row < bytes.length(); row++) {
      long hash;
      if (nulls && bytes.isNull(row)) {
        hash = HashScalar.NULL_HASH;
      } else {
        long slot = first + row;
        long start = large ? offsets.get(LONG, slot << 3) : offsets.get(ValueLayout.JAVA_INT_UNALIGNED, slot << 2);
        long end = large
            ? offsets.get(LONG, (slot + 1) << 3)
            : offsets.get(ValueLayout.JAVA_INT_UNALIGNED, (slot + 1) << 2);
        hash = HashScalar.hashBytes(data, start, (int) (end - start));
      }
      out.set(LONG, (long) row << 3, hash);
    }
  }

  /** Writes the null hash over the rows whose validity bit is clear, a word at a time. */
  private static void overwriteNulls(Column column, MemorySegment out) {
    MemorySegment validity = Aggregate.validityOrNull(column);
    if (validity == null) {
      return;
    }
    int length = column.length();
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long nulls = ~AggregateWords.bits(validity, column.offset() + (long) start, count)
          & (-1L >>> (64 - count));
      for (; nulls != 0; nulls &= nulls - 1) {
        int row = start + Long.numberOfTrailingZeros(nulls);
        out.set(LONG, (long) row << 3, HashScalar.NULL_HASH);
      }
    }
  }

  private static long rowHash(Column column, int row) {
    return switch (column) {
      case BooleanColumn bool -> HashScalar.mix(bool.getBoolean(row) ? 1 : 0);
      case FixedWidthColumn fixed -> fixedHash(fixed, row);
      case VarBinaryColumn bytes ->
          HashScalar.hashBytes(bytes.dataBuffer().segment(), bytes.valueStart(row), bytes.valueLength(row));
      case FixedSizeBinaryColumn fixedBytes -> {
        byte[] value = fixedBytes.getBytes(row);
        yield HashScalar.hashBytes(MemorySegment.ofArray(value), 0, value.length);
      }
      case ViewColumn views -> {
        byte[] value = views.getBytes(row);
        yield HashScalar.hashBytes(MemorySegment.ofArray(value), 0, value.length);
      }
      default -> HashScalar.mix(Objects.hashCode(column.getObject(row)));
    };
  }

  private static long fixedHash(FixedWidthColumn column, int row) {
    return switch (column.type()) {
      case DataType.Float32 t -> HashScalar.mix(HashScalar.doubleKey(column.getFloat(row)));
      case DataType.Decimal128 t -> {
        long byteOffset = (column.offset() + (long) row) << 4;
        MemorySegment values = column.valuesBuffer().segment();
        yield HashScalar.combine(
            HashScalar.mix(values.get(LONG, byteOffset)), values.get(LONG, byteOffset + 8));
      }
      default -> HashScalar.mix(AggregateValues.asLong(column, row));
    };
  }
}
