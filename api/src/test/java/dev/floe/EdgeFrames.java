package dev.floe;

import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The awkward inputs of {@link RelationalEdgeCasesTest}: frames whose key columns ({@code ki} Int64,
 * {@code ks} String, {@code kf} Float64) are empty, a single row, all null, heavily duplicated,
 * full of NaN, -0.0 and 0.0, or skewed (one key holding 99% of the rows), each with value columns
 * {@code x} (Int64), {@code y} (Float64), {@code s} (String) and {@code b} (Boolean) with some nulls.
 */
final class EdgeFrames {
  /** A named frame for the case descriptions. */
  record Named(String name, List<PolarsCases.TestColumn> columns) {}

  static final List<String> KEYS = List.of("ki", "ks", "kf");

  private EdgeFrames() {}

  static Named empty() {
    return new Named("empty", frame(new ArrayList<>(), 1));
  }

  static Named single() {
    List<Integer> keys = new ArrayList<>();
    keys.add(4);
    return new Named("single", frame(keys, 2));
  }

  static Named allNull(int rows) {
    List<Integer> keys = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      keys.add(null);
    }
    return new Named("allNull" + rows, frame(keys, 3));
  }

  /** Keys from {@code 0..distinct-1}, each repeated, with a null or two. */
  static Named duplicates(int rows, int distinct, long seed) {
    Random random = new Random(seed);
    List<Integer> keys = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      keys.add(random.nextInt(9) == 0 ? null : random.nextInt(distinct));
    }
    return new Named("dup" + rows + "x" + distinct, frame(keys, seed));
  }

  /** Keys 0 (-0.0 or 0.0 as a float) for 99% of the rows, the rest distinct. */
  static Named skewed(int rows) {
    Random random = new Random(rows);
    List<Integer> keys = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      Integer key = random.nextInt(100) == 0 ? Integer.valueOf(row + 10) : random.nextInt(1000) == 0 ? null : 0;
      keys.add(key);
    }
    return new Named("skewed" + rows, frame(keys, 5));
  }

  /**
   * Float keys with NaN, -0.0 and 0.0 among ordinary values and nulls; the int and string keys
   * follow the same pattern (code 1 is NaN, 2 is -0.0, 3 is 0.0).
   */
  static Named floats(int rows, long seed) {
    Random random = new Random(seed);
    List<Integer> keys = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      keys.add(random.nextInt(8) == 0 ? null : 1 + random.nextInt(5));
    }
    return new Named("floats" + rows, frame(keys, seed));
  }

  /** The frame for the key codes (null: a null key); values from {@code seed}. */
  private static List<PolarsCases.TestColumn> frame(List<Integer> codes, long seed) {
    Random random = new Random(seed);
    List<Object> ki = new ArrayList<>();
    List<Object> ks = new ArrayList<>();
    List<Object> kf = new ArrayList<>();
    List<Object> x = new ArrayList<>();
    List<Object> y = new ArrayList<>();
    List<Object> s = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    for (Integer code : codes) {
      ki.add(code == null ? null : (long) code);
      ks.add(code == null ? null : "k" + code);
      kf.add(code == null ? null : switch (code) {
        case 0 -> random.nextBoolean() ? -0.0 : 0.0;
        case 1 -> Double.NaN;
        case 2 -> -0.0;
        case 3 -> 0.0;
        default -> code / 2.0;
      });
      x.add(random.nextInt(10) == 0 ? null : (long) random.nextInt(1000) - 500);
      y.add(random.nextInt(10) == 0 ? null : random.nextInt(50) == 0 ? Double.NaN : random.nextInt(4000) / 8.0);
      s.add(random.nextInt(10) == 0 ? null : "s" + random.nextInt(20));
      b.add(random.nextInt(10) == 0 ? null : random.nextBoolean());
    }
    return List.of(
        new PolarsCases.TestColumn("ki", DataType.INT64, "pl.Int64", ki),
        new PolarsCases.TestColumn("ks", DataType.UTF8, "pl.String", ks),
        new PolarsCases.TestColumn("kf", DataType.FLOAT64, "pl.Float64", kf),
        new PolarsCases.TestColumn("x", DataType.INT64, "pl.Int64", x),
        new PolarsCases.TestColumn("y", DataType.FLOAT64, "pl.Float64", y),
        new PolarsCases.TestColumn("s", DataType.UTF8, "pl.String", s),
        new PolarsCases.TestColumn("b", DataType.BOOLEAN, "pl.Boolean", b));
  }
}
