package dev.floe.errors;

/** Reading or writing a file or stream failed; the message names the file. */
public final class FloeIoException extends FloeException {
  private static final long serialVersionUID = 1L;

  public FloeIoException(String message) {
    super(message);
  }

  public FloeIoException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.IO;
  }
}
