package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable expression tree in Polars' style: {@code col("a").gt(1)},
 * {@code col("a").add(col("b")).alias("c")}. Nodes are records; operands given as plain Java values
 * become literals. Trees are unresolved until a {@link Resolver} checks them against a schema, which
 * expands multi-column selections, inserts casts to common supertypes and computes output names and
 * types. {@link #toString()} prints Polars-like text, used in error messages.
 */
public sealed interface Expr
    permits ColumnRef,
        Literal,
        Alias,
        Binary,
        Unary,
        CastExpr,
        FillNullExpr,
        Ternary,
        IsIn,
        IsBetween,
        MathExpr,
        StringFunction,
        ConcatStr,
        Round,
        Clip,
        Agg,
        Correlation,
        Selector,
        NameMap,
        TemporalFunction,
        SequenceFunction,
        ReshapeFunction,
        FrameLength,
        Window {

  /** {@code value} itself when it is an expression, else a literal of it. */
  static Expr of(Object value) {
    return value instanceof Expr expr ? expr : Literal.of(value);
  }

  // ---- naming ----

  default Expr alias(String name) {
    return new Alias(this, name);
  }

  /** Output-name operations: {@code col("a").name().suffix("_x")}. */
  default NameMap.Builder name() {
    return new NameMap.Builder(this);
  }

  // ---- arithmetic ----

  default Expr add(Object other) {
    return new Binary(this, BinaryOp.ADD, of(other));
  }

  default Expr sub(Object other) {
    return new Binary(this, BinaryOp.SUB, of(other));
  }

  default Expr mul(Object other) {
    return new Binary(this, BinaryOp.MUL, of(other));
  }

  /** True division: integers divide as f64. */
  default Expr div(Object other) {
    return new Binary(this, BinaryOp.DIV, of(other));
  }

  default Expr floordiv(Object other) {
    return new Binary(this, BinaryOp.FLOOR_DIV, of(other));
  }

  default Expr mod(Object other) {
    return new Binary(this, BinaryOp.MOD, of(other));
  }

  default Expr pow(Object exponent) {
    return new Binary(this, BinaryOp.POW, of(exponent));
  }

  default Expr neg() {
    return new Unary(UnaryOp.NEG, this);
  }

  default Expr abs() {
    return new Unary(UnaryOp.ABS, this);
  }

  // ---- comparison ----

  default Expr eq(Object other) {
    return new Binary(this, BinaryOp.EQ, of(other));
  }

  default Expr ne(Object other) {
    return new Binary(this, BinaryOp.NE, of(other));
  }

  default Expr lt(Object other) {
    return new Binary(this, BinaryOp.LT, of(other));
  }

  default Expr le(Object other) {
    return new Binary(this, BinaryOp.LE, of(other));
  }

  default Expr gt(Object other) {
    return new Binary(this, BinaryOp.GT, of(other));
  }

  default Expr ge(Object other) {
    return new Binary(this, BinaryOp.GE, of(other));
  }

  /** Equality where null equals null (never null itself). */
  default Expr eqMissing(Object other) {
    return new Binary(this, BinaryOp.EQ_MISSING, of(other));
  }

  // ---- boolean ----

  default Expr and(Object other) {
    return new Binary(this, BinaryOp.AND, of(other));
  }

  default Expr or(Object other) {
    return new Binary(this, BinaryOp.OR, of(other));
  }

  default Expr xor(Object other) {
    return new Binary(this, BinaryOp.XOR, of(other));
  }

  default Expr not() {
    return new Unary(UnaryOp.NOT, this);
  }

  default Expr isNull() {
    return new Unary(UnaryOp.IS_NULL, this);
  }

  default Expr isNotNull() {
    return new Unary(UnaryOp.IS_NOT_NULL, this);
  }

  default Expr isNan() {
    return new Unary(UnaryOp.IS_NAN, this);
  }

  default Expr isFinite() {
    return new Unary(UnaryOp.IS_FINITE, this);
  }

  /** True where the value is one of {@code values}; a null input gives null, as in Polars. */
  default Expr isIn(Object... values) {
    return new IsIn(this, List.copyOf(Arrays.asList(values).stream().map(Literal::of).toList()));
  }

  default Expr isIn(List<?> values) {
    return new IsIn(this, values.stream().map(Literal::of).toList());
  }

  /** {@code lower <= this <= upper} (both bounds inclusive, as Polars' default "both"). */
  default Expr isBetween(Object lower, Object upper) {
    return new IsBetween(this, of(lower), of(upper), true, true);
  }

  /** {@code lower <= this <= upper} with the bounds {@code closed} includes. */
  default Expr isBetween(Object lower, Object upper, ClosedInterval closed) {
    return new IsBetween(
        this, of(lower), of(upper), closed.lowerInclusive(), closed.upperInclusive());
  }

  // ---- casts and nulls ----

  /** A strict cast: a value that does not fit fails the query, naming it. */
  default Expr cast(DataType type) {
    return new CastExpr(this, type, true);
  }

  /** A cast that, when not strict, turns values that do not fit into nulls. */
  default Expr cast(DataType type, boolean strict) {
    return new CastExpr(this, type, strict);
  }

  default Expr fillNull(Object value) {
    return new FillNullExpr(this, of(value), null);
  }

  default Expr fillNull(FillStrategy strategy) {
    return new FillNullExpr(this, null, strategy);
  }

  // ---- math ----

  default Expr sqrt() {
    return new MathExpr(MathFunction.SQRT, this);
  }

  default Expr cbrt() {
    return new MathExpr(MathFunction.CBRT, this);
  }

  default Expr exp() {
    return new MathExpr(MathFunction.EXP, this);
  }

  /** Natural logarithm. */
  default Expr log() {
    return new MathExpr(MathFunction.LOG, this);
  }

  default Expr log10() {
    return new MathExpr(MathFunction.LOG10, this);
  }

  default Expr log1p() {
    return new MathExpr(MathFunction.LOG1P, this);
  }

  default Expr sin() {
    return new MathExpr(MathFunction.SIN, this);
  }

  default Expr cos() {
    return new MathExpr(MathFunction.COS, this);
  }

  default Expr tan() {
    return new MathExpr(MathFunction.TAN, this);
  }

  default Expr arcsin() {
    return new MathExpr(MathFunction.ASIN, this);
  }

  default Expr arccos() {
    return new MathExpr(MathFunction.ACOS, this);
  }

  default Expr arctan() {
    return new MathExpr(MathFunction.ATAN, this);
  }

  default Expr sinh() {
    return new MathExpr(MathFunction.SINH, this);
  }

  default Expr cosh() {
    return new MathExpr(MathFunction.COSH, this);
  }

  default Expr tanh() {
    return new MathExpr(MathFunction.TANH, this);
  }

  default Expr floor() {
    return new MathExpr(MathFunction.FLOOR, this);
  }

  default Expr ceil() {
    return new MathExpr(MathFunction.CEIL, this);
  }

  default Expr sign() {
    return new MathExpr(MathFunction.SIGN, this);
  }

  default Expr round(int decimals) {
    return new Round(this, decimals);
  }

  /** Values below {@code lower} become {@code lower}, above {@code upper} become it; null bound: none. */
  default Expr clip(Object lower, Object upper) {
    return new Clip(this, lower, upper);
  }

  // ---- strings ----

  /** The {@code str} namespace: {@code col("s").str().lenChars()}. */
  default StringNamespace str() {
    return new StringNamespace(this);
  }

  /** The {@code dt} namespace: {@code col("t").dt().year()}. */
  default TemporalNamespace dt() {
    return new TemporalNamespace(this);
  }

  // ---- reductions ----

  default Expr sum() {
    return new Agg(AggFunction.SUM, this, 1);
  }

  default Expr mean() {
    return new Agg(AggFunction.MEAN, this, 1);
  }

  default Expr min() {
    return new Agg(AggFunction.MIN, this, 1);
  }

  default Expr max() {
    return new Agg(AggFunction.MAX, this, 1);
  }

  /** Number of non-null values. */
  default Expr count() {
    return new Agg(AggFunction.COUNT, this, 1);
  }

  /** Number of values, nulls included. */
  default Expr len() {
    return new Agg(AggFunction.LEN, this, 1);
  }

  default Expr nullCount() {
    return new Agg(AggFunction.NULL_COUNT, this, 1);
  }

  /** Sample standard deviation (ddof 1). */
  default Expr std() {
    return new Agg(AggFunction.STD, this, 1);
  }

  default Expr std(int ddof) {
    return new Agg(AggFunction.STD, this, ddof);
  }

  default Expr var() {
    return new Agg(AggFunction.VAR, this, 1);
  }

  default Expr var(int ddof) {
    return new Agg(AggFunction.VAR, this, ddof);
  }

  default Expr first() {
    return new Agg(AggFunction.FIRST, this, 1);
  }

  default Expr last() {
    return new Agg(AggFunction.LAST, this, 1);
  }

  /** The number of distinct values, a null counting as one value (u32), as Polars' n_unique. */
  default Expr nUnique() {
    return new Agg(AggFunction.N_UNIQUE, this, 1);
  }

  /** The median of the non-null values (f64; f32 stays f32; dates give datetime[us]). */
  default Expr median() {
    return new Agg(AggFunction.MEDIAN, this, 1);
  }

  /** The {@code quantile} (in [0, 1]) of the non-null values with Polars' default "nearest". */
  default Expr quantile(double quantile) {
    return quantile(quantile, Agg.QuantileInterpolation.NEAREST);
  }

  /**
   * The {@code quantile} (in [0, 1]) of the non-null values; {@code interpolation} is one of
   * "nearest", "higher", "lower", "midpoint", "linear", "equiprobable".
   */
  default Expr quantile(double quantile, String interpolation) {
    return quantile(quantile, Agg.QuantileInterpolation.of(interpolation));
  }

  /** The {@code quantile} (in [0, 1]) of the non-null values with the given interpolation. */
  default Expr quantile(double quantile, Agg.QuantileInterpolation interpolation) {
    return new Agg(AggFunction.QUANTILE, this, 1, quantile, interpolation);
  }

  /** The index of the first smallest non-null value (u32; NaN only when all values are NaN). */
  default Expr argMin() {
    return new Agg(AggFunction.ARG_MIN, this, 1);
  }

  /** The index of the first largest non-null value (u32; NaN is skipped unless all are NaN). */
  default Expr argMax() {
    return new Agg(AggFunction.ARG_MAX, this, 1);
  }

  /** True if any non-null value is true (bool input). */
  default Expr any() {
    return new Agg(AggFunction.ANY, this, 1);
  }

  /** True if every non-null value is true (bool input). */
  default Expr all() {
    return new Agg(AggFunction.ALL, this, 1);
  }

  // ---- order-aware functions that keep the length (SequenceFunction) ----

  /** The running sum (nulls stay null); small integers sum as i64, bool as u32. */
  default Expr cumSum() {
    return cumSum(false);
  }

  /** The running sum, from the last row backwards when {@code reverse}. */
  default Expr cumSum(boolean reverse) {
    return SequenceFunction.of(SequenceOp.CUM_SUM, this, reverse);
  }

  /** The running product (nulls stay null); integers and bool multiply as i64 (u64 as u64). */
  default Expr cumProd() {
    return cumProd(false);
  }

  /** The running product, from the last row backwards when {@code reverse}. */
  default Expr cumProd(boolean reverse) {
    return SequenceFunction.of(SequenceOp.CUM_PROD, this, reverse);
  }

  /** The running minimum (nulls stay null, NaN skipped). */
  default Expr cumMin() {
    return cumMin(false);
  }

  /** The running minimum, from the last row backwards when {@code reverse}. */
  default Expr cumMin(boolean reverse) {
    return SequenceFunction.of(SequenceOp.CUM_MIN, this, reverse);
  }

  /** The running maximum (nulls stay null, NaN skipped). */
  default Expr cumMax() {
    return cumMax(false);
  }

  /** The running maximum, from the last row backwards when {@code reverse}. */
  default Expr cumMax(boolean reverse) {
    return SequenceFunction.of(SequenceOp.CUM_MAX, this, reverse);
  }

  /** The running count of non-null values (u32, never null). */
  default Expr cumCount() {
    return cumCount(false);
  }

  /** The running count of non-null values, from the last row backwards when {@code reverse}. */
  default Expr cumCount(boolean reverse) {
    return SequenceFunction.of(SequenceOp.CUM_COUNT, this, reverse);
  }

  /** The values moved down by {@code n} rows (up for negative n); the rows shifted in are null. */
  default Expr shift(long n) {
    return SequenceFunction.of(SequenceOp.SHIFT, this, n);
  }

  /** {@link #shift(long)} with the rows shifted in set to {@code fillValue} (a scalar). */
  default Expr shift(long n, Object fillValue) {
    return new SequenceFunction(SequenceOp.SHIFT, this, List.of(of(fillValue)), List.of(n));
  }

  /** {@code this - this.shift(1)}. */
  default Expr diff() {
    return diff(1, "ignore");
  }

  /** {@code this - this.shift(n)}, keeping the length. */
  default Expr diff(long n) {
    return diff(n, "ignore");
  }

  /**
   * {@code this - this.shift(n)}; {@code nullBehavior} "ignore" keeps the length, "drop" removes
   * the first n rows (the last -n for negative n). Unsigned integers give the next wider signed
   * type, dates a duration[us].
   */
  default Expr diff(long n, String nullBehavior) {
    if (!nullBehavior.equals("ignore") && !nullBehavior.equals("drop")) {
      throw new dev.floe.errors.InvalidOperationException(
          "diff null behavior must be \"ignore\" or \"drop\", got " + ExprPrinter.quote(nullBehavior));
    }
    return SequenceFunction.of(SequenceOp.DIFF, this, n, nullBehavior);
  }

  /** Ranks with ties averaged (f64), ascending. */
  default Expr rank() {
    return rank("average", false);
  }

  /** Ascending ranks with ties ranked by {@code method} (see {@link #rank(String, boolean)}). */
  default Expr rank(String method) {
    return rank(method, false);
  }

  /**
   * Ranks from 1, nulls stay null, NaN above every number: {@code method} "average" (f64),
   * "min", "max", "dense" or "ordinal" (u32).
   */
  default Expr rank(String method, boolean descending) {
    if (!List.of("average", "min", "max", "dense", "ordinal").contains(method)) {
      throw new dev.floe.errors.InvalidOperationException(
          "rank method must be average, min, max, dense or ordinal, got "
              + ExprPrinter.quote(method));
    }
    return SequenceFunction.of(SequenceOp.RANK, this, method, descending);
  }

  /**
   * A u64 hash per row with Floe's own hash (not Polars' values): equal values hash alike in every
   * layout, nulls to one value; stable within a process run.
   */
  default Expr hash(long seed) {
    return SequenceFunction.of(SequenceOp.HASH, this, seed);
  }

  /** {@link #hash(long)} with seed 0. */
  default Expr hash() {
    return hash(0);
  }

  /** Float values that are NaN replaced by {@code value} (an expression or a Java value). */
  default Expr fillNan(Object value) {
    return new SequenceFunction(
        SequenceOp.FILL_NAN, this, List.of(value == null ? Literal.of(null) : of(value)), List.of());
  }

  // (end of order-aware functions)

  // ---- selection ----

  /** This multi-column selection without the named columns. */
  default Expr exclude(String... names) {
    if (this instanceof Selector selector) {
      return selector.without(List.of(names));
    }
    throw new dev.floe.errors.InvalidOperationException(
        "exclude(...) applies to all(), col(regex) or a selector, not to " + this);
  }

  // ---- functions that change the length (ReshapeFunction) ----

  /** The distinct values, in an unspecified order (Floe: first appearance). */
  default Expr unique() {
    return ReshapeFunction.of(ReshapeOp.UNIQUE, this, false);
  }

  /** The distinct values; {@code maintainOrder}: in order of first appearance. */
  default Expr unique(boolean maintainOrder) {
    return ReshapeFunction.of(ReshapeOp.UNIQUE, this, maintainOrder);
  }

  /** How often each distinct value occurs, in order of first appearance (u32). */
  default Expr uniqueCounts() {
    return ReshapeFunction.of(ReshapeOp.UNIQUE_COUNTS, this);
  }

  /** Unsorted counts of each distinct value, named "count" (see {@link ValueCountsOptions}). */
  default Expr valueCounts() {
    return valueCounts(ValueCountsOptions.DEFAULT);
  }

  /**
   * One struct per distinct value: the value (named as this expression) and its count (u32) or,
   * normalized, its share of all rows (f64), sorted or in order of first appearance, as
   * {@code options} say.
   */
  default Expr valueCounts(ValueCountsOptions options) {
    return ReshapeFunction.of(
        ReshapeOp.VALUE_COUNTS, this, options.sort(), options.normalize(), options.name());
  }

  /** Ascending, nulls first. */
  default Expr sort() {
    return sort(false, false);
  }

  /** Sorted values (stable; NaN above every number; nulls first unless {@code nullsLast}). */
  default Expr sort(boolean descending, boolean nullsLast) {
    return ReshapeFunction.of(ReshapeOp.SORT, this, descending, nullsLast);
  }

  /** The row indices that sort this expression, ascending and nulls first (u32). */
  default Expr argSort() {
    return argSort(false, false);
  }

  /** The row indices that sort this expression (u32). */
  default Expr argSort(boolean descending, boolean nullsLast) {
    return ReshapeFunction.of(ReshapeOp.ARG_SORT, this, descending, nullsLast);
  }

  default Expr reverse() {
    return ReshapeFunction.of(ReshapeOp.REVERSE, this);
  }

  /** The first {@code n} values (all if fewer); {@code n} must not be negative. */
  default Expr head(long n) {
    return ReshapeFunction.of(ReshapeOp.HEAD, this, n);
  }

  /** The last {@code n} values (all if fewer); {@code n} must not be negative. */
  default Expr tail(long n) {
    return ReshapeFunction.of(ReshapeOp.TAIL, this, n);
  }

  /** The values from {@code offset} (negative: from the end) to the end. */
  default Expr slice(long offset) {
    return ReshapeFunction.of(ReshapeOp.SLICE, this, offset, null);
  }

  /** {@code length} values from {@code offset} (negative: from the end), clipped to the input. */
  default Expr slice(long offset, long length) {
    return ReshapeFunction.of(ReshapeOp.SLICE, this, offset, length);
  }

  /**
   * The values at the indices {@code indices} computes (any integer type; negative counts from the
   * end; a null index gives null; out of bounds fails).
   */
  default Expr gather(Expr indices) {
    return new ReshapeFunction(ReshapeOp.GATHER, this, List.of(indices), List.of());
  }

  /** The values at the given indices (negative counts from the end). */
  default Expr gather(long... indices) {
    List<Long> values = Arrays.stream(indices).boxed().toList();
    return new ReshapeFunction(ReshapeOp.GATHER, this, List.of(), List.of(values));
  }

  /** The values at the given indices (negative counts from the end; null gives null). */
  default Expr gather(List<? extends Number> indices) {
    List<Long> values = new java.util.ArrayList<>();
    indices.forEach(index -> values.add(index == null ? null : index.longValue()));
    return new ReshapeFunction(
        ReshapeOp.GATHER, this, List.of(), List.of(java.util.Collections.unmodifiableList(values)));
  }

  /** The non-null values. */
  default Expr dropNulls() {
    return ReshapeFunction.of(ReshapeOp.DROP_NULLS, this);
  }

  /** The values that are not NaN (nulls kept; no-op for non-float types). */
  default Expr dropNans() {
    return ReshapeFunction.of(ReshapeOp.DROP_NANS, this);
  }

  /**
   * The values where {@code predicate} is true (null counts as false), as Polars' {@code
   * Expr.filter}: in a group-by, {@code col("x").filter(col("y").gt(0)).sum()} sums each group's
   * x where y &gt; 0.
   */
  default Expr filter(Expr predicate) {
    return new ReshapeFunction(ReshapeOp.FILTER, this, List.of(predicate), List.of());
  }

  /**
   * This expression's values in the order that sorts {@code by} (ascending, nulls first; ties keep
   * their order), as Polars' {@code sort_by}: in a group-by, {@code col("x").sortBy(col("t")).last()}
   * is each group's x at its largest t.
   */
  default Expr sortBy(Expr... by) {
    return sortBy(Arrays.asList(by), List.of(false), false);
  }

  /** {@link #sortBy(Expr...)} by the named columns. */
  default Expr sortBy(String... by) {
    return sortBy(Arrays.stream(by).map(ColumnRef::new).map(Expr.class::cast).toList(), List.of(false), false);
  }

  /**
   * {@link #sortBy(Expr...)} with Polars' options: {@code descending} one flag for every key or one
   * per key; {@code nullsLast} puts the nulls of every key after its values.
   */
  default Expr sortBy(List<? extends Expr> by, List<Boolean> descending, boolean nullsLast) {
    return SortByTyping.sortBy(this, by, descending, nullsLast);
  }

  // (end of length-changing functions)

  // ---- window functions (Window) ----

  /**
   * This expression evaluated within each group of rows with equal {@code partitionBy} values and
   * mapped back to the rows, as Polars' {@code over}: {@code col("x").sum().over(col("g"))} gives
   * every row its group's sum, {@code col("x").cumSum().over(col("g"))} the running sum within
   * its group.
   */
  default Expr over(Expr... partitionBy) {
    return new Window(this, Arrays.asList(partitionBy), WindowOptions.DEFAULT);
  }

  /** {@link #over(Expr...)} of the named columns. */
  default Expr over(String... partitionBy) {
    return over(Arrays.stream(partitionBy).map(ColumnRef::new).toArray(Expr[]::new));
  }

  /** {@link #over(Expr...)} with an order within the groups and a mapping strategy. */
  default Expr over(WindowOptions options, Expr... partitionBy) {
    return new Window(this, Arrays.asList(partitionBy), options);
  }

  /** {@link #over(WindowOptions, Expr...)} of the named columns. */
  default Expr over(WindowOptions options, String... partitionBy) {
    return over(options, Arrays.stream(partitionBy).map(ColumnRef::new).toArray(Expr[]::new));
  }

  /** {@link #over(WindowOptions, Expr...)} with a list of keys. */
  default Expr over(List<? extends Expr> partitionBy, WindowOptions options) {
    return new Window(this, List.copyOf(partitionBy), options);
  }

  // (end of window functions)
}
