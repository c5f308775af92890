package dev.floe.kernels.hashing;

import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.scalar.HashScalar;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Objects;

/**
 * Key equality between a row of one set of key columns (a join's build side) and a row of another
 * set of the same types (a probe morsel), with the semantics of {@link RowEquality}: null equals
 * null, every NaN equals every NaN, -0.0 equals 0.0. The hot types (8- and 4-byte fixed width,
 * floats, strings and binaries with offsets) read their buffers in place; the others compare the
 * {@link DeepValues} of their Java values.
 */
@FunctionalInterface
public interface CrossEquality {
  ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

  /** Whether build row {@code buildRow} and probe row {@code probeRow} hold equal keys. */
  boolean equal(int buildRow, int probeRow);

  /** Equality over all keys; {@code build} and {@code probe} hold the same number and types of keys. */
  static CrossEquality of(List<Column> build, List<Column> probe) {
    if (build.size() != probe.size()) {
      throw new InvalidOperationException(
          "join keys: " + build.size() + " build keys against " + probe.size() + " probe keys");
    }
    CrossEquality[] parts = new CrossEquality[build.size()];
    for (int key = 0; key < parts.length; key++) {
      parts[key] = of(build.get(key), probe.get(key));
    }
    if (parts.length == 1) {
      return parts[0];
    }
    return (a, b) -> {
      for (CrossEquality part : parts) {
        if (!part.equal(a, b)) {
          return false;
        }
      }
      return true;
    };
  }

  /** Equality of one key, nulls included. */
  static CrossEquality of(Column build, Column probe) {
    if (!build.type().equals(probe.type())) {
      throw new InvalidOperationException(
          "join keys: a " + build.type() + " build key against a " + probe.type() + " probe key");
    }
    CrossEquality values = values(build, probe);
    if (build.nullCount() == 0 && probe.nullCount() == 0) {
      return values;
    }
    return (a, b) -> {
      boolean nullA = build.isNull(a);
      boolean nullB = probe.isNull(b);
      return nullA || nullB ? nullA == nullB : values.equal(a, b);
    };
  }

  private static CrossEquality values(Column build, Column probe) {
    DataType type = build.type();
    if (build instanceof FixedWidthColumn a && probe instanceof FixedWidthColumn b) {
      MemorySegment left = a.valuesBuffer().segment();
      MemorySegment right = b.valuesBuffer().segment();
      if (type instanceof DataType.Float64) {
        long baseA = (long) a.offset() << 3;
        long baseB = (long) b.offset() << 3;
        return (x, y) -> HashScalar.doubleKey(left.get(DOUBLE, baseA + ((long) x << 3)))
            == HashScalar.doubleKey(right.get(DOUBLE, baseB + ((long) y << 3)));
      }
      if (type instanceof DataType.Float32) {
        return (x, y) -> HashScalar.doubleKey(a.getFloat(x)) == HashScalar.doubleKey(b.getFloat(y));
      }
      if (type.byteWidth() == 8) {
        long baseA = (long) a.offset() << 3;
        long baseB = (long) b.offset() << 3;
        return (x, y) -> left.get(LONG, baseA + ((long) x << 3)) == right.get(LONG, baseB + ((long) y << 3));
      }
      if (type.byteWidth() == 4) {
        long baseA = (long) a.offset() << 2;
        long baseB = (long) b.offset() << 2;
        return (x, y) -> left.get(INT, baseA + ((long) x << 2)) == right.get(INT, baseB + ((long) y << 2));
      }
    }
    if (build instanceof VarBinaryColumn a && probe instanceof VarBinaryColumn b) {
      return varBinary(a, b);
    }
    return (x, y) -> Objects.equals(
        DeepValues.normalize(build.getObject(x)), DeepValues.normalize(probe.getObject(y)));
  }

  /** Strings and binaries with 32- or 64-bit offsets on either side, read in place. */
  private static CrossEquality varBinary(VarBinaryColumn a, VarBinaryColumn b) {
    MemorySegment dataA = a.dataBuffer().segment();
    MemorySegment dataB = b.dataBuffer().segment();
    Offsets offsetsA = Offsets.of(a);
    Offsets offsetsB = Offsets.of(b);
    return (x, y) -> {
      long startA = offsetsA.at(x);
      long endA = offsetsA.at(x + 1);
      long startB = offsetsB.at(y);
      long endB = offsetsB.at(y + 1);
      return endA - startA == endB - startB
          && MemorySegment.mismatch(dataA, startA, endA, dataB, startB, endB) < 0;
    };
  }

  /** The offsets of a string or binary column, by row (the column's slice offset applied). */
  @FunctionalInterface
  interface Offsets {
    long at(int row);

    static Offsets of(VarBinaryColumn column) {
      MemorySegment offsets = column.offsetsBuffer().segment();
      long first = column.offset();
      return column.isLarge()
          ? row -> offsets.get(LONG, (first + row) << 3)
          : row -> offsets.get(INT, (first + row) << 2);
    }
  }
}
