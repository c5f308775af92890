package dev.floe;

import dev.floe.memory.types.DataType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random join inputs for {@link JoinDifferentialTest}: key columns of one type (Int32, Int64,
 * String, Boolean, Date, Float64 with NaN, -0.0 and 0.0) drawn from a cardinality of 1, 10 or
 * 10,000 values or all unique, with nulls (none, some, half or all) and sometimes skewed (most rows
 * one value), plus value columns whose names clash across the sides.
 */
final class JoinGen {
  enum KeyType {
    I32(DataType.INT32, "pl.Int32"),
    I64(DataType.INT64, "pl.Int64"),
    STR(DataType.UTF8, "pl.String"),
    BOOL(DataType.BOOLEAN, "pl.Boolean"),
    DATE(DataType.DATE32, "pl.Date"),
    F64(DataType.FLOAT64, "pl.Float64");

    final DataType type;
    final String polars;

    KeyType(DataType type, String polars) {
      this.type = type;
      this.polars = polars;
    }

    boolean integer() {
      return this == I32 || this == I64;
    }
  }

  /** How the keys of both sides are drawn (shared, so that the sides overlap). */
  record KeyShape(int cardinality, double nulls, boolean skewed) {}

  private final Random random;

  JoinGen(Random random) {
    this.random = random;
  }

  KeyShape shape() {
    int[] cardinalities = {1, 10, 10_000, -1};
    double[] nulls = {0.0, 0.1, 0.5, 1.0};
    return new KeyShape(cardinalities[random.nextInt(4)], random.nextInt(30) == 0 ? 1.0 : nulls[random.nextInt(3)],
        random.nextInt(10) == 0);
  }

  int rows() {
    int pick = random.nextInt(40);
    return pick == 0 ? 0 : pick == 1 ? 150 + random.nextInt(100) : random.nextInt(25) + 1;
  }

  /** {@code rows} key values of {@code type} as {@code shape} says (unique: distinct within the side). */
  List<Object> keys(KeyType type, KeyShape shape, int rows) {
    List<Integer> indices = new ArrayList<>();
    if (shape.cardinality() < 0) {
      for (int index = 0; index < 2 * rows + 2; index++) {
        indices.add(index);
      }
      Collections.shuffle(indices, random);
    }
    List<Object> values = new ArrayList<>(rows);
    for (int row = 0; row < rows; row++) {
      if (random.nextDouble() < shape.nulls()) {
        values.add(null);
        continue;
      }
      int index = shape.cardinality() < 0 ? indices.get(row)
          : shape.skewed() && random.nextInt(5) != 0 ? 0 : random.nextInt(shape.cardinality());
      values.add(value(type, index));
    }
    return values;
  }

  private Object value(KeyType type, int index) {
    return switch (type) {
      case I32 -> index;
      case I64 -> (long) index;
      case STR -> index % 7 == 3 ? "é" + index : "k" + index;
      case BOOL -> index % 2 == 0;
      case DATE -> LocalDate.ofEpochDay(index - 3);
      case F64 -> index == 0 ? (random.nextBoolean() ? -0.0 : 0.0) : index == 1 ? Double.NaN : index / 2.0;
    };
  }

  static PolarsCases.TestColumn column(String name, KeyType type, List<Object> values) {
    return new PolarsCases.TestColumn(name, type.type, type.polars, values);
  }

  static PolarsCases.TestColumn longs(String name, int rows, long offset) {
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      values.add(offset + row);
    }
    return new PolarsCases.TestColumn(name, DataType.INT64, "pl.Int64", values);
  }

  PolarsCases.TestColumn strings(String name, int rows) {
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      values.add(random.nextInt(4) == 0 ? null : "w" + random.nextInt(5));
    }
    return new PolarsCases.TestColumn(name, DataType.UTF8, "pl.String", values);
  }
}
