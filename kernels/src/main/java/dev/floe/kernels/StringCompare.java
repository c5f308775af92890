package dev.floe.kernels;

import dev.floe.kernels.scalar.BooleanOpsScalar;
import dev.floe.memory.column.Column;
import java.lang.foreign.MemorySegment;

/**
 * A string or binary column (32- or 64-bit offsets, or views) compared with a constant on the
 * bytes in place ({@link ByteConstant}): EQ and NE check the length before any byte; the orders
 * compare a word at a time, byte-wise unsigned. Null rows are skipped and left 0 (the caller ANDs
 * in the validity), so their bytes are never read.
 */
final class StringCompare {
  private StringCompare() {}

  /** Writes {@code row op constant} for every row of {@code column} to {@code out}. */
  static void withConstant(Column column, byte[] constant, CompareOp op, MemorySegment out) {
    ByteConstant wanted = new ByteConstant(constant);
    if (op == CompareOp.EQ || op == CompareOp.NE) {
      equality(column, wanted, op == CompareOp.NE, out);
    } else {
      order(column, wanted, op, out);
    }
  }

  private static void equality(
      Column column, ByteConstant wanted, boolean negate, MemorySegment out) {
    StringRows rows = new StringRows(column);
    int length = column.length();
    MemorySegment validity = validity(column);
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = 0; word < words; word++) {
      int first = word << 6;
      int count = Math.min(64, length - first);
      long valid = validity == null ? -1L
          : BooleanOpsScalar.readWord(validity, column.offset() + first);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        if ((valid >>> bit & 1) != 0) {
          rows.at(first + bit);
          if (wanted.equalsValue(rows.segment, rows.start, rows.length) != negate) {
            bits |= 1L << bit;
          }
        }
      }
      BooleanOpsScalar.writeWord(out, word, bits, length);
    }
  }

  private static void order(Column column, ByteConstant wanted, CompareOp op, MemorySegment out) {
    StringRows rows = new StringRows(column);
    int length = column.length();
    MemorySegment validity = validity(column);
    // the sign a row's comparison must have, and whether equal rows pass too
    int sign = op == CompareOp.LT || op == CompareOp.LE ? -1 : 1;
    boolean orEqual = op == CompareOp.LE || op == CompareOp.GE;
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = 0; word < words; word++) {
      int first = word << 6;
      int count = Math.min(64, length - first);
      long valid = validity == null ? -1L
          : BooleanOpsScalar.readWord(validity, column.offset() + first);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        if ((valid >>> bit & 1) != 0) {
          rows.at(first + bit);
          int order = Integer.signum(wanted.compareValue(rows.segment, rows.start, rows.length));
          if (order == sign || (orEqual && order == 0)) {
            bits |= 1L << bit;
          }
        }
      }
      BooleanOpsScalar.writeWord(out, word, bits, length);
    }
  }

  static MemorySegment validity(Column column) {
    return column.validity() == null || column.nullCount() == 0
        ? null : column.validity().segment();
  }
}
