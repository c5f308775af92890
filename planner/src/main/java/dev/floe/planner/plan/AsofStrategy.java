package dev.floe.planner.plan;

/** Which right row an as-of join pairs with a left row, as Polars' {@code strategy}. */
public enum AsofStrategy {
  /** The last right row whose key is at most the left key (of equal keys, the last). */
  BACKWARD,
  /** The first right row whose key is at least the left key (of equal keys, the first). */
  FORWARD,
  /**
   * The right row whose key is closest to the left key; a tie between a smaller and a larger key
   * goes to the larger one, and of equal keys the last row wins.
   */
  NEAREST;

  /** Polars' keyword: {@code backward}, {@code forward}, {@code nearest}. */
  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
