package dev.floe.kernels.hashing;

import dev.floe.kernels.scalar.HashScalar;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/** One integer or temporal key column of 4 or 8 bytes without nulls, read in place. */
public record IntegerKeys(MemorySegment values, long offset, int width, DataType type) {
  /** The keys of {@code keys}, or null when they are not one such column. */
  public static IntegerKeys of(List<Column> keys) {
    if (keys.size() != 1 || !(keys.getFirst() instanceof FixedWidthColumn column) || column.nullCount() > 0) {
      return null;
    }
    DataType type = column.type();
    int width = type.byteWidth();
    if (!(type.isInteger() || type.isTemporal()) || (width != 4 && width != 8)) {
      return null;
    }
    return new IntegerKeys(column.valuesBuffer().segment(), column.offset(), width, type);
  }

  /**
   * Whether {@link #hash} gives the hashes {@link JoinTable#hashes} gives these keys: 8-byte keys
   * and 4-byte integers and dates (what {@link dev.floe.kernels.Hash#hash64} hashes as longs).
   */
  public boolean hashesInline() {
    return width == 8 || type.isInteger() || type instanceof DataType.Date32;
  }

  /**
   * The row hash of key {@code key} (as {@link #at} returns it), equal to {@link JoinTable#hashes}'
   * for a one-key row when {@link #hashesInline}: a UInt32 is hashed zero-extended, others as they
   * are. One scalar mix, so a pass that needs the hashes of a chunk need not store them.
   */
  public long hash(long key) {
    return HashScalar.mix(type instanceof DataType.UInt32 ? key & 0xFFFF_FFFFL : key);
  }

  /** Row {@code row}'s key (4-byte keys sign-extended). */
  public long at(int row) {
    long position = (offset + row) * width;
    return width == 8
        ? values.get(ValueLayout.JAVA_LONG_UNALIGNED, position)
        : values.get(ValueLayout.JAVA_INT_UNALIGNED, position);
  }
}
