package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.BoundsChecks;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Shared state of every column: type, offset, length, validity, the buffers it references, its
 * children, the cached null count and the closed flag. Subclasses add typed accessors.
 */
abstract class AbstractColumn {
  private static final int UNKNOWN = -1;

  final DataType type;
  final int offset;
  final int length;
  final Buffer validity;
  private final List<Buffer> buffers;
  private final List<Column> children;
  private int nullCount;
  private boolean closed;

  /**
   * Takes ownership of one reference to each buffer and of each child column.
   *
   * @param nullCount the number of nulls if known, else -1
   * @param buffers validity first (may be null), then the layout's other buffers
   */
  AbstractColumn(
      DataType type, int offset, int length, int nullCount, List<Column> children,
      Buffer... buffers) {
    if (offset < 0 || length < 0) {
      throw new InvalidOperationException(
          "column of " + type + ": offset " + offset + " and length " + length + " must be >= 0");
    }
    this.type = type;
    this.offset = offset;
    this.length = length;
    this.validity = buffers.length > 0 ? buffers[0] : null;
    this.buffers = Collections.unmodifiableList(Arrays.asList(buffers.clone()));
    this.children = List.copyOf(children);
    this.nullCount = validity == null ? 0 : nullCount;
  }

  public final DataType type() {
    return type;
  }

  public final int length() {
    return length;
  }

  public final int offset() {
    return offset;
  }

  public final Buffer validity() {
    return validity;
  }

  public final List<Buffer> buffers() {
    return buffers;
  }

  public final List<Column> children() {
    return children;
  }

  public int nullCount() {
    int count = nullCount;
    if (count == UNKNOWN) {
      count = length - (int) Bitmaps.countSet(validity.segment(), offset, length);
      nullCount = count;
    }
    return count;
  }

  public boolean isNull(int index) {
    checkAccess(index);
    return validity != null && !Bitmaps.get(validity.segment(), offset + (long) index);
  }

  /** The null count a slice can inherit: 0 stays 0 and a full-length share keeps the count. */
  final int nullCountForSlice(int sliceOffset, int sliceLength) {
    if (validity == null || nullCount == 0) {
      return 0;
    }
    return sliceOffset == 0 && sliceLength == length ? nullCount : UNKNOWN;
  }

  /** Retains every buffer (nulls skipped) for a new handle; returns them in the same order. */
  final Buffer[] retainedBuffers() {
    Buffer[] retained = new Buffer[buffers.size()];
    for (int index = 0; index < retained.length; index++) {
      Buffer buffer = buffers.get(index);
      retained[index] = buffer == null ? null : buffer.retain();
    }
    return retained;
  }

  /** Shares every child for a new handle. */
  final List<Column> sharedChildren() {
    List<Column> shared = new ArrayList<>(children.size());
    for (Column child : children) {
      shared.add(child.share());
    }
    return shared;
  }

  final void checkSlice(int sliceOffset, int sliceLength) {
    checkOpen();
    BoundsChecks.checkRange(sliceOffset, sliceLength, length, "column of " + type);
  }

  /** Bounds and liveness check for an accessor; free when checks are off. */
  final void checkAccess(int index) {
    if (BoundsChecks.ENABLED) {
      checkOpen();
      if (index < 0 || index >= length) { // the message is built only on failure
        BoundsChecks.checkIndex(index, length, "column of " + type);
      }
    }
  }

  final void checkOpen() {
    if (closed) {
      throw new InvalidOperationException("column of " + type + " was used after close()");
    }
  }

  public long estimatedSize() {
    long bytes = 0;
    for (Buffer buffer : buffers) {
      if (buffer != null) {
        bytes += buffer.capacity();
      }
    }
    for (Column child : children) {
      bytes += child.estimatedSize();
    }
    return bytes;
  }

  public final boolean isClosed() {
    return closed;
  }

  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Buffer buffer : buffers) {
      if (buffer != null) {
        buffer.release();
      }
    }
    for (Column child : children) {
      child.close();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + type + ", length=" + length + ", nulls="
        + (closed ? "?" : nullCount()) + "]";
  }
}
