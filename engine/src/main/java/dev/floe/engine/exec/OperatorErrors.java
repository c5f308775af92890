package dev.floe.engine.exec;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.ComputeException;
import dev.floe.errors.FloeException;
import dev.floe.errors.FloeIoException;
import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.errors.ForeignException;
import dev.floe.errors.InternalFloeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;

/**
 * Puts the operator and expression in front of an error raised while a query runs: "while
 * evaluating col("a") / col("b") in Filter: division by zero", keeping the kind (the same
 * exception class) and the original as the cause.
 */
final class OperatorErrors {
  private OperatorErrors() {}

  static FloeException wrap(FloeException failure, String context) {
    String message = context + ": " + failure.getMessage();
    return switch (failure) {
      case ComputeException e -> new ComputeException(message, e);
      case InvalidOperationException e -> new InvalidOperationException(message, e);
      case SchemaMismatchException e -> new SchemaMismatchException(message, e);
      case ShapeMismatchException e -> new ShapeMismatchException(message, e);
      case FloeIoException e -> new FloeIoException(message, e);
      case InternalFloeException e -> new InternalFloeException(message, e);
      // these carry structured details of their own; the context would only blur them
      case ColumnNotFoundException e -> e;
      case FloeOutOfMemoryException e -> e;
      case ForeignException e -> e; // a Python traceback, say: abstract, and complete as it is
    };
  }
}
