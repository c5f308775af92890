package dev.floe.ffi.python;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/** Test-side calls through an ArrowArrayStream's function pointers, and readers of the structs. */
@SuppressWarnings("restricted") // calls C function pointers the producer set
final class ArrowStreamCalls {
  /** {@code int (*)(stream, out)}, called as (function pointer, stream, out). */
  private static final MethodHandle GET_STRUCT =
      Linker.nativeLinker().downcallHandle(FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

  private ArrowStreamCalls() {}

  /** {@code stream->get_schema(stream, out)} into a new malloc'd ArrowSchema. */
  static MemorySegment getSchema(MemorySegment stream) {
    MemorySegment schema = CapsuleStructs.allocate(CapsuleStructs.SCHEMA_SIZE);
    check(invoke(stream, 0, schema), "get_schema");
    return schema;
  }

  /** {@code stream->get_next(stream, out)} into a new malloc'd ArrowArray (released = end). */
  static MemorySegment getNext(MemorySegment stream) {
    MemorySegment array = CapsuleStructs.allocate(CapsuleStructs.ARRAY_SIZE);
    check(invoke(stream, 8, array), "get_next");
    return array;
  }

  private static int invoke(MemorySegment stream, long offset, MemorySegment out) {
    MemorySegment function = stream.reinterpret(CapsuleStructs.STREAM_SIZE).get(ADDRESS, offset);
    try {
      return (int) GET_STRUCT.invokeExact(function, stream, out);
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  private static void check(int status, String what) {
    if (status != 0) {
      throw new AssertionError(what + " returned errno " + status);
    }
  }

  /** Whether a struct's release callback is set (NULL marks a released struct or end of stream). */
  static boolean isLive(MemorySegment struct, long releaseOffset) {
    return struct.reinterpret(releaseOffset + 8).get(ADDRESS, releaseOffset).address() != 0;
  }

  /** An ArrowSchema's format string. */
  static String format(MemorySegment schema) {
    return schema.reinterpret(CapsuleStructs.SCHEMA_SIZE).get(ADDRESS, 0).reinterpret(1 << 16).getString(0);
  }

  /** The names of an ArrowSchema's children. */
  static List<String> childNames(MemorySegment schema) {
    MemorySegment view = schema.reinterpret(CapsuleStructs.SCHEMA_SIZE);
    long count = view.get(JAVA_LONG, 32);
    MemorySegment children = view.get(ADDRESS, 40).reinterpret(count * 8);
    List<String> names = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      MemorySegment child = children.getAtIndex(ADDRESS, i).reinterpret(CapsuleStructs.SCHEMA_SIZE);
      names.add(child.get(ADDRESS, 8).reinterpret(1 << 16).getString(0) + ":" + format(child));
    }
    return names;
  }

  /** An ArrowArray's length. */
  static long length(MemorySegment array) {
    return array.reinterpret(CapsuleStructs.ARRAY_SIZE).get(JAVA_LONG, 0);
  }

  /** The process's resident set size in bytes, from /proc/self/status. */
  static long residentBytes() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no VmRSS in /proc/self/status");
  }
}
