package dev.floe;

import static dev.floe.Floe.col;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.FillStrategy;
import dev.floe.planner.expr.WindowOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random window expressions for {@link WindowDifferentialTest}: an aggregate or a length-keeping
 * function over one or two partition keys, with or without an order within the groups, as pairs of
 * a Floe expression and the same Polars expression. Frames are {@link GroupByGen}'s plus an order
 * key {@code o} (a permutation of the rows, so orders have no ties) and {@code on} (few values and
 * nulls, always followed by {@code o}).
 */
final class WindowGen {
  /** A Floe window expression and its Polars text. */
  record WindowCase(Expr floe, String python, boolean aggregate) {}

  private final Random random;
  private final GroupByGen groups;

  WindowGen(Random random) {
    this.random = random;
    this.groups = new GroupByGen(random);
  }

  /** {@link GroupByGen#frame} with the order keys {@code o} and {@code on}. */
  List<PolarsCases.TestColumn> frame(int rows, int cardinality) {
    List<PolarsCases.TestColumn> frame = new ArrayList<>(groups.frame(rows, cardinality));
    List<Object> order = new ArrayList<>();
    List<Object> nullable = new ArrayList<>();
    List<Object> coarse = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      order.add((long) row);
      coarse.add((long) random.nextInt(3));
    }
    Collections.shuffle(order, random);
    for (Object value : order) {
      nullable.add(random.nextInt(5) == 0 ? null : value);
    }
    Collections.shuffle(order, random);
    frame.add(new PolarsCases.TestColumn("o", DataType.INT64, "pl.Int64", order));
    frame.add(new PolarsCases.TestColumn("on", DataType.INT64, "pl.Int64", nullable));
    frame.add(new PolarsCases.TestColumn("oc", DataType.INT64, "pl.Int64", coarse));
    return frame;
  }

  /** One or two partition keys. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    keys.add(pick(GroupByGen.KEYS.toArray(String[]::new)));
    if (random.nextInt(3) == 0) {
      String second = pick(GroupByGen.KEYS.toArray(String[]::new));
      if (!keys.contains(second)) {
        keys.add(second);
      }
    }
    return keys;
  }

  /** A window over {@code keys} named {@code name}; {@code explode} and {@code join} allow those mappings. */
  WindowCase window(String name, List<String> keys, boolean explode, boolean join) {
    WindowCase base = random.nextBoolean() ? aggregate() : sequence();
    WindowOptions options = WindowOptions.DEFAULT;
    List<String> kwargs = new ArrayList<>();
    int mapping = random.nextInt(10);
    boolean exploding = mapping == 2 && explode;
    if (random.nextInt(3) == 0) {
      String[] orders = {"o", "on", "oc,o"};
      String[] order = orders[random.nextInt(orders.length)].split(",");
      options = options.withOrderBy(order);
      kwargs.add("order_by=" + (order.length == 1 ? "'" + order[0] + "'" : pyList(List.of(order))));
      boolean descending = random.nextBoolean();
      boolean nullsLast = random.nextBoolean();
      options = options.withDescending(descending).withNullsLast(nullsLast);
      kwargs.add("descending=" + (descending ? "True" : "False"));
      kwargs.add("nulls_last=" + (nullsLast ? "True" : "False"));
    }
    if (mapping < 2 && join) {
      options = options.withMapping(WindowOptions.Mapping.JOIN);
      kwargs.add("mapping_strategy='join'");
    } else if (exploding) {
      options = options.withMapping(WindowOptions.Mapping.EXPLODE);
      kwargs.add("mapping_strategy='explode'");
    }
    Expr floe = base.floe().over(keys.stream().map(Floe::col).toList(), options).alias(name);
    String python = base.python() + ".over(" + pyList(keys)
        + (kwargs.isEmpty() ? "" : ", " + String.join(", ", kwargs)) + ").alias('" + name + "')";
    return new WindowCase(floe, python, base.aggregate());
  }

  private WindowCase aggregate() {
    String number = pick("x", "z", "y");
    String any = pick("x", "z", "y", "s", "ki", "kd", "kb");
    return switch (random.nextInt(14)) {
      case 0 -> of(col(number).sum(), py(number, "sum()"), true);
      case 1 -> of(col(number).mean(), py(number, "mean()"), true);
      case 2 -> of(col(any).min(), py(any, "min()"), true);
      case 3 -> of(col(any).max(), py(any, "max()"), true);
      case 4 -> of(col(any).count(), py(any, "count()"), true);
      case 5 -> of(col(any).len(), py(any, "len()"), true);
      case 6 -> of(col(any).first(), py(any, "first()"), true);
      case 7 -> of(col(any).last(), py(any, "last()"), true);
      case 8 -> of(col(any).nUnique(), py(any, "n_unique()"), true);
      case 9 -> of(col(number).median(), py(number, "median()"), true);
      case 10 -> of(col(number).std(), py(number, "std()"), true);
      case 11 -> of(col(number).var(), py(number, "var()"), true);
      case 12 -> of(col(number).sub(col(number).mean()),
          "(pl.col('" + number + "') - pl.col('" + number + "').mean())", false);
      default -> of(col(number).mul(2).sum(), "(pl.col('" + number + "') * 2).sum()", true);
    };
  }

  private WindowCase sequence() {
    String number = pick("x", "z", "y");
    String any = pick("x", "z", "y", "s", "kd", "kb");
    long n = random.nextInt(5) - 2;
    return switch (random.nextInt(11)) {
      case 0 -> of(col(number).cumSum(), py(number, "cum_sum()"), false);
      case 1 -> of(col(number).cumSum(true), py(number, "cum_sum(reverse=True)"), false);
      case 2 -> of(col(number).cumMax(), py(number, "cum_max()"), false);
      case 3 -> of(col(any).cumCount(), py(any, "cum_count()"), false);
      case 4 -> of(col(any).shift(n), py(any, "shift(" + n + ")"), false);
      case 5 -> of(col("x").shift(n, 7L), py("x", "shift(" + n + ", fill_value=7)"), false);
      case 6 -> of(col(number).diff(n), py(number, "diff(" + n + ")"), false);
      case 7 -> {
        String method = pick("average", "min", "max", "dense", "ordinal");
        boolean descending = random.nextBoolean();
        yield of(col(number).rank(method, descending), py(number, "rank('" + method
            + "', descending=" + (descending ? "True" : "False") + ")"), false);
      }
      case 8 -> of(col(any).fillNull(FillStrategy.FORWARD), py(any, "fill_null(strategy='forward')"),
          false);
      case 9 -> of(col(any).fillNull(FillStrategy.BACKWARD),
          py(any, "fill_null(strategy='backward')"), false);
      default -> of(col(number).cumCount().add(col(number)),
          "(pl.col('" + number + "').cum_count() + pl.col('" + number + "'))", false);
    };
  }

  private static WindowCase of(Expr floe, String python, boolean aggregate) {
    return new WindowCase(floe, python, aggregate);
  }

  private static String py(String column, String call) {
    return "pl.col('" + column + "')." + call;
  }

  static String pyList(List<String> names) {
    return "[" + String.join(", ", names.stream().map(name -> "'" + name + "'").toList()) + "]";
  }

  String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
