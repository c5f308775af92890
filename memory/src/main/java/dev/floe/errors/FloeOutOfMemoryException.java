package dev.floe.errors;

/**
 * An allocation would exceed an allocator's byte limit (or the operating system refused it). The
 * message names the allocator whose limit was hit, the allocator the request came through (in a
 * lazy query: the operator), the request and the limit; the same facts are available as fields.
 */
public final class FloeOutOfMemoryException extends FloeException {
  private static final long serialVersionUID = 1L;

  private final String limitedBy;
  private final String requestedBy;
  private final long requestedBytes;
  private final long heldBytes;
  private final long limitBytes;

  public FloeOutOfMemoryException(String message) {
    super(message);
    this.limitedBy = null;
    this.requestedBy = null;
    this.requestedBytes = -1;
    this.heldBytes = -1;
    this.limitBytes = -1;
  }

  /** A request of {@code requested} bytes through {@code requestedBy} that {@code limitedBy}'s limit refused. */
  public FloeOutOfMemoryException(String limitedBy, String requestedBy, long requested, long held, long limit) {
    this("allocator '" + limitedBy + "' cannot grant " + requested + " bytes"
        + (limitedBy.equals(requestedBy) ? "" : " requested through '" + requestedBy + "'")
        + ": it holds " + held + " of its limit of " + limit + " bytes", limitedBy, requestedBy, requested, held,
        limit);
  }

  /** The same failure with {@code context} in front of the message (for example the query's limit setting). */
  public FloeOutOfMemoryException withContext(String context) {
    FloeOutOfMemoryException copy = new FloeOutOfMemoryException(context + ": " + getMessage(), limitedBy,
        requestedBy, requestedBytes, heldBytes, limitBytes);
    copy.initCause(this);
    return copy;
  }

  private FloeOutOfMemoryException(String message, String limitedBy, String requestedBy, long requested, long held,
      long limit) {
    super(message);
    this.limitedBy = limitedBy;
    this.requestedBy = requestedBy;
    this.requestedBytes = requested;
    this.heldBytes = held;
    this.limitBytes = limit;
  }

  /** The allocator whose limit refused the request, or null when the operating system refused it. */
  public String limitedBy() {
    return limitedBy;
  }

  /** The allocator the request was made through (a lazy query's operator), or null. */
  public String requestedBy() {
    return requestedBy;
  }

  /** Bytes asked for, or -1 when unknown. */
  public long requestedBytes() {
    return requestedBytes;
  }

  /** Bytes {@link #limitedBy()} held before the request, or -1 when unknown. */
  public long heldBytes() {
    return heldBytes;
  }

  /** The limit that was hit, or -1 when unknown. */
  public long limitBytes() {
    return limitBytes;
  }

  @Override
  public Kind kind() {
    return Kind.OUT_OF_MEMORY;
  }
}
