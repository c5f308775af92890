package dev.floe.ffi.cdata;

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

  /** A zeroed struct from the C heap (free with {@code NativeHeap.free}). */
  static MemorySegment allocate() {
    return NativeHeap.view(NativeHeap.callocOrThrow(SIZE, "an ArrowArrayStream"), SIZE);
  }

  /** A NUL-terminated UTF-8 copy of {@code text} on the C heap. */
  static MemorySegment cString(String text) {
    byte[] bytes = NativeHeap.cString(text);
    MemorySegment memory = NativeHeap.view(NativeHeap.mallocOrThrow(bytes.length, "an error message"), bytes.length);
    MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return memory;
  }

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
