package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.scalar.CompareScalar;
import dev.floe.kernels.simd.CompareSimd;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.NullColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;

/**
 * Comparisons producing boolean columns, with Polars' semantics: a result is null where either side
 * is null; floats use the total order (NaN equals NaN and is greater than every number, -0.0 equals
 * 0.0); strings and binaries compare byte-wise (unsigned). Both sides must have the same type and
 * length (the planner casts first).
 *
 * <p>Int64/Int32/Float64/Float32 and the temporal types stored as them run the word kernels
 * ({@link CompareKernels}: SIMD or scalar, chosen once); a string or binary column against a
 * constant compares its bytes in place a word at a time ({@link StringCompare}); other types
 * compare row by row. Values are compared regardless of validity (string rows against a constant:
 * valid rows only) and the validities are ANDed in afterwards, a word at a time.
 */
public final class Compare {
  static final CompareKernels KERNELS =
      KernelProvider.simd() ? CompareSimd.INSTANCE : CompareScalar.INSTANCE;

  private Compare() {}

  public static BooleanColumn compare(
      Column left, Column right, CompareOp op, BufferAllocator allocator) {
    requireSameShape(left, right, "compare (" + op + ")");
    int length = left.length();
    if (left instanceof NullColumn || isAllNull(left) || isAllNull(right)) {
      return BooleanOps.allNull(length, allocator);
    }
    Buffer values = BooleanOps.allocateBitmap(allocator, length);
    Buffer validity = null;
    try {
      compareValues(left, right, op, values.segment());
      validity = BooleanOps.andValidity(left, right, allocator);
      return BooleanOps.result(values, validity, length);
    } catch (RuntimeException failure) {
      BooleanOps.release(values, validity);
      throw failure;
    }
  }

  public static BooleanColumn compareScalar(
      Column left, Object right, CompareOp op, BufferAllocator allocator) {
    int length = left.length();
    if (right == null || left instanceof NullColumn || isAllNull(left)) {
      return BooleanOps.allNull(length, allocator);
    }
    Buffer values = BooleanOps.allocateBitmap(allocator, length);
    Buffer validity = null;
    try (Column constant = single(left.type(), right, allocator)) {
      compareWithConstant(left, constant, op, values.segment());
      validity = BooleanOps.copyValidity(left, allocator);
      return BooleanOps.result(values, validity, length);
    } catch (RuntimeException failure) {
      BooleanOps.release(values, validity);
      throw failure;
    }
  }

  /** Equality where null equals null: never null itself. */
  public static BooleanColumn eqMissing(Column left, Column right, BufferAllocator allocator) {
    requireSameShape(left, right, "eqMissing");
    int length = left.length();
    Buffer values = BooleanOps.allocateBitmap(allocator, length);
    try {
      MemorySegment out = values.segment();
      if (left instanceof NullColumn) {
        BooleanOps.fill(out, length, true);
      } else {
        compareValues(left, right, CompareOp.EQ, out);
        if (left.nullCount() > 0 || right.nullCount() > 0) {
          CompareMissing.mergeNulls(left, right, out, length);
        }
      }
      return BooleanOps.result(values, null, length);
    } catch (RuntimeException failure) {
      values.release();
      throw failure;
    }
  }

  public static BooleanColumn isNull(Column column, BufferAllocator allocator) {
    return CompareMissing.nullMask(column, true, allocator);
  }

  public static BooleanColumn isNotNull(Column column, BufferAllocator allocator) {
    return CompareMissing.nullMask(column, false, allocator);
  }

  /** True for NaN floats (false for integers); null stays null. */
  public static BooleanColumn isNan(Column column, BufferAllocator allocator) {
    return floatTest(column, true, allocator);
  }

  /** True for floats that are neither NaN nor infinite (true for integers); null stays null. */
  public static BooleanColumn isFinite(Column column, BufferAllocator allocator) {
    return floatTest(column, false, allocator);
  }

  /** Whether each value occurs in {@code set} (same type); a null value gives null. */
  public static BooleanColumn isIn(Column values, Column set, BufferAllocator allocator) {
    if (!values.type().equals(set.type())) {
      throw new SchemaMismatchException(
          "isIn needs a set of the values' type: values are " + values.type() + ", the set is "
              + set.type());
    }
    return CompareMissing.isIn(values, set, allocator);
  }

  /** {@code lower <(=) value <(=) upper}, as Polars: the Kleene AND of the two comparisons. */
  public static BooleanColumn isBetween(
      Column column, Object lower, Object upper, boolean lowerInclusive, boolean upperInclusive,
      BufferAllocator allocator) {
    try (BooleanColumn above =
            compareScalar(column, lower, lowerInclusive ? CompareOp.GE : CompareOp.GT, allocator);
        BooleanColumn below =
            compareScalar(column, upper, upperInclusive ? CompareOp.LE : CompareOp.LT, allocator)) {
      return BooleanOps.and(above, below, allocator);
    }
  }

  // ---- dispatch ----

  private static void compareValues(Column left, Column right, CompareOp op, MemorySegment out) {
    int length = left.length();
    KernelType kind = KernelType.of(left.type());
    if (kind == null) {
      compareRows(left, right, op, out, false);
      return;
    }
    MemorySegment leftValues = ((FixedWidthColumn) left).valuesBuffer().segment();
    MemorySegment rightValues = ((FixedWidthColumn) right).valuesBuffer().segment();
    // GT and LE are LT with the sides swapped; NE, GE and LE complement EQ, LT and GT.
    boolean swap = op == CompareOp.GT || op == CompareOp.LE;
    boolean equality = op == CompareOp.EQ || op == CompareOp.NE;
    MemorySegment x = swap ? rightValues : leftValues;
    MemorySegment y = swap ? leftValues : rightValues;
    long xFirst = swap ? right.offset() : left.offset();
    long yFirst = swap ? left.offset() : right.offset();
    switch (kind) {
      case LONG -> {
        if (equality) KERNELS.eqLongs(x, xFirst, y, yFirst, length, out);
        else KERNELS.ltLongs(x, xFirst, y, yFirst, length, out);
      }
      case INT -> {
        if (equality) KERNELS.eqInts(x, xFirst, y, yFirst, length, out);
        else KERNELS.ltInts(x, xFirst, y, yFirst, length, out);
      }
      case DOUBLE -> {
        if (equality) KERNELS.eqDoubles(x, xFirst, y, yFirst, length, out);
        else KERNELS.ltDoubles(x, xFirst, y, yFirst, length, out);
      }
      case FLOAT -> {
        if (equality) KERNELS.eqFloats(x, xFirst, y, yFirst, length, out);
        else KERNELS.ltFloats(x, xFirst, y, yFirst, length, out);
      }
    }
    if (op == CompareOp.NE || op == CompareOp.GE || op == CompareOp.LE) {
      BooleanOps.invert(out, length);
    }
  }

  private static void compareWithConstant(
      Column left, Column constant, CompareOp op, MemorySegment out) {
    int length = left.length();
    KernelType kind = KernelType.of(left.type());
    if (kind == null && StringRows.supports(left)) {
      StringCompare.withConstant(left, constantBytes(constant), op, out);
      return;
    }
    if (kind == null) {
      compareRows(left, constant, op, out, true);
      return;
    }
    FixedWidthColumn value = (FixedWidthColumn) constant;
    MemorySegment values = ((FixedWidthColumn) left).valuesBuffer().segment();
    long first = left.offset();
    boolean complement = op == CompareOp.NE || op == CompareOp.GE || op == CompareOp.LE;
    CompareOp base = switch (op) {
      case EQ, NE -> CompareOp.EQ;
      case LT, GE -> CompareOp.LT;
      case GT, LE -> CompareOp.GT;
    };
    switch (kind) {
      case LONG -> {
        long c = value.getLong(0);
        switch (base) {
          case EQ -> KERNELS.eqLong(values, first, length, c, out);
          case LT -> KERNELS.ltLong(values, first, length, c, out);
          default -> KERNELS.gtLong(values, first, length, c, out);
        }
      }
      case INT -> {
        int c = value.getInt(0);
        switch (base) {
          case EQ -> KERNELS.eqInt(values, first, length, c, out);
          case LT -> KERNELS.ltInt(values, first, length, c, out);
          default -> KERNELS.gtInt(values, first, length, c, out);
        }
      }
      case DOUBLE -> {
        double c = value.getDouble(0);
        if (Double.isNaN(c)) {
          againstNan(values, first, length, base, out, true);
        } else {
          switch (base) {
            case EQ -> KERNELS.eqDouble(values, first, length, c, out);
            case LT -> KERNELS.ltDouble(values, first, length, c, out);
            default -> KERNELS.gtDouble(values, first, length, c, out);
          }
        }
      }
      case FLOAT -> {
        float c = value.getFloat(0);
        if (Float.isNaN(c)) {
          againstNan(values, first, length, base, out, false);
        } else {
          switch (base) {
            case EQ -> KERNELS.eqFloat(values, first, length, c, out);
            case LT -> KERNELS.ltFloat(values, first, length, c, out);
            default -> KERNELS.gtFloat(values, first, length, c, out);
          }
        }
      }
    }
    if (complement) {
      BooleanOps.invert(out, length);
    }
  }

  /** x == NaN iff x is NaN; x < NaN iff x is not NaN; x > NaN never (NaN is the largest). */
  private static void againstNan(MemorySegment values, long first, int length, CompareOp base,
      MemorySegment out, boolean isDouble) {
    if (base == CompareOp.GT) {
      BooleanOps.fill(out, length, false);
      return;
    }
    if (isDouble) {
      KERNELS.isNanDouble(values, first, length, out);
    } else {
      KERNELS.isNanFloat(values, first, length, out);
    }
    if (base == CompareOp.LT) {
      BooleanOps.invert(out, length);
    }
  }

  private static void compareRows(
      Column left, Column right, CompareOp op, MemorySegment out, boolean constant) {
    CompareRows.RowComparator comparator = CompareRows.of(left, right);
    int length = left.length();
    int words = (length + 63) >>> 6;
    for (int word = 0; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        int row = start + bit;
        int order = comparator.compare(row, constant ? 0 : row);
        boolean result = switch (op) {
          case EQ -> order == 0;
          case NE -> order != 0;
          case LT -> order < 0;
          case LE -> order <= 0;
          case GT -> order > 0;
          case GE -> order >= 0;
        };
        bits |= (result ? 1L : 0L) << bit;
      }
      out.set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, (long) word << 3, bits);
    }
  }

  private static BooleanColumn floatTest(Column column, boolean nan, BufferAllocator allocator) {
    DataType type = column.type();
    String name = nan ? "isNan" : "isFinite";
    if (!type.isNumeric()) {
      throw new InvalidOperationException(
          name + " is defined for numeric columns, got a column of " + type);
    }
    int length = column.length();
    Buffer values = BooleanOps.allocateBitmap(allocator, length);
    Buffer validity = null;
    try {
      MemorySegment out = values.segment();
      if (!type.isFloatingPoint()) {
        BooleanOps.fill(out, length, !nan);
      } else {
        MemorySegment data = ((FixedWidthColumn) column).valuesBuffer().segment();
        boolean isDouble = type instanceof DataType.Float64;
        if (nan && isDouble) KERNELS.isNanDouble(data, column.offset(), length, out);
        else if (nan) KERNELS.isNanFloat(data, column.offset(), length, out);
        else if (isDouble) KERNELS.isFiniteDouble(data, column.offset(), length, out);
        else KERNELS.isFiniteFloat(data, column.offset(), length, out);
      }
      validity = BooleanOps.copyValidity(column, allocator);
      return BooleanOps.result(values, validity, length);
    } catch (RuntimeException failure) {
      BooleanOps.release(values, validity);
      throw failure;
    }
  }

  // ---- helpers ----

  private static boolean isAllNull(Column column) {
    return column.length() > 0 && column.nullCount() == column.length();
  }

  static void requireSameShape(Column left, Column right, String operation) {
    if (!left.type().equals(right.type())) {
      throw new SchemaMismatchException(
          "cannot " + operation + " a column of " + left.type() + " with a column of "
              + right.type() + " (cast one side first)");
    }
    if (left.length() != right.length()) {
      throw new ShapeMismatchException(
          "cannot " + operation + " columns of lengths " + left.length() + " and "
              + right.length() + " (" + left.type() + ")");
    }
  }

  /** A one-row column of {@code type} holding {@code value} (a Java value as getObject returns). */
  static Column single(DataType type, Object value, BufferAllocator allocator) {
    try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
      builder.appendObject(value);
      return builder.build();
    }
  }

  /** The bytes of the one value of a string or binary constant column. */
  private static byte[] constantBytes(Column constant) {
    return switch (constant) {
      case dev.floe.memory.column.VarBinaryColumn c -> c.getBytes(0);
      case dev.floe.memory.column.ViewColumn c -> c.getBytes(0);
      default -> throw new IllegalStateException("not a string constant: " + constant.type());
    };
  }

  /** Which word kernel family compares a type, or null for the row-at-a-time path. */
  private enum KernelType {
    LONG, INT, DOUBLE, FLOAT;

    static KernelType of(DataType type) {
      return switch (type) {
        case DataType.Int64 t -> LONG;
        case DataType.Time64 t -> LONG;
        case DataType.Timestamp t -> LONG;
        case DataType.Duration t -> LONG;
        case DataType.Int32 t -> INT;
        case DataType.Date32 t -> INT;
        case DataType.Float64 t -> DOUBLE;
        case DataType.Float32 t -> FLOAT;
        default -> null;
      };
    }
  }
}
