package dev.floe.planner.expr;

/** Which bounds {@code isBetween} includes: Polars' {@code closed="both" | "left" | "right" | "none"}. */
public enum ClosedInterval {
  BOTH(true, true),
  LEFT(true, false),
  RIGHT(false, true),
  NONE(false, false);

  private final boolean lowerInclusive;
  private final boolean upperInclusive;

  ClosedInterval(boolean lowerInclusive, boolean upperInclusive) {
    this.lowerInclusive = lowerInclusive;
    this.upperInclusive = upperInclusive;
  }

  public boolean lowerInclusive() {
    return lowerInclusive;
  }

  public boolean upperInclusive() {
    return upperInclusive;
  }
}
