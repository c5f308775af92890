package dev.floe;

import static dev.floe.Floe.col;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The input-type matrix of {@link SequenceDifferentialTest}: columns of the types the random frames
 * lack (i8, i16, u8, u16, u64, f32, datetime, duration, time) and every sequence function and new
 * reduction with each of its options, applied to one column.
 */
final class SequenceTypeMatrix {
  private SequenceTypeMatrix() {}

  static List<PolarsCases.TestColumn> moreTypes(Random random, int rows, boolean nulls) {
    List<Object> i8 = new ArrayList<>();
    List<Object> i16 = new ArrayList<>();
    List<Object> u8 = new ArrayList<>();
    List<Object> u16 = new ArrayList<>();
    List<Object> u64 = new ArrayList<>();
    List<Object> f32 = new ArrayList<>();
    List<Object> datetimes = new ArrayList<>();
    List<Object> durations = new ArrayList<>();
    List<Object> times = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      boolean isNull = nulls && random.nextInt(4) == 0;
      i8.add(isNull ? null : (long) random.nextInt(256) - 128);
      i16.add(isNull ? null : (long) random.nextInt(2001) - 1000);
      u8.add(isNull ? null : (long) random.nextInt(256));
      u16.add(isNull ? null : (long) random.nextInt(70000) % 65536);
      u64.add(isNull ? null : random.nextInt(5) == 0 ? Long.MAX_VALUE : (long) random.nextInt(1000));
      f32.add(isNull ? null : List.of(1.5, -2.25, Double.NaN, 0.0, -0.0, 1e6, 3.75,
          Double.NEGATIVE_INFINITY).get(random.nextInt(8)));
      datetimes.add(isNull ? null : LocalDateTime.of(2020, 1, 1, 0, 0)
          .plusSeconds(random.nextInt(1_000_000_000)).plusNanos(random.nextInt(1000) * 1000L));
      durations.add(isNull ? null : Duration.ofMillis(random.nextInt(2_000_000_000) - 1_000_000_000L));
      times.add(isNull ? null : LocalTime.ofSecondOfDay(random.nextInt(86_400))
          .plusNanos(random.nextInt(1_000_000) * 1000L));
    }
    return List.of(
        new PolarsCases.TestColumn("i8", DataType.INT8, "pl.Int8", i8),
        new PolarsCases.TestColumn("i16", DataType.INT16, "pl.Int16", i16),
        new PolarsCases.TestColumn("u8", DataType.UINT8, "pl.UInt8", u8),
        new PolarsCases.TestColumn("u16", DataType.UINT16, "pl.UInt16", u16),
        new PolarsCases.TestColumn("u64", DataType.UINT64, "pl.UInt64", u64),
        new PolarsCases.TestColumn("f32", DataType.FLOAT32, "pl.Float32", f32),
        new PolarsCases.TestColumn(
            "dt", new DataType.Timestamp(TimeUnit.MICROSECOND, null), "pl.Datetime('us')", datetimes),
        new PolarsCases.TestColumn(
            "du", new DataType.Duration(TimeUnit.MICROSECOND), "pl.Duration('us')", durations),
        new PolarsCases.TestColumn(
            "t", new DataType.Time64(TimeUnit.NANOSECOND), "pl.Time", times));
  }

  /** Every function and option over {@code col(name)}. */
  static List<SequenceExprGen.Gen> functions(String name) {
    var c = col(name);
    String p = "pl.col('" + name + "')";
    List<SequenceExprGen.Gen> all = new ArrayList<>();
    for (boolean reverse : new boolean[] {false, true}) {
      String rev = "(reverse=" + (reverse ? "True" : "False") + ")";
      all.add(new SequenceExprGen.Gen(c.cumSum(reverse), p + ".cum_sum" + rev));
      all.add(new SequenceExprGen.Gen(c.cumProd(reverse), p + ".cum_prod" + rev));
      all.add(new SequenceExprGen.Gen(c.cumMin(reverse), p + ".cum_min" + rev));
      all.add(new SequenceExprGen.Gen(c.cumMax(reverse), p + ".cum_max" + rev));
      all.add(new SequenceExprGen.Gen(c.cumCount(reverse), p + ".cum_count" + rev));
    }
    all.add(new SequenceExprGen.Gen(c.shift(2), p + ".shift(2)"));
    all.add(new SequenceExprGen.Gen(c.shift(-3, 5), p + ".shift(-3, fill_value=5)"));
    all.add(new SequenceExprGen.Gen(c.shift(1, 2.5), p + ".shift(1, fill_value=2.5)"));
    all.add(new SequenceExprGen.Gen(c.diff(), p + ".diff()"));
    all.add(new SequenceExprGen.Gen(c.diff(-2), p + ".diff(-2)"));
    all.add(new SequenceExprGen.Gen(c.diff(1, "drop").nUnique(), p + ".diff(1, 'drop').n_unique()"));
    for (String method : List.of("average", "min", "max", "dense", "ordinal")) {
      all.add(new SequenceExprGen.Gen(c.rank(method), p + ".rank('" + method + "')"));
      all.add(new SequenceExprGen.Gen(
          c.rank(method, true), p + ".rank('" + method + "', descending=True)"));
    }
    all.add(new SequenceExprGen.Gen(c.fillNan(2), p + ".fill_nan(2)"));
    all.add(new SequenceExprGen.Gen(c.fillNan(null), p + ".fill_nan(None)"));
    if (!List.of("s", "b", "d", "dt", "du", "t").contains(name)) {
      // a scalar input broadcast to the value column (Polars lets the dynamic NaN literal adopt
      // even a str, bool or temporal value's type; Floe rejects those)
      all.add(new SequenceExprGen.Gen(
          Floe.lit(Double.NaN).fillNan(c), "pl.lit(float('nan')).fill_nan(" + p + ")"));
    }
    all.add(new SequenceExprGen.Gen(c.nUnique(), p + ".n_unique()"));
    all.add(new SequenceExprGen.Gen(c.median(), p + ".median()"));
    for (String method :
        List.of("nearest", "higher", "lower", "midpoint", "linear", "equiprobable")) {
      all.add(new SequenceExprGen.Gen(
          c.quantile(0.3, method), p + ".quantile(0.3, '" + method + "')"));
    }
    all.add(new SequenceExprGen.Gen(c.quantile(0.85), p + ".quantile(0.85)"));
    all.add(new SequenceExprGen.Gen(c.argMin(), p + ".arg_min()"));
    all.add(new SequenceExprGen.Gen(c.argMax(), p + ".arg_max()"));
    return all;
  }
}
