package dev.floe;

import dev.floe.errors.InvalidOperationException;
import dev.floe.planner.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Polars' {@code top_k} and {@code bottom_k}: the {@code k} rows with the largest (smallest) keys,
 * in that order, nulls last whichever way (Polars 1.44: {@code df.top_k(k, by=, reverse=)} is
 * {@code sort(by, descending=not reverse, nulls_last=True).head(k)}, and NaN counts as the largest
 * float). Built as a sort followed by a head, which the engine runs as a top-k: each morsel is
 * sorted and cut to {@code k} rows before one final sort of the survivors.
 */
final class FrameTopK {
  private FrameTopK() {}

  /**
   * @param reverse per key (or one for all, or empty): flip that key, so a top-k takes its smallest
   */
  static LazyFrame of(LazyFrame frame, long k, List<Expr> by, List<Boolean> reverse, boolean bottom) {
    String name = bottom ? "bottomK" : "topK";
    if (k < 0) {
      throw new InvalidOperationException(name + " needs k >= 0, got " + k);
    }
    if (by.isEmpty()) {
      throw new InvalidOperationException(name + " needs at least one key");
    }
    List<Boolean> descending = new ArrayList<>();
    if (reverse.isEmpty()) {
      descending.add(!bottom);
    } else {
      for (boolean flip : reverse) {
        descending.add(bottom == flip);
      }
    }
    SortOptions options = new SortOptions(descending, true, true);
    return frame.sort(by, options).head(k);
  }
}
