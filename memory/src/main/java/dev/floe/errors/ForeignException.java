package dev.floe.errors;

/**
 * A failure raised by code outside Floe that Floe called into: a Python function run through the
 * embedded interpreter, or another engine's C Data producer. Subclasses (in the modules that talk
 * to that code) carry what the foreign side reported, such as a Python traceback.
 */
public abstract non-sealed class ForeignException extends FloeException {
  private static final long serialVersionUID = 1L;

  protected ForeignException(String message) {
    super(message);
  }

  protected ForeignException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.FOREIGN;
  }
}
