package dev.floe.ffi.python;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Allocation and release of the Arrow C Data Interface structs the bridge moves between Java and
 * Python. They live in C-heap memory from {@code malloc} (so a capsule destructor can {@code free}
 * them, whichever thread and library ends up owning them); the sizes and {@code release} field
 * offsets are those of the Arrow specification on 64-bit platforms.
 */
@SuppressWarnings("restricted") // native calls on C pointers are this class's purpose
final class CapsuleStructs {
  /** {@code sizeof(struct ArrowSchema)}. */
  public static final long SCHEMA_SIZE = 72;
  /** {@code sizeof(struct ArrowArray)}. */
  public static final long ARRAY_SIZE = 80;
  /** {@code sizeof(struct ArrowArrayStream)}. */
  public static final long STREAM_SIZE = 40;
  /** Offset of {@code release} in an ArrowSchema. */
  public static final long SCHEMA_RELEASE = 56;
  /** Offset of {@code release} in an ArrowArray. */
  public static final long ARRAY_RELEASE = 64;
  /** Offset of {@code release} in an ArrowArrayStream. */
  public static final long STREAM_RELEASE = 24;

  private static final MethodHandle CALL_RELEASE =
      Linker.nativeLinker().downcallHandle(FunctionDescriptor.ofVoid(ADDRESS)); // (function, struct)

  private CapsuleStructs() {}

  /** A zeroed struct of {@code size} bytes from {@code malloc}; free it with {@link #free}. */
  public static MemorySegment allocate(long size) {
    MemorySegment struct = Libc.malloc(size);
    struct.fill((byte) 0);
    return struct;
  }

  /** {@code free}s a struct from {@link #allocate} (or C's {@code malloc}); NULL is ignored. */
  public static void free(MemorySegment struct) {
    Libc.free(struct);
  }

  /**
   * Calls the struct's {@code release} callback (found at {@code releaseOffset}) if it is not NULL,
   * marking the struct released; the struct's own memory is left to the caller.
   */
  public static void release(MemorySegment struct, long releaseOffset) {
    MemorySegment view = struct.reinterpret(releaseOffset + ADDRESS.byteSize());
    MemorySegment release = view.get(ADDRESS, releaseOffset);
    if (release.address() != 0) {
      try {
        CALL_RELEASE.invokeExact(release, view);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("an Arrow release callback failed", t);
      }
      view.set(ADDRESS, releaseOffset, MemorySegment.NULL); // producers should, but not all do
    }
  }

  /** {@link #release} then {@link #free}: disposes of a struct the caller owns. */
  public static void releaseAndFree(MemorySegment struct, long releaseOffset) {
    if (struct.address() != 0) {
      release(struct, releaseOffset);
      free(struct);
    }
  }

  /** Copies {@code size} bytes of {@code source} to a new struct and marks the source released. */
  static MemorySegment move(MemorySegment source, long size, long releaseOffset) {
    MemorySegment from = source.reinterpret(size);
    MemorySegment to = Libc.malloc(size);
    to.copyFrom(from);
    from.set(ADDRESS, releaseOffset, MemorySegment.NULL);
    return to;
  }
}
