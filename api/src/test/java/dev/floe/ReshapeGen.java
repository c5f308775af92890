package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.planner.expr.ValueCountsOptions;
import dev.floe.planner.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random expressions over the frame of {@link ReshapeDifferentialTest} (i: i64, f: f64, s: str,
 * b: bool) in Java and in Python, nesting the length-changing functions with arithmetic,
 * comparisons and reductions.
 */
final class ReshapeGen {
  /** The kinds of values an expression yields (what may be combined with what). */
  enum Kind { INT, FLOAT, U32, STR, BOOL }

  /** An expression in both languages; {@code unordered}: compare as a multiset. */
  record Gen(Expr expr, String python, Kind kind, boolean unordered) {
    Gen(Expr expr, String python, Kind kind) {
      this(expr, python, kind, false);
    }

    boolean numeric() {
      return kind == Kind.INT || kind == Kind.FLOAT || kind == Kind.U32;
    }
  }

  private final Random random;

  ReshapeGen(Random random) {
    this.random = random;
  }

  /** The i, f, s, b columns of {@code rows} random rows with few distinct values. */
  static List<PolarsCases.TestColumn> frame(Random random, int rows) {
    List<Object> ints = new ArrayList<>();
    List<Object> floats = new ArrayList<>();
    List<Object> strings = new ArrayList<>();
    List<Object> bools = new ArrayList<>();
    double[] floatValues = {0.0, -0.0, Double.NaN, 1.5, -2.0, 2.5, Double.POSITIVE_INFINITY};
    String[] stringValues = {"a", "b", "é", "", "ab", "日本"};
    for (int row = 0; row < rows; row++) {
      ints.add(random.nextInt(6) == 0 ? null : (long) (random.nextInt(7) - 3));
      floats.add(random.nextInt(6) == 0 ? null : floatValues[random.nextInt(floatValues.length)]);
      boolean missing = random.nextInt(6) == 0;
      strings.add(missing ? null : stringValues[random.nextInt(stringValues.length)]);
      bools.add(random.nextInt(5) == 0 ? null : random.nextBoolean());
    }
    return ReshapeDifferentialTest.frameColumns(List.of(ints, floats, strings, bools));
  }

  /** A top-level expression. */
  Gen top() {
    return switch (random.nextInt(10)) {
      case 0 -> valueCounts(any(2));
      case 1 -> reduction(any(3));
      default -> any(3);
    };
  }

  Gen any(int depth) {
    if (depth <= 0) {
      return leaf();
    }
    int choice = random.nextInt(10);
    if (choice < 5) {
      return reshape(any(depth - 1));
    }
    Gen input = any(depth - 1);
    return switch (choice) {
      case 5, 6 -> input.numeric() ? arithmetic(input, operand(depth)) : reshape(input);
      case 7 -> compare(input, operand(depth));
      case 8 -> reduction(input);
      default -> combine(input, depth);
    };
  }

  /** when/then/otherwise, fillNull and isIn over operands of possibly different lengths. */
  private Gen combine(Gen x, int depth) {
    Gen y = operand(depth);
    return switch (random.nextInt(3)) {
      case 0 -> {
        // Polars 1.44 panics (no ShapeError) when when/then/otherwise lengths differ (other than
        // 1), so the condition has x's length and the otherwise branch is a scalar
        y = random.nextBoolean() ? new Gen(lit(2), "pl.lit(2)", Kind.INT) : reduction(leaf());
        if (!x.numeric() || !y.numeric()) {
          yield reshape(x);
        }
        Gen condition = compare(x, new Gen(lit(0), "pl.lit(0)", Kind.INT));
        Kind kind = kindOf(x, y);
        yield new Gen(Floe.when(condition.expr()).then(x.expr()).otherwise(y.expr()),
            "pl.when(" + condition.python() + ").then(" + x.python() + ").otherwise("
                + y.python() + ")", kind);
      }
      case 1 -> x.numeric() && y.numeric() && (x.kind() == Kind.FLOAT) == (y.kind() == Kind.FLOAT)
          ? new Gen(x.expr().fillNull(y.expr()),
              x.python() + ".fill_null(" + y.python() + ")", x.kind())
          : reshape(x);
      default -> x.kind() == Kind.INT
          ? new Gen(x.expr().isIn(1L, -2L), x.python() + ".is_in([1, -2])", Kind.BOOL)
          : reshape(x);
    };
  }

  private Gen leaf() {
    return switch (random.nextInt(4)) {
      case 0 -> new Gen(col("i"), "pl.col('i')", Kind.INT);
      case 1 -> new Gen(col("f"), "pl.col('f')", Kind.FLOAT);
      case 2 -> new Gen(col("s"), "pl.col('s')", Kind.STR);
      default -> new Gen(col("b"), "pl.col('b')", Kind.BOOL);
    };
  }

  /** A second operand: mostly of a compatible shape (literal, reduction, column), else anything. */
  private Gen operand(int depth) {
    return switch (random.nextInt(5)) {
      case 0, 1 -> new Gen(lit(2), "pl.lit(2)", Kind.INT);
      case 2 -> reduction(leaf());
      case 3 -> leaf();
      default -> any(depth - 1);
    };
  }

  Gen reshape(Gen x) {
    Expr e = x.expr();
    String py = x.python();
    boolean descending = random.nextBoolean();
    boolean nullsLast = random.nextBoolean();
    String flags = "descending=" + pyBool(descending) + ", nulls_last=" + pyBool(nullsLast);
    return switch (random.nextInt(14)) {
      case 0 -> new Gen(e.sort(descending, nullsLast), py + ".sort(" + flags + ")", x.kind());
      case 1 ->
          new Gen(e.argSort(descending, nullsLast), py + ".arg_sort(" + flags + ")", Kind.U32);
      case 2 -> new Gen(e.reverse(), py + ".reverse()", x.kind());
      case 3 -> {
        int n = random.nextInt(7);
        yield new Gen(e.head(n), py + ".head(" + n + ")", x.kind());
      }
      case 4 -> {
        int n = random.nextInt(7);
        yield new Gen(e.tail(n), py + ".tail(" + n + ")", x.kind());
      }
      case 5 -> {
        int offset = random.nextInt(17) - 8;
        if (random.nextInt(3) == 0) {
          yield new Gen(e.slice(offset), py + ".slice(" + offset + ")", x.kind());
        }
        int length = random.nextInt(7);
        yield new Gen(e.slice(offset, length), py + ".slice(" + offset + ", " + length + ")", x.kind());
      }
      case 6 -> {
        long[] indices = new long[1 + random.nextInt(4)];
        List<String> text = new ArrayList<>();
        for (int index = 0; index < indices.length; index++) {
          indices[index] = random.nextInt(13) - 6;
          text.add(String.valueOf(indices[index]));
        }
        yield new Gen(e.gather(indices), py + ".gather([" + String.join(", ", text) + "])", x.kind());
      }
      case 7 -> {
        Gen indices = switch (random.nextInt(4)) {
          case 0 -> new Gen(col("i").argSort(), "pl.col('i').arg_sort()", Kind.U32);
          case 1 -> new Gen(lit(-1), "pl.lit(-1)", Kind.INT);
          case 2 -> new Gen(col("i").abs(), "pl.col('i').abs()", Kind.INT);
          default -> new Gen(col("i").dropNulls().abs().head(2), "pl.col('i').drop_nulls().abs().head(2)", Kind.INT);
        };
        yield new Gen(e.gather(indices.expr()), py + ".gather(" + indices.python() + ")", x.kind());
      }
      case 8 -> new Gen(e.dropNulls(), py + ".drop_nulls()", x.kind());
      case 9 -> new Gen(e.dropNans(), py + ".drop_nans()", x.kind());
      case 10 -> new Gen(e.unique(true), py + ".unique(maintain_order=True)", x.kind());
      case 11 -> new Gen(e.unique().sort(), py + ".unique().sort()", x.kind());
      case 12 -> new Gen(e.uniqueCounts(), py + ".unique_counts()", Kind.U32);
      default -> new Gen(e.unique(true).sort(true, true), py + ".unique(maintain_order=True).sort(descending=True, nulls_last=True)", x.kind());
    };
  }

  private Gen valueCounts(Gen x) {
    boolean sort = random.nextBoolean();
    boolean normalize = random.nextBoolean();
    String name = random.nextBoolean() ? null : "n";
    String py = x.python() + ".value_counts(sort=" + pyBool(sort) + ", normalize="
        + pyBool(normalize) + (name == null ? "" : ", name='n'") + ")";
    return new Gen(
        x.expr().valueCounts(new ValueCountsOptions(sort, normalize, name)), py, Kind.STR, true);
  }

  private Gen arithmetic(Gen x, Gen y) {
    if (!y.numeric()) {
      return reshape(x);
    }
    boolean unsigned = x.kind() == Kind.U32 || y.kind() == Kind.U32;
    int op = random.nextInt(unsigned ? 2 : 3);
    Kind kind = kindOf(x, y);
    return switch (op) {
      case 0 -> new Gen(x.expr().add(y.expr()), "(" + x.python() + " + " + y.python() + ")", kind);
      case 1 -> new Gen(x.expr().mul(y.expr()), "(" + x.python() + " * " + y.python() + ")", kind);
      default -> new Gen(x.expr().sub(y.expr()), "(" + x.python() + " - " + y.python() + ")", kind);
    };
  }

  private Gen compare(Gen x, Gen y) {
    if (x.numeric() != y.numeric() || (!x.numeric() && x.kind() != y.kind())) {
      return new Gen(x.expr().isNull(), x.python() + ".is_null()", Kind.BOOL);
    }
    return random.nextBoolean()
        ? new Gen(x.expr().gt(y.expr()), "(" + x.python() + " > " + y.python() + ")", Kind.BOOL)
        : new Gen(x.expr().eq(y.expr()), "(" + x.python() + " == " + y.python() + ")", Kind.BOOL);
  }

  Gen reduction(Gen x) {
    Expr e = x.expr();
    String py = x.python();
    int choice = random.nextInt(x.numeric() ? 8 : 5);
    return switch (choice) {
      case 0 -> new Gen(e.len(), py + ".len()", Kind.U32);
      case 1 -> new Gen(e.count(), py + ".count()", Kind.U32);
      case 2 -> new Gen(e.first(), py + ".first()", x.kind());
      case 3 -> new Gen(e.last(), py + ".last()", x.kind());
      case 4 -> new Gen(e.nullCount(), py + ".null_count()", Kind.U32);
      case 5 -> new Gen(e.sum(), py + ".sum()", x.kind() == Kind.U32 ? Kind.INT : x.kind());
      case 6 -> new Gen(e.max(), py + ".max()", x.kind());
      default -> new Gen(e.mean(), py + ".mean()", Kind.FLOAT);
    };
  }

  /** The kind of a numeric combination (u32 kept when involved: it may stay unsigned). */
  private static Kind kindOf(Gen x, Gen y) {
    if (x.kind() == Kind.FLOAT || y.kind() == Kind.FLOAT) {
      return Kind.FLOAT;
    }
    return x.kind() == Kind.U32 || y.kind() == Kind.U32 ? Kind.U32 : Kind.INT;
  }

  private static String pyBool(boolean value) {
    return value ? "True" : "False";
  }
}
