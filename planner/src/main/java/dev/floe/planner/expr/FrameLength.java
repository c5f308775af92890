package dev.floe.planner.expr;

/**
 * Polars' {@code pl.len()}: the number of rows of the frame (or group) it is evaluated on, as a
 * u32 scalar named "len". Unlike {@code col("a").len()} it needs no column.
 */
public record FrameLength() implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
