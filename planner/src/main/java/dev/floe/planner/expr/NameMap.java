package dev.floe.planner.expr;

/** Renames the output: {@code prefix + root name + suffix} (the root is the leftmost column). */
public record NameMap(Expr input, String prefix, String suffix) implements Expr {

  /** The {@code name()} namespace of an expression. */
  public record Builder(Expr input) {
    public Expr prefix(String prefix) {
      return new NameMap(input, prefix, "");
    }

    public Expr suffix(String suffix) {
      return new NameMap(input, "", suffix);
    }

    /** The root column's name, dropping any alias. */
    public Expr keep() {
      return new NameMap(input, "", "");
    }
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
