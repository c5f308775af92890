package dev.floe.errors;

/**
 * The root of every exception Floe throws on purpose. Each subclass has one {@link Kind}; messages
 * name the column, expression, file, row and value involved and, where it helps, the valid
 * alternatives. Catch a subclass to handle one kind, or this class to handle them all.
 */
public abstract sealed class FloeException extends RuntimeException
    permits ColumnNotFoundException,
        SchemaMismatchException,
        ShapeMismatchException,
        InvalidOperationException,
        ComputeException,
        FloeOutOfMemoryException,
        FloeIoException,
        ForeignException,
        InternalFloeException {

  /** The kinds of failure, one per subclass. */
  public enum Kind {
    COLUMN_NOT_FOUND,
    SCHEMA_MISMATCH,
    SHAPE_MISMATCH,
    INVALID_OPERATION,
    COMPUTE_ERROR,
    OUT_OF_MEMORY,
    IO,
    /** Raised by foreign code Floe called: Python, another engine. */
    FOREIGN,
    INTERNAL
  }

  private static final long serialVersionUID = 1L;

  protected FloeException(String message) {
    super(message);
  }

  protected FloeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Which kind of failure this is. */
  public abstract Kind kind();
}
