package dev.floe;

import dev.floe.planner.plan.JoinOptions;

/**
 * The eager {@link DataFrame#join} and {@link DataFrame#joinAsof}: the one-step lazy query over
 * both frames, as the other eager operations run ({@link FrameExpressions}); collect resolves the
 * plan first, so key and schema errors come before any work.
 */
final class FrameJoin {
  private static final CollectOptions EAGER = CollectOptions.DEFAULT.withNoOptimization(true);

  private FrameJoin() {}

  static DataFrame join(DataFrame left, DataFrame right, JoinOptions options) {
    return left.lazy().join(right.lazy(), options).collect(EAGER);
  }

  static DataFrame joinAsof(DataFrame left, DataFrame right, dev.floe.planner.plan.AsofJoinOptions options) {
    return left.lazy().joinAsof(right.lazy(), options).collect(EAGER);
  }
}
