package dev.floe.ffi.stream;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C Stream Interface's {@code struct ArrowArrayStream}: four function pointers and the
 * producer's private data, 40 bytes on 64-bit platforms (Arrow's C Stream Interface
 * specification, "Structure definition"), and the downcalls that call a producer's functions.
 */
@SuppressWarnings("restricted") // downcalls through the producer's function pointers
final class StreamStruct {
  static final long SIZE = 40;
  static final long GET_SCHEMA = 0;
  static final long GET_NEXT = 8;
  static final long GET_LAST_ERROR = 16;
  static final long RELEASE = 24;
  static final long PRIVATE_DATA = 32;

  /** {@code ArrowArray.release}'s offset: an array whose release is NULL marks the end of a stream. */
  static final long ARRAY_RELEASE = 64;
  /** Bytes of {@code struct ArrowArray} and {@code struct ArrowSchema}. */
  static final long ARRAY_SIZE = 80;
  static final long SCHEMA_SIZE = 72;
  /** {@code ArrowSchema.release}'s offset. */
  static final long SCHEMA_RELEASE = 56;

  /** errno values the specification asks for. */
  static final int EIO = 5;
  static final int EINVAL = 22;

  static final FunctionDescriptor GET_SCHEMA_TYPE =
      FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
  static final FunctionDescriptor GET_NEXT_TYPE = GET_SCHEMA_TYPE;
  static final FunctionDescriptor GET_LAST_ERROR_TYPE =
      FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS);
  static final FunctionDescriptor RELEASE_TYPE = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS);

  private static final Linker LINKER = Linker.nativeLinker();
  /** Each takes the function pointer first, then the C arguments. */
  static final MethodHandle CALL_INT = LINKER.downcallHandle(GET_SCHEMA_TYPE);
  static final MethodHandle CALL_ERROR = LINKER.downcallHandle(GET_LAST_ERROR_TYPE);
  static final MethodHandle CALL_RELEASE = LINKER.downcallHandle(RELEASE_TYPE);

  private StreamStruct() {}

  /** The struct at {@code address}, sized. */
  static MemorySegment at(MemorySegment address) {
    return address.reinterpret(SIZE);
  }

  static MemorySegment pointer(MemorySegment struct, long offset) {
    return struct.get(ValueLayout.ADDRESS, offset);
  }

  static boolean isReleased(MemorySegment struct) {
    return pointer(struct, RELEASE).address() == 0;
  }
}
