package dev.floe.errors;

/**
 * An allocation would exceed an allocator's byte limit (or the operating system refused it). The
 * message names the allocator, the request and the limit.
 */
public final class FloeOutOfMemoryException extends FloeException {
  private static final long serialVersionUID = 1L;

  public FloeOutOfMemoryException(String message) {
    super(message);
  }

  @Override
  public Kind kind() {
    return Kind.OUT_OF_MEMORY;
  }
}
