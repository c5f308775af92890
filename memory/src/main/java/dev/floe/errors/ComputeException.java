package dev.floe.errors;

/** A computation failed on the data (overflow in a strict cast, a value that cannot be parsed). */
public final class ComputeException extends FloeException {
  private static final long serialVersionUID = 1L;

  public ComputeException(String message) {
    super(message);
  }

  public ComputeException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.COMPUTE_ERROR;
  }
}
