package dev.floe.planner.expr;

import java.util.List;

/** Static factories of expressions; {@code dev.floe.Floe} re-exports them for users. */
public final class Exprs {
  private Exprs() {}

  /** A column by name, or, for a name in {@code ^...$}, every column the regular expression matches. */
  public static Expr col(String name) {
    if (name.length() > 1 && name.startsWith("^") && name.endsWith("$")) {
      return new Selector(Selector.Kind.REGEX, name, List.of(), List.of());
    }
    return new ColumnRef(name);
  }

  /** Several columns by name. */
  public static Expr col(String first, String... more) {
    if (more.length == 0) {
      return col(first);
    }
    List<String> names = new java.util.ArrayList<>();
    names.add(first);
    names.addAll(List.of(more));
    return new Selector(Selector.Kind.NAMES, null, names, List.of());
  }

  public static Literal lit(Object value) {
    return Literal.of(value);
  }

  public static Literal lit(Object value, dev.floe.memory.types.DataType type) {
    return Literal.typed(value, type);
  }

  public static Ternary.WhenBuilder when(Object condition) {
    return new Ternary.WhenBuilder(List.of(), Expr.of(condition));
  }

  /**
   * Per row, the first non-null value of {@code exprs} (named after the first), as Polars'
   * {@code coalesce}: {@code when(e1.isNotNull()).then(e1).when(...)...otherwise(last)}.
   */
  public static Expr coalesce(Object... exprs) {
    if (exprs.length == 0) {
      throw new IllegalArgumentException("coalesce needs at least one expression");
    }
    if (exprs.length == 1) {
      return Expr.of(exprs[0]);
    }
    Ternary chain = when(Expr.of(exprs[0]).isNotNull()).then(exprs[0]);
    for (int index = 1; index < exprs.length - 1; index++) {
      chain = chain.when(Expr.of(exprs[index]).isNotNull()).then(exprs[index]);
    }
    return chain.otherwise(exprs[exprs.length - 1]);
  }

  /** The string inputs joined row by row with {@code separator}; null if any input is null. */
  public static Expr concatStr(List<? extends Expr> inputs, String separator) {
    return new ConcatStr(List.copyOf(inputs), separator);
  }

  /** Every column. */
  public static Selector all() {
    return Selector.of(Selector.Kind.ALL);
  }

  /** Every column but the named ones. */
  public static Selector exclude(String... names) {
    return all().without(List.of(names));
  }

  /** Selectors by data type ({@code cs.numeric()}). */
  public static final class Selectors {
    public Selector numeric() {
      return Selector.of(Selector.Kind.NUMERIC);
    }

    public Selector string() {
      return Selector.of(Selector.Kind.STRING);
    }

    public Selector temporal() {
      return Selector.of(Selector.Kind.TEMPORAL);
    }

    public Selector bool() {
      return Selector.of(Selector.Kind.BOOLEAN);
    }

    public Selector all() {
      return Exprs.all();
    }
  }

  /** The selector namespace, as Polars' {@code polars.selectors as cs}. */
  public static final Selectors CS = new Selectors();
}
