package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.planner.expr.Expr;
import java.util.List;
import java.util.Random;

/**
 * Random expressions over the sequence functions and the new reductions, in Java and in Polars'
 * Python, for {@link SequenceDifferentialTest}. Columns: i (i64), i32, u (u32), f (f64), s (str),
 * b (bool), d (date).
 */
final class SequenceExprGen {
  /** An expression in both languages. */
  record Gen(Expr expr, String python) {}

  private static final List<String> NUMERIC = List.of("i", "i32", "u", "f");
  private static final List<String> ALL = List.of("i", "i32", "u", "f", "s", "b", "d");
  private static final List<String> METHODS = List.of("average", "min", "max", "dense", "ordinal");
  private static final List<String> INTERPOLATIONS =
      List.of("nearest", "higher", "lower", "midpoint", "linear", "equiprobable");

  private static final java.util.regex.Pattern SEQUENCED =
      java.util.regex.Pattern.compile("\\.(cum|shift|diff|rank|fillNan)");

  private final Random random;
  private final int rows;

  SequenceExprGen(Random random, int rows) {
    this.random = random;
    this.rows = rows;
  }

  /** A top-level expression: a sequence function, a reduction, or arithmetic over them. */
  Gen any() {
    return switch (random.nextInt(10)) {
      case 0, 1, 2 -> reduction(random.nextInt(3) == 0 ? numeric(2) : column(ALL));
      case 3 -> binary(sequence(column(NUMERIC)), sequence(column(NUMERIC)));
      case 4 -> sequence(column(ALL), true);
      default -> numeric(3);
    };
  }

  /** A numeric expression: columns, arithmetic and numeric sequence functions. */
  Gen numeric(int depth) {
    if (depth <= 0 || random.nextInt(4) == 0) {
      return column(NUMERIC);
    }
    return switch (random.nextInt(4)) {
      case 0 -> binary(numeric(depth - 1), numeric(depth - 1));
      default -> sequence(numeric(depth - 1));
    };
  }

  private Gen binary(Gen left, Gen right) {
    return switch (random.nextInt(3)) {
      case 0 -> new Gen(left.expr().add(right.expr()), "(" + left.python() + " + " + right.python() + ")");
      case 1 -> new Gen(left.expr().sub(right.expr()), "(" + left.python() + " - " + right.python() + ")");
      default -> new Gen(left.expr().mul(right.expr()), "(" + left.python() + " * " + right.python() + ")");
    };
  }

  private Gen column(List<String> names) {
    String name = names.get(random.nextInt(names.size()));
    return new Gen(col(name), "pl.col('" + name + "')");
  }

  Gen sequence(Gen input) {
    return sequence(input, false);
  }

  /**
   * One sequence function (hash excluded: its values are Floe's own) over {@code input}; diff with
   * null behavior "drop" (which shortens the column) only at the top, as Polars 1.44.2 panics
   * instead of raising when the shorter column meets a longer one in arithmetic.
   */
  Gen sequence(Gen input, boolean top) {
    Expr e = input.expr();
    String py = input.python();
    boolean reverse = random.nextBoolean();
    String rev = reverse ? "True" : "False";
    return switch (random.nextInt(11)) {
      case 0 -> new Gen(e.cumSum(reverse), py + ".cum_sum(reverse=" + rev + ")");
      case 1 -> new Gen(e.cumProd(reverse), py + ".cum_prod(reverse=" + rev + ")");
      case 2 -> new Gen(e.cumMin(reverse), py + ".cum_min(reverse=" + rev + ")");
      case 3 -> new Gen(e.cumMax(reverse), py + ".cum_max(reverse=" + rev + ")");
      case 4 -> new Gen(e.cumCount(reverse), py + ".cum_count(reverse=" + rev + ")");
      case 5 -> {
        long n = random.nextInt(2 * rows + 3) - rows - 1;
        yield new Gen(e.shift(n), py + ".shift(" + n + ")");
      }
      case 6 -> {
        long n = random.nextInt(9) - 4;
        // Polars 1.44.2 types shift(n, fill) as the input's type in its schema but returns the
        // supertype with the fill (i64.shift(1, 2.5) is f64) at run time; arithmetic on top then
        // casts by the schema (truncating 2.5 to 2). Floe follows the run-time type, so fills that
        // change the type are generated only at the top of an expression.
        Object fill = switch (random.nextInt(top ? 4 : 2)) {
          case 0 -> 7L;
          case 1 -> null;
          case 2 -> -3L;
          default -> 2.5;
        };
        yield new Gen(e.shift(n, fill), py + ".shift(" + n + ", fill_value=" + PolarsCases.python(fill) + ")");
      }
      case 7 -> {
        long n = random.nextInt(7) - 3;
        boolean drop = top && random.nextInt(3) == 0 && Math.abs(n) < rows;
        String behavior = drop ? "drop" : "ignore";
        Gen diff = new Gen(e.diff(n, behavior), py + ".diff(" + n + ", null_behavior='" + behavior + "')");
        // A shorter column cannot be selected next to the frame's height in Floe yet (Projection
        // broadcasts only scalars): a reduction over it shows the dropped rows' effect.
        yield drop ? reduction(diff) : diff;
      }
      case 8 -> {
        String method = METHODS.get(random.nextInt(METHODS.size()));
        boolean descending = random.nextBoolean();
        yield new Gen(
            e.rank(method, descending),
            py + ".rank('" + method + "', descending=" + (descending ? "True" : "False") + ")");
      }
      case 9 -> fillNan(input);
      default -> input;
    };
  }

  private Gen fillNan(Gen input) {
    return switch (random.nextInt(5)) {
      case 0 -> new Gen(input.expr().fillNan(0), input.python() + ".fill_nan(0)");
      case 1 -> new Gen(input.expr().fillNan(-1.5), input.python() + ".fill_nan(-1.5)");
      case 2 -> new Gen(input.expr().fillNan(null), input.python() + ".fill_nan(None)");
      case 3 -> new Gen(input.expr().fillNan(col("i")), input.python() + ".fill_nan(pl.col('i'))");
      default ->
          new Gen(
              input.expr().fillNan(col("f").sum()),
              input.python() + ".fill_nan(pl.col('f').sum())");
    };
  }

  /** A reduction over {@code input}, sometimes combined with a column (broadcast). */
  Gen reduction(Gen input) {
    Expr e = input.expr();
    String py = input.python();
    int choice = random.nextInt(6);
    if (rows == 0 && py.equals("pl.col('d')") && (choice == 1 || choice == 2 || choice == 5)) {
      choice = 0; // Polars 1.44.2 panics on the median / quantile of an empty date column
    }
    if ((choice == 3 || choice == 4) && SEQUENCED.matcher(e.toString()).find()) {
      // Polars answers arg_min / arg_max of data it flagged sorted (cum_count, shifts of those,
      // all-null results) with the first / last non-null row, so ties differ from its plain
      // first-extreme rule; Floe has no sorted flags and always answers the first extreme row.
      choice = 0;
    }
    Gen reduced = switch (choice) {
      case 0 -> new Gen(e.nUnique(), py + ".n_unique()");
      case 1 -> new Gen(e.median(), py + ".median()");
      case 2 -> {
        double q = random.nextInt(5) == 0 ? random.nextInt(2) : random.nextInt(101) / 100.0;
        String method = INTERPOLATIONS.get(random.nextInt(INTERPOLATIONS.size()));
        yield new Gen(e.quantile(q, method), py + ".quantile(" + q + ", '" + method + "')");
      }
      case 3 -> new Gen(e.argMin(), py + ".arg_min()");
      case 4 -> new Gen(e.argMax(), py + ".arg_max()");
      default -> new Gen(e.quantile(0.5), py + ".quantile(0.5)");
    };
    if (random.nextInt(5) == 0) {
      return new Gen(col("i").add(reduced.expr()), "(pl.col('i') + " + reduced.python() + ")");
    }
    if (random.nextInt(6) == 0) {
      return new Gen(reduced.expr().add(lit(1)), "(" + reduced.python() + " + pl.lit(1))");
    }
    return reduced;
  }
}
