package dev.floe.errors;

/** Lengths or widths that had to agree do not (columns of different heights in one frame). */
public final class ShapeMismatchException extends FloeException {
  private static final long serialVersionUID = 1L;

  public ShapeMismatchException(String message) {
    super(message);
  }

  public ShapeMismatchException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.SHAPE_MISMATCH;
  }
}
