package dev.floe.kernels.hashing;

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

  /** Row {@code row}'s key (4-byte keys sign-extended). */
  public long at(int row) {
    long position = (offset + row) * width;
    return width == 8
        ? values.get(ValueLayout.JAVA_LONG_UNALIGNED, position)
        : values.get(ValueLayout.JAVA_INT_UNALIGNED, position);
  }
}
