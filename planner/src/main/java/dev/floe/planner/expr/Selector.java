package dev.floe.planner.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Several columns at once: {@code all()}, {@code col("^price_.*$")}, {@code col("a", "b")},
 * {@code cs.numeric()}, minus {@code excluded} names. The resolver expands an expression holding a
 * selector into one expression per selected column (in schema order).
 */
public record Selector(Kind kind, String pattern, List<String> names, List<String> excluded)
    implements Expr {

  /** What a selector matches. */
  public enum Kind {
    ALL,
    REGEX,
    NAMES,
    NUMERIC,
    STRING,
    TEMPORAL,
    BOOLEAN
  }

  public Selector {
    names = List.copyOf(names);
    excluded = List.copyOf(excluded);
  }

  public static Selector of(Kind kind) {
    return new Selector(kind, null, List.of(), List.of());
  }

  /** This selection without the named columns. */
  public Selector without(List<String> more) {
    List<String> all = new ArrayList<>(excluded);
    all.addAll(more);
    return new Selector(kind, pattern, names, all);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
