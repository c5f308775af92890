package dev.floe.kernels;

/** Binary arithmetic operators of {@link Arithmetic#binary}; semantics follow Polars 1.x. */
public enum ArithmeticOp {
  ADD,
  SUB,
  MUL,
  DIV,
  FLOOR_DIV,
  MOD,
  POW
}
