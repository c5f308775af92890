package dev.floe.ffi.cdata;

import dev.floe.errors.InvalidOperationException;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Floe-side owner of one imported {@code ArrowArray} tree. Importing moves the producer's
 * structure into C-heap memory owned here (the spec's "Moving an array": copy the struct, then set
 * the source's release to NULL), so the caller's structure is free to reuse at once.
 *
 * <p>Every Floe buffer wrapping the array's memory holds one reference, and the import itself holds
 * one while it builds the columns. The last {@link #run()} calls the producer's release callback on
 * the moved structure exactly once (which releases the children and dictionary too) and frees it.
 */
final class ImportedArray implements Runnable {
  private final long struct;
  private final AtomicInteger references = new AtomicInteger(1);

  private ImportedArray(long struct) {
    this.struct = struct;
  }

  /**
   * Moves the array at {@code source} into a new owner holding one reference. If the move itself
   * fails (no memory for the copy), the source is released so nothing leaks, and this throws.
   */
  static ImportedArray move(long source) {
    MemorySegment from = NativeHeap.view(source, ArrowStructs.ARRAY_SIZE);
    if ((long) ArrowStructs.ARRAY_RELEASE.get(from, 0L) == 0) {
      throw new InvalidOperationException(
          "cannot import an ArrowArray that is already released (its release callback is NULL)");
    }
    long copy;
    try {
      copy = NativeHeap.mallocOrThrow(ArrowStructs.ARRAY_SIZE, "an imported ArrowArray");
    } catch (RuntimeException failure) {
      Releases.releaseArrayStruct(source);
      throw failure;
    }
    MemorySegment.copy(from, 0, NativeHeap.view(copy, ArrowStructs.ARRAY_SIZE), 0, ArrowStructs.ARRAY_SIZE);
    ArrowStructs.ARRAY_RELEASE.set(from, 0L, 0L);
    return new ImportedArray(copy);
  }

  /** The address of the moved structure (valid until the last reference is dropped). */
  long address() {
    return struct;
  }

  /** Adds a reference (for one more Floe buffer over this array's memory). */
  void retain() {
    references.incrementAndGet();
  }

  /**
   * Drops a reference; the last one releases the producer's array. Never throws: it runs inside
   * {@code Buffer.release()} on any thread.
   */
  @Override
  public void run() {
    if (references.decrementAndGet() != 0) {
      return;
    }
    try {
      Releases.releaseArrayStruct(struct);
    } catch (Throwable failure) {
      Releases.record(failure);
    } finally {
      NativeHeap.free(struct);
    }
  }
}
