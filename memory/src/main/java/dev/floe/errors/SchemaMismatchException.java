package dev.floe.errors;

/** Two schemas or data types that had to agree do not (vstack of different schemas, a value of the wrong type). */
public final class SchemaMismatchException extends FloeException {
  private static final long serialVersionUID = 1L;

  public SchemaMismatchException(String message) {
    super(message);
  }

  public SchemaMismatchException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.SCHEMA_MISMATCH;
  }
}
