package dev.floe.testkit;

/** Floating-point edge values: NaN, both zeros, both infinities, the extremes and the subnormals. */
final class FloatEdges {
  static final Object[] FLOATS = {
    Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
    Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1.0f, -1.0f
  };

  static final Object[] DOUBLES = {
    Double.NaN, -0.0d, 0.0d, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
    1.0d, -1.0d
  };

  private FloatEdges() {}
}
