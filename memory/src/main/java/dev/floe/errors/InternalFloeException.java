package dev.floe.errors;

/** A broken invariant inside Floe: always a bug, never the user's fault. */
public final class InternalFloeException extends FloeException {
  private static final long serialVersionUID = 1L;

  public InternalFloeException(String message) {
    super(decorate(message));
  }

  public InternalFloeException(String message, Throwable cause) {
    super(decorate(message), cause);
  }

  @Override
  public Kind kind() {
    return Kind.INTERNAL;
  }

  private static String decorate(String message) {
    return "internal error (this is a bug in Floe; please report it with this message): " + message;
  }
}
