package dev.floe.memory;

import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.errors.InvalidOperationException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An accounted source of off-heap {@link Buffer}s, arranged in a tree: a root, and named children
 * with byte limits of their own (per query, per operator, per test). Every byte a buffer holds is
 * counted against its allocator and all ancestors; a request that would exceed any of their limits
 * throws {@link FloeOutOfMemoryException} naming that allocator, the request and the limit.
 *
 * <p>{@link #close()} checks for leaks: it throws if children are still open or buffers are still
 * allocated, and says how many bytes in how many buffers. With {@code -Dfloe.memory.debug=true}
 * (or {@link #newRoot(String, long, boolean)} with debug on) each buffer records where it was
 * allocated and the leak report shows those stack traces.
 *
 * <p>Thread-safe: buffers may be allocated and released from any thread.
 */
public final class BufferAllocator implements AutoCloseable {
  /** Whether new root allocators record allocation sites by default. */
  public static final boolean DEBUG_DEFAULT = Boolean.getBoolean("floe.memory.debug");

  private static final ScopedValue<BufferAllocator> CURRENT = ScopedValue.newInstance();
  private static final BufferAllocator GLOBAL =
      newRoot("global", parseLimit(System.getProperty("floe.memory.limit")), DEBUG_DEFAULT);

  private final String name;
  private final BufferAllocator parent;
  private final long limit;
  private final boolean debug;
  private final AtomicLong allocated = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();
  private final LongAdder liveBuffers = new LongAdder();
  private final Map<Buffer, Throwable> liveSites;
  private final Map<String, BufferAllocator> children = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private BufferAllocator(String name, BufferAllocator parent, long limit, boolean debug) {
    if (limit < 0) {
      throw new IllegalArgumentException("allocator '" + name + "' limit must be >= 0: " + limit);
    }
    this.name = Objects.requireNonNull(name, "name");
    this.parent = parent;
    this.limit = limit;
    this.debug = debug;
    this.liveSites = debug ? new ConcurrentHashMap<>() : null;
  }

  /** A new root allocator with a byte limit; debug mode follows {@code floe.memory.debug}. */
  public static BufferAllocator newRoot(String name, long limit) {
    return newRoot(name, limit, DEBUG_DEFAULT);
  }

  /** A new root allocator; with {@code debug} each buffer records where it was allocated. */
  public static BufferAllocator newRoot(String name, long limit, boolean debug) {
    return new BufferAllocator(name, null, limit, debug);
  }

  /** The process-wide root (limit from {@code -Dfloe.memory.limit=8g}); never closed. */
  public static BufferAllocator global() {
    return GLOBAL;
  }

  /**
   * The allocator that code on this thread allocates from when it is not given one: the one bound
   * by {@link #callWith} (tests bind a fresh one per test), else {@link #global()}.
   */
  public static BufferAllocator current() {
    return CURRENT.orElse(GLOBAL);
  }

  /** Runs {@code action} with {@link #current()} returning {@code allocator}. */
  public static <T, X extends Throwable> T callWith(
      BufferAllocator allocator, ScopedValue.CallableOp<T, X> action) throws X {
    return ScopedValue.where(CURRENT, allocator).call(action);
  }

  /** A child with its own name and limit (also bounded by every ancestor's limit). */
  public BufferAllocator newChild(String childName, long childLimit) {
    checkOpen();
    BufferAllocator child = new BufferAllocator(childName, this, childLimit, debug);
    if (children.putIfAbsent(childName, child) != null) {
      throw new InvalidOperationException(
          "allocator '" + name + "' already has an open child named '" + childName + "'");
    }
    return child;
  }

  /**
   * A buffer of at least {@code bytes} bytes (rounded up to a multiple of 64), 64-byte aligned.
   * The contents are not initialized except the padding after {@code bytes}, which is zero.
   */
  public Buffer allocate(long bytes) {
    Buffer buffer = allocateUninitialized(bytes);
    long capacity = buffer.capacity();
    if (capacity > bytes) {
      buffer.segment().asSlice(bytes, capacity - bytes).fill((byte) 0);
    }
    return buffer;
  }

  /** A buffer of at least {@code bytes} bytes, all zero. */
  public Buffer allocateZeroed(long bytes) {
    Buffer buffer = allocateUninitialized(bytes);
    buffer.segment().fill((byte) 0);
    return buffer;
  }

  /** 2^56 bytes (64 PiB): larger requests are refused before any arithmetic on their size. */
  static final long MAX_REQUEST = 1L << 56;

  private Buffer allocateUninitialized(long bytes) {
    if (bytes < 0) {
      throw new InvalidOperationException(
          "allocator '" + name + "': cannot allocate a negative size (" + bytes + " bytes)");
    }
    if (bytes > MAX_REQUEST) {
      // padding to 64 bytes (and to 2 MiB size classes) would overflow a long: never a tiny buffer
      throw new FloeOutOfMemoryException(
          "allocator '" + name + "': cannot allocate " + bytes + " bytes (more than "
              + MAX_REQUEST + ", the largest request any machine could satisfy)");
    }
    checkOpen();
    long capacity = NativeMemory.padded(bytes);
    reserve(capacity);
    long address = NativeMemory.allocate(capacity);
    if (address == 0) {
      unreserve(capacity);
      throw new FloeOutOfMemoryException(
          "allocator '" + name + "': the operating system refused " + capacity + " bytes");
    }
    Buffer buffer =
        new Buffer(NativeMemory.segment(address, capacity), this, null, site("allocated"));
    track(buffer);
    return buffer;
  }

  /**
   * Accounts memory that Floe did not allocate (imported from another engine). The returned
   * buffer's last release runs {@code release} exactly once instead of freeing the memory.
   */
  public Buffer wrapForeign(MemorySegment memory, Runnable release) {
    Objects.requireNonNull(release, "release");
    checkOpen();
    reserve(memory.byteSize());
    Buffer buffer = new Buffer(memory, this, release, site("imported"));
    track(buffer);
    return buffer;
  }

  /** Bytes currently held by buffers of this allocator and its descendants. */
  public long allocatedBytes() {
    return allocated.get();
  }

  /** The most bytes ever held at once by this allocator and its descendants. */
  public long peakBytes() {
    return peak.get();
  }

  public long limit() {
    return limit;
  }

  public String name() {
    return name;
  }

  /** The parent, or null for a root. */
  public BufferAllocator parent() {
    return parent;
  }

  /** Buffers of this allocator itself (not its children) not yet freed. */
  public long liveBufferCount() {
    return liveBuffers.sum();
  }

  public List<BufferAllocator> children() {
    return List.copyOf(children.values());
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes this allocator. Throws {@link InvalidOperationException} if children are open or
   * buffers are still allocated, naming the bytes and buffers leaked (and, in debug mode, where
   * they were allocated). The allocator is closed either way.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (parent != null) {
      parent.children.remove(name, this);
    }
    List<String> openChildren = new ArrayList<>();
    for (BufferAllocator child : children.values()) {
      openChildren.add(child.name + " (" + child.allocatedBytes() + " bytes)");
    }
    long leakedBytes = allocated.get();
    if (!openChildren.isEmpty() || leakedBytes != 0) {
      throw new InvalidOperationException(LeakReport.describe(this, openChildren, leakedBytes));
    }
  }

  Map<Buffer, Throwable> liveSites() {
    return liveSites;
  }

  boolean debug() {
    return debug;
  }

  /** Called by {@link Buffer#release()} when a buffer is freed. */
  void onFree(Buffer buffer) {
    liveBuffers.decrement();
    if (liveSites != null) {
      liveSites.remove(buffer);
    }
    unreserve(buffer.capacity());
  }

  /**
   * Moves {@code buffer}'s bytes from {@code source}'s accounting to {@code target}'s: reserves
   * them on {@code target}'s path below the lowest common ancestor (which may throw, changing
   * nothing), then releases them on {@code source}'s path below it. Called by {@link
   * Buffer#transferTo} under the buffer's lock.
   */
  static void moveAccounting(Buffer buffer, BufferAllocator source, BufferAllocator target) {
    target.checkOpen();
    BufferAllocator common = commonAncestor(source, target);
    long bytes = buffer.capacity();
    target.reserveBelow(bytes, common);
    for (BufferAllocator node = source; node != common; node = node.parent) {
      node.allocated.addAndGet(-bytes);
    }
    source.liveBuffers.decrement();
    if (source.liveSites != null) {
      source.liveSites.remove(buffer);
    }
    target.track(buffer);
  }

  /** True if {@code ancestor} is this allocator or one of its ancestors. */
  public boolean isWithin(BufferAllocator ancestor) {
    for (BufferAllocator node = this; node != null; node = node.parent) {
      if (node == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static BufferAllocator commonAncestor(BufferAllocator first, BufferAllocator second) {
    for (BufferAllocator node = first; node != null; node = node.parent) {
      if (second.isWithin(node)) {
        return node;
      }
    }
    return null; // different roots
  }

  private void track(Buffer buffer) {
    liveBuffers.increment();
    if (liveSites != null) {
      liveSites.put(buffer, buffer.allocationSite());
    }
  }

  private Throwable site(String verb) {
    return debug ? new Throwable(verb + " by allocator '" + name + "'") : null;
  }

  /** Counts {@code bytes} against this allocator and each ancestor, or throws without counting. */
  private void reserve(long bytes) {
    reserveBelow(bytes, null);
  }

  /** {@link #reserve} on the path from this allocator up to (not including) {@code stop}. */
  private void reserveBelow(long bytes, BufferAllocator stop) {
    for (BufferAllocator node = this; node != stop; node = node.parent) {
      long after = node.allocated.addAndGet(bytes);
      if (after > node.limit) {
        for (BufferAllocator undo = this; undo != node.parent; undo = undo.parent) {
          undo.allocated.addAndGet(-bytes);
        }
        throw new FloeOutOfMemoryException(node.name, name, bytes, after - bytes, node.limit);
      }
      long seen;
      while (after > (seen = node.peak.get()) && !node.peak.compareAndSet(seen, after)) {
        // retry: another thread raised the peak concurrently
      }
    }
  }

  private void unreserve(long bytes) {
    for (BufferAllocator node = this; node != null; node = node.parent) {
      node.allocated.addAndGet(-bytes);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new InvalidOperationException("allocator '" + name + "' is closed");
    }
  }

  /** Parses a size such as {@code 512m}, {@code 8g} or {@code 1048576}; null means unlimited. */
  public static long parseLimit(String text) {
    if (text == null || text.isBlank()) {
      return Long.MAX_VALUE;
    }
    String trimmed = text.trim().toLowerCase();
    long multiplier =
        switch (trimmed.charAt(trimmed.length() - 1)) {
          case 'k' -> 1L << 10;
          case 'm' -> 1L << 20;
          case 'g' -> 1L << 30;
          case 't' -> 1L << 40;
          default -> 1L;
        };
    String digits = multiplier == 1L ? trimmed : trimmed.substring(0, trimmed.length() - 1);
    try {
      return Math.multiplyExact(Long.parseLong(digits.trim()), multiplier);
    } catch (NumberFormatException | ArithmeticException failure) {
      throw new InvalidOperationException(
          "memory limit '" + text + "' is not a size; write e.g. 1048576, 512m or 8g");
    }
  }

  @Override
  public String toString() {
    return "BufferAllocator[" + name + ", " + allocated.get() + " of " + limit + " bytes]";
  }
}
