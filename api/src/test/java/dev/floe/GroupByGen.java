package dev.floe;

import static dev.floe.Floe.col;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random group-by inputs for {@link GroupByDifferentialTest}: frames with key columns of every kind
 * (int, string, bool, date, float with NaN, -0.0 and 0.0), each with a chosen number of distinct
 * values and nulls, and value columns (i64, i32, f64 with NaN, str) with nulls; and aggregations as
 * pairs of a Floe expression and the same Polars expression.
 */
final class GroupByGen {
  /** A Floe aggregation and its Polars text. */
  record AggCase(Expr floe, String python) {}

  static final List<String> KEYS = List.of("ki", "ks", "kb", "kd", "kf");

  private final Random random;

  GroupByGen(Random random) {
    this.random = random;
  }

  /** A frame of {@code rows} rows whose keys take about {@code cardinality} distinct values. */
  List<PolarsCases.TestColumn> frame(int rows, int cardinality) {
    List<Object> ki = new ArrayList<>();
    List<Object> ks = new ArrayList<>();
    List<Object> kb = new ArrayList<>();
    List<Object> kd = new ArrayList<>();
    List<Object> kf = new ArrayList<>();
    List<Object> x = new ArrayList<>();
    List<Object> z = new ArrayList<>();
    List<Object> y = new ArrayList<>();
    List<Object> s = new ArrayList<>();
    double[] specialFloats = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY};
    boolean allUnique = cardinality >= rows;
    for (int row = 0; row < rows; row++) {
      int key = allUnique ? row : random.nextInt(cardinality);
      boolean nullKey = !allUnique && random.nextInt(12) == 0;
      ki.add(nullKey ? null : (long) key - cardinality / 3);
      ks.add(nullKey ? null : "k" + key);
      kb.add(nullKey ? null : key % 2 == 0);
      kd.add(nullKey ? null : LocalDate.of(2020, 1, 1).plusDays(key));
      kf.add(nullKey ? null : key < specialFloats.length && !allUnique ? specialFloats[key] : key * 0.5);
      x.add(random.nextInt(7) == 0 ? null : (long) (random.nextInt(2001) - 1000));
      z.add(random.nextInt(7) == 0 ? null : random.nextInt(200) - 100);
      double value = random.nextInt(40) == 0 ? Double.NaN : (random.nextInt(20001) - 10000) / 8.0;
      y.add(random.nextInt(7) == 0 ? null : value);
      s.add(random.nextInt(7) == 0 ? null : "s" + random.nextInt(Math.max(2, Math.min(rows, 50))));
    }
    return List.of(
        new PolarsCases.TestColumn("ki", DataType.INT64, "pl.Int64", ki),
        new PolarsCases.TestColumn("ks", DataType.UTF8, "pl.String", ks),
        new PolarsCases.TestColumn("kb", DataType.BOOLEAN, "pl.Boolean", kb),
        new PolarsCases.TestColumn("kd", DataType.DATE32, "pl.Date", kd),
        new PolarsCases.TestColumn("kf", DataType.FLOAT64, "pl.Float64", kf),
        new PolarsCases.TestColumn("x", DataType.INT64, "pl.Int64", x),
        new PolarsCases.TestColumn("z", DataType.INT32, "pl.Int32", z),
        new PolarsCases.TestColumn("y", DataType.FLOAT64, "pl.Float64", y),
        new PolarsCases.TestColumn("s", DataType.UTF8, "pl.String", s));
  }

  /** One aggregation, named {@code name}. */
  AggCase agg(String name) {
    String number = pick("x", "z", "y");
    String any = pick("x", "z", "y", "s", "ki", "kd");
    AggCase base = switch (random.nextInt(33)) {
      case 0 -> of(col(number).sum(), "pl.col('" + number + "').sum()");
      case 1 -> of(col(number).mean(), "pl.col('" + number + "').mean()");
      case 2 -> of(col(any).min(), "pl.col('" + any + "').min()");
      case 3 -> of(col(any).max(), "pl.col('" + any + "').max()");
      case 4 -> of(col(any).count(), "pl.col('" + any + "').count()");
      case 5 -> of(col(any).len(), "pl.col('" + any + "').len()");
      case 6 -> of(Floe.len(), "pl.len()");
      case 7 -> of(col(any).first(), "pl.col('" + any + "').first()");
      case 8 -> of(col(any).last(), "pl.col('" + any + "').last()");
      case 9 -> of(col(any).nUnique(), "pl.col('" + any + "').n_unique()");
      case 10 -> of(col(number).median(), "pl.col('" + number + "').median()");
      case 11 -> of(col(number).quantile(0.3, "linear"), "pl.col('" + number + "').quantile(0.3, 'linear')");
      case 12 -> of(col(number).quantile(0.75, "nearest"), "pl.col('" + number + "').quantile(0.75, 'nearest')");
      case 13 -> of(col(number).std(), "pl.col('" + number + "').std()");
      case 14 -> of(col(number).var(0), "pl.col('" + number + "').var(ddof=0)");
      case 15 -> of(col(any), "pl.col('" + any + "')");
      case 16 -> of(col("x").sum().div(col("y").count()), "pl.col('x').sum() / pl.col('y').count()");
      case 17 -> of(col("y").max().sub(col("y").min()).add(1), "(pl.col('y').max() - pl.col('y').min()) + 1");
      case 18 -> of(col("x").mul(2).add(col("z")).sum(), "(pl.col('x') * 2 + pl.col('z')).sum()");
      case 19 -> of(col("z").cast(DataType.FLOAT64).mean().mul(col("x").min()),
          "pl.col('z').cast(pl.Float64).mean() * pl.col('x').min()");
      case 20 -> of(col("y").sort().first(), "pl.col('y').sort().first()");
      case 21 -> of(col("x").filter(col("y").gt(0)).sum(), "pl.col('x').filter(pl.col('y') > 0).sum()");
      case 22 -> of(col(number).filter(col("z").lt(10)).mean(), "pl.col('" + number + "').filter(pl.col('z') < 10).mean()");
      case 23 -> of(col(any).filter(col("x").gt(-200)).min(), "pl.col('" + any + "').filter(pl.col('x') > -200).min()");
      case 24 -> of(col(any).filter(col("y").isNotNull()).count(), "pl.col('" + any + "').filter(pl.col('y').is_not_null()).count()");
      case 25 -> of(col(any).filter(col("z").gt(0)).first(), "pl.col('" + any + "').filter(pl.col('z') > 0).first()");
      case 26 -> of(col("s").filter(col("x").gt(0)).nUnique().add(col("y").filter(col("x").le(0)).max()),
          "pl.col('s').filter(pl.col('x') > 0).n_unique() + pl.col('y').filter(pl.col('x') <= 0).max()");
      case 27 -> of(col(number).filter(col("x").gt(0)).std(), "pl.col('" + number + "').filter(pl.col('x') > 0).std()");
      case 28 -> of(col("x").mul(2), "pl.col('x') * 2");
      case 29 -> of(col("z").sub(col("z").mean()), "pl.col('z') - pl.col('z').mean()");
      case 30 -> of(col(any).filter(col("x").gt(300)), "pl.col('" + any + "').filter(pl.col('x') > 300)");
      case 31 -> of(Floe.lit(2).sum().add(col("x").min()), "pl.lit(2).sum() + pl.col('x').min()");
      default -> of(col("y").abs().max(), "pl.col('y').abs().max()");
    };
    return of(base.floe().alias(name), "(" + base.python() + ").alias('" + name + "')");
  }

  private static AggCase of(Expr floe, String python) {
    return new AggCase(floe, python);
  }

  String pick(String... names) {
    return names[random.nextInt(names.length)];
  }
}
