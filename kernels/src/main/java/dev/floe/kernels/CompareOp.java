package dev.floe.kernels;

/** A comparison operator: {@code == != < <= > >=}. */
public enum CompareOp {
  EQ,
  NE,
  LT,
  LE,
  GT,
  GE
}
