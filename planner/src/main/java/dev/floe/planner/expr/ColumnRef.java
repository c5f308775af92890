package dev.floe.planner.expr;

/** A column by its exact name: {@code col("a")}. */
public record ColumnRef(String columnName) implements Expr {
  public ColumnRef {
    java.util.Objects.requireNonNull(columnName, "columnName");
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
