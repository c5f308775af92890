package dev.floe.memory;

import dev.floe.errors.InternalFloeException;
import dev.floe.errors.InvalidOperationException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A reference-counted block of off-heap memory, 64-byte aligned and padded to a multiple of 64
 * bytes, accounted to the {@link BufferAllocator} that made it.
 *
 * <p>Ownership: a new buffer has one reference. Whoever keeps a buffer beyond the call that handed
 * it over calls {@link #retain()}; each holder calls {@link #release()} once when done; the last
 * release frees the memory (or, for foreign memory, runs the producer's release action) exactly
 * once. Its {@link #segment()} must not be used after that; with {@link BoundsChecks} on, asking
 * for the segment of a freed buffer throws instead of touching freed memory.
 */
public final class Buffer {
  private static final VarHandle REFERENCES;

  static {
    try {
      REFERENCES = MethodHandles.lookup().findVarHandle(Buffer.class, "references", int.class);
    } catch (ReflectiveOperationException failure) {
      throw new ExceptionInInitializerError(failure);
    }
  }

  private final MemorySegment segment;
  /** Changes only under this buffer's lock, by {@link #transferTo}. */
  private volatile BufferAllocator allocator;
  private final Runnable foreignRelease;
  private final Throwable allocationSite;
  private volatile int references = 1;
  private volatile boolean uncached;

  Buffer(
      MemorySegment segment,
      BufferAllocator allocator,
      Runnable foreignRelease,
      Throwable allocationSite) {
    this.segment = segment;
    this.allocator = allocator;
    this.foreignRelease = foreignRelease;
    this.allocationSite = allocationSite;
  }

  /** The memory; valid until the last {@link #release()}. Its size is {@link #capacity()}. */
  public MemorySegment segment() {
    if (BoundsChecks.ENABLED && references <= 0) {
      throw new InvalidOperationException(
          "buffer of " + capacity() + " bytes was used after its last release");
    }
    return segment;
  }

  /** The address of the first byte (for the C Data Interface and native code). */
  public long address() {
    return segment.address();
  }

  /** Usable bytes: the requested size rounded up to a multiple of 64 (foreign: as given). */
  public long capacity() {
    return segment.byteSize();
  }

  /** The allocator this buffer is accounted to. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /** The current number of references (0 once freed). */
  public int referenceCount() {
    return references;
  }

  /**
   * Marks the memory to go straight back to the C allocator on the last release, bypassing the
   * cache of large blocks: for a large working area (a join's hash table) whose pages should leave
   * the process when its phase ends rather than stay resident for reuse. Returns this buffer.
   */
  public Buffer uncached() {
    uncached = true;
    return this;
  }

  /** True if the memory came from outside Floe (imported through FFI) and is only accounted. */
  public boolean isForeign() {
    return foreignRelease != null;
  }

  /** Adds a reference and returns this buffer. */
  public Buffer retain() {
    int before;
    do {
      before = references;
      if (before <= 0) {
        throw new InvalidOperationException(
            "cannot retain a buffer of " + capacity() + " bytes after its last release");
      }
    } while (!REFERENCES.compareAndSet(this, before, before + 1));
    return this;
  }

  /**
   * Drops a reference; the last one frees the memory. Returns true if this call freed it.
   *
   * @throws InternalFloeException on a release after the last one (a double release is a bug)
   */
  public boolean release() {
    int after = (int) REFERENCES.getAndAdd(this, -1) - 1;
    if (after > 0) {
      return false;
    }
    if (after < 0) {
      throw new InternalFloeException(
          "buffer of " + capacity() + " bytes released more often than it was retained");
    }
    try {
      if (foreignRelease != null) {
        foreignRelease.run();
      } else if (capacity() > 0) {
        if (uncached) {
          NativeMemory.freeToC(segment.address());
        } else {
          NativeMemory.free(segment.address(), segment.byteSize());
        }
      }
    } finally {
      synchronized (this) { // a transfer in progress finishes first, so the right allocator is credited
        allocator.onFree(this);
      }
    }
    return true;
  }

  /**
   * Moves this buffer's accounting to {@code target} (as Arrow's ownership transfer): its bytes
   * stop counting against the current allocator and the ancestors it does not share with {@code
   * target}, and start counting against {@code target} and its ancestors, whose limits apply (a
   * transfer to an ancestor never exceeds a limit, since the bytes are already counted there). The
   * memory does not move and every handle stays valid. A lazy query hands its result to the
   * caller's allocator this way before it closes its own.
   *
   * @throws dev.floe.errors.FloeOutOfMemoryException if {@code target} cannot take the bytes
   *     (nothing changes then)
   * @throws InvalidOperationException if the buffer was already freed or {@code target} is closed
   */
  public synchronized void transferTo(BufferAllocator target) {
    if (references <= 0) {
      throw new InvalidOperationException(
          "cannot transfer a buffer of " + capacity() + " bytes after its last release");
    }
    BufferAllocator source = allocator;
    if (source != target) {
      BufferAllocator.moveAccounting(this, source, target);
      allocator = target;
    }
  }

  /** Where this buffer was allocated, when the allocator's debug mode was on; else null. */
  Throwable allocationSite() {
    return allocationSite;
  }

  @Override
  public String toString() {
    return "Buffer[" + capacity() + " bytes @0x" + Long.toHexString(segment.address())
        + ", references=" + references + ", allocator=" + allocator.name() + "]";
  }
}
