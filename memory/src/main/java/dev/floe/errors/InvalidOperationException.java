package dev.floe.errors;

/** An operation that is not defined for its input (wrong type, out-of-range index, closed frame). */
public final class InvalidOperationException extends FloeException {
  private static final long serialVersionUID = 1L;

  public InvalidOperationException(String message) {
    super(message);
  }

  public InvalidOperationException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.INVALID_OPERATION;
  }
}
