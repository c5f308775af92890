package dev.floe.io.parquet.write;

import dev.floe.memory.Bitmaps;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedSizeBinaryColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.apache.parquet.column.ColumnWriter;

/**
 * Hands the values of one leaf column to parquet-mr's {@link ColumnWriter}, read straight from the
 * off-heap buffers: one loop per physical kind, no boxing. Entries are either a flat run of rows
 * ({@code levels == null}: repetition 0, definition 1 for a value and 0 for a null) or the output of
 * {@link LevelShredder}. Byte arrays go through one reused heap scratch array as
 * {@code Binary.fromReusedByteArray}: parquet-mr copies a reused binary wherever it keeps it
 * (dictionary, statistics), and the plain encoder writes it from the array without a copy.
 */
final class LeafValueWriter {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private final ReusedBinary binary = new ReusedBinary();

  /**
   * Writes {@code count} flat rows from {@code start} (when {@code levels} is null) or every entry
   * of {@code levels}; {@code maxDefinition} is the leaf's maximum definition level.
   */
  void write(ColumnWriter writer, Column column, int start, int count, Levels levels, int maxDefinition) {
    Entries entries = new Entries(column, start, count, levels, maxDefinition);
    switch (column.type()) {
      case DataType.NullType t -> {
        for (int k = 0; k < entries.count; k++) {
          writer.writeNull(entries.rep(k), entries.terminal(k) ? entries.levels.def[k] : maxDefinition - 1);
        }
      }
      case DataType.BooleanType t -> booleans(writer, (BooleanColumn) column, entries);
      case DataType.Float32 t -> floats(writer, (FixedWidthColumn) column, entries);
      case DataType.Float64 t -> doubles(writer, (FixedWidthColumn) column, entries);
      case DataType.Decimal128 d when d.precision() > 18 -> binary.decimals(writer, (FixedWidthColumn) column, entries);
      case DataType.Decimal128 d when d.precision() > 9 -> longs(writer, (FixedWidthColumn) column, entries, 16, 1);
      case DataType.Decimal128 d -> ints(writer, (FixedWidthColumn) column, entries, IntKind.DECIMAL);
      case DataType.Int8 t -> ints(writer, (FixedWidthColumn) column, entries, IntKind.BYTE);
      case DataType.UInt8 t -> ints(writer, (FixedWidthColumn) column, entries, IntKind.UBYTE);
      case DataType.Int16 t -> ints(writer, (FixedWidthColumn) column, entries, IntKind.SHORT);
      case DataType.UInt16 t -> ints(writer, (FixedWidthColumn) column, entries, IntKind.USHORT);
      case DataType.Int32 t -> ints(writer, (FixedWidthColumn) column, entries, IntKind.INT);
      case DataType.UInt32 t -> ints(writer, (FixedWidthColumn) column, entries, IntKind.INT);
      case DataType.Date32 t -> ints(writer, (FixedWidthColumn) column, entries, IntKind.INT);
      case DataType.Timestamp s when s.unit() == TimeUnit.SECOND ->
          longs(writer, (FixedWidthColumn) column, entries, 8, 1000);
      case DataType.FixedSizeBinary t -> binary.fixed(writer, (FixedSizeBinaryColumn) column, entries);
      default -> {
        switch (column) {
          case FixedWidthColumn fixed -> longs(writer, fixed, entries, 8, 1);
          case VarBinaryColumn variable -> binary.variable(writer, variable, entries);
          case ViewColumn views -> binary.views(writer, views, entries);
          default -> throw new IllegalStateException("no Parquet leaf writer for " + column.type());
        }
      }
    }
  }

  /** The entries to write: a flat run or shredded levels, with the leaf's validity. */
  static final class Entries {
    final int start;
    final int count;
    final Levels levels;
    final int maxDefinition;
    final MemorySegment validity;
    final int offset;

    Entries(Column column, int start, int count, Levels levels, int maxDefinition) {
      this.start = start;
      this.count = levels == null ? count : levels.size;
      this.levels = levels;
      this.maxDefinition = maxDefinition;
      this.validity = column.validity() == null ? null : column.validity().segment();
      this.offset = column.offset();
    }

    /** The leaf index of entry {@code k}, or -1. */
    int index(int k) {
      return levels == null ? start + k : levels.index[k];
    }

    int rep(int k) {
      return levels == null ? 0 : levels.rep[k];
    }

    boolean terminal(int k) {
      return levels != null && levels.index[k] < 0;
    }

    /**
     * Writes a null for entry {@code k} if it has no value ({@code index} -1 or a null slot) and
     * returns true; else returns false.
     */
    boolean writeNullIfAbsent(ColumnWriter writer, int k, int index) {
      if (index < 0) {
        writer.writeNull(levels.rep[k], levels.def[k]);
        return true;
      }
      if (validity != null && !Bitmaps.get(validity, offset + (long) index)) {
        writer.writeNull(rep(k), maxDefinition - 1);
        return true;
      }
      return false;
    }
  }

  private enum IntKind { BYTE, UBYTE, SHORT, USHORT, INT, DECIMAL }

  private static void ints(ColumnWriter writer, FixedWidthColumn column, Entries entries, IntKind kind) {
    MemorySegment values = column.valuesBuffer().segment();
    long base = column.offset();
    int max = entries.maxDefinition;
    for (int k = 0; k < entries.count; k++) {
      int index = entries.index(k);
      if (entries.writeNullIfAbsent(writer, k, index)) {
        continue;
      }
      long slot = base + index;
      int value = switch (kind) {
        case BYTE -> values.get(ValueLayout.JAVA_BYTE, slot);
        case UBYTE -> values.get(ValueLayout.JAVA_BYTE, slot) & 0xFF;
        case SHORT -> values.get(ValueLayout.JAVA_SHORT_UNALIGNED, slot << 1);
        case USHORT -> values.get(ValueLayout.JAVA_SHORT_UNALIGNED, slot << 1) & 0xFFFF;
        case INT -> values.get(INT, slot << 2);
        case DECIMAL -> (int) values.get(LONG, slot << 4);
      };
      writer.write(value, entries.rep(k), max);
    }
  }

  /** 64-bit values of {@code width} bytes (8, or 16 for a decimal's low word), times {@code scale}. */
  private static void longs(ColumnWriter writer, FixedWidthColumn column, Entries entries, int width, long scale) {
    MemorySegment values = column.valuesBuffer().segment();
    long base = column.offset();
    int max = entries.maxDefinition;
    for (int k = 0; k < entries.count; k++) {
      int index = entries.index(k);
      if (entries.writeNullIfAbsent(writer, k, index)) {
        continue;
      }
      writer.write(values.get(LONG, (base + index) * width) * scale, entries.rep(k), max);
    }
  }

  private static void floats(ColumnWriter writer, FixedWidthColumn column, Entries entries) {
    MemorySegment values = column.valuesBuffer().segment();
    long base = column.offset();
    int max = entries.maxDefinition;
    for (int k = 0; k < entries.count; k++) {
      int index = entries.index(k);
      if (entries.writeNullIfAbsent(writer, k, index)) {
        continue;
      }
      writer.write(values.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (base + index) << 2), entries.rep(k), max);
    }
  }

  private static void doubles(ColumnWriter writer, FixedWidthColumn column, Entries entries) {
    MemorySegment values = column.valuesBuffer().segment();
    long base = column.offset();
    int max = entries.maxDefinition;
    for (int k = 0; k < entries.count; k++) {
      int index = entries.index(k);
      if (entries.writeNullIfAbsent(writer, k, index)) {
        continue;
      }
      writer.write(values.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (base + index) << 3), entries.rep(k), max);
    }
  }

  private static void booleans(ColumnWriter writer, BooleanColumn column, Entries entries) {
    MemorySegment values = column.valuesBuffer().segment();
    long base = column.offset();
    int max = entries.maxDefinition;
    for (int k = 0; k < entries.count; k++) {
      int index = entries.index(k);
      if (entries.writeNullIfAbsent(writer, k, index)) {
        continue;
      }
      writer.write(Bitmaps.get(values, base + index), entries.rep(k), max);
    }
  }
}
