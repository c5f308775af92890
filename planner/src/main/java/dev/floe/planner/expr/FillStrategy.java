package dev.floe.planner.expr;

/** Polars' {@code fill_null(strategy=...)}. */
public enum FillStrategy {
  FORWARD,
  BACKWARD,
  MIN,
  MAX,
  MEAN,
  ZERO,
  ONE
}
