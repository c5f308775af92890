package dev.floe.ffi.cdata;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Calls the release callback of an {@code ArrowSchema} or {@code ArrowArray}: a direct Java call
 * when the structure was exported by Floe (its release member is one of Floe's upcall stubs), else
 * a downcall through the function pointer. Also the sink for failures inside release callbacks,
 * which must never throw (an exception escaping an upcall ends the JVM).
 */
@SuppressWarnings("restricted") // the upcall stub or downcall handle is this class's purpose
final class Releases {
  /** {@code void (*release)(struct*)}; invoked with the function pointer as the target. */
  private static final MethodHandle INVOKE_RELEASE =
      Linker.nativeLinker().downcallHandle(FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG));

  private Releases() {}

  /** Releases the schema at {@code struct} unless its release member is already NULL. */
  static void releaseSchemaStruct(long struct) {
    MemorySegment schema = NativeHeap.view(struct, ArrowStructs.SCHEMA_SIZE);
    long release = (long) ArrowStructs.SCHEMA_RELEASE.get(schema, 0L);
    if (release == 0) {
      return;
    }
    if (release == SchemaExporter.RELEASE_STUB.address()) {
      SchemaExporter.release(struct);
    } else {
      invoke(release, struct);
    }
  }

  /** Releases the array at {@code struct} unless its release member is already NULL. */
  static void releaseArrayStruct(long struct) {
    MemorySegment array = NativeHeap.view(struct, ArrowStructs.ARRAY_SIZE);
    long release = (long) ArrowStructs.ARRAY_RELEASE.get(array, 0L);
    if (release == 0) {
      return;
    }
    if (release == ArrayExporter.RELEASE_STUB.address()) {
      ArrayExporter.release(struct);
    } else {
      invoke(release, struct);
    }
  }

  private static void invoke(long function, long struct) {
    try {
      INVOKE_RELEASE.invokeExact(MemorySegment.ofAddress(function), struct);
    } catch (Throwable failure) {
      record(failure);
    }
  }

  /** Records a failure of a release callback; see {@link ReleaseFailures}. */
  static void record(Throwable failure) {
    ReleaseFailures.record(failure);
  }
}
