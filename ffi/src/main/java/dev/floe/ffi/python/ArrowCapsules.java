package dev.floe.ffi.python;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Arrow PyCapsule protocol at the pointer level, on the Python thread. Capsules the bridge
 * creates own a {@code malloc}'d struct; their destructor (one upcall stub for the process) calls
 * the struct's {@code release} unless a consumer moved it out (leaving {@code release} NULL), then
 * {@code free}s it. Taking a struct from a Python producer moves it into a new {@code malloc}'d
 * struct and marks the capsule's copy released, so the producer's destructor only frees memory.
 */
@SuppressWarnings("restricted") // native calls on C pointers are this class's purpose
final class ArrowCapsules {
  private static final Arena NAMES = Arena.global();
  private static final MemorySegment STREAM = NAMES.allocateFrom("arrow_array_stream");
  private static final MemorySegment SCHEMA = NAMES.allocateFrom("arrow_schema");
  private static final MemorySegment ARRAY = NAMES.allocateFrom("arrow_array");

  private final PythonRuntime runtime;
  private final MemorySegment destructor;
  private final AtomicLong destructorFailures = new AtomicLong();

  ArrowCapsules(PythonRuntime runtime) {
    this.runtime = runtime;
    try {
      var target = MethodHandles.lookup()
          .findVirtual(ArrowCapsules.class, "destroy", MethodType.methodType(void.class, MemorySegment.class))
          .bindTo(this);
      this.destructor = Linker.nativeLinker().upcallStub(target, FunctionDescriptor.ofVoid(ADDRESS), Arena.global());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not create the capsule destructor", e);
    }
  }

  /** The capsule destructor: runs inside CPython with the GIL held; must never throw. */
  private void destroy(MemorySegment capsule) {
    try {
      CPython py = runtime.py;
      MemorySegment name = (MemorySegment) CPython.invoke(py.PyCapsule_GetName, capsule.address());
      long releaseOffset = name.address() == STREAM.address() ? CapsuleStructs.STREAM_RELEASE
          : name.address() == SCHEMA.address() ? CapsuleStructs.SCHEMA_RELEASE
          : name.address() == ARRAY.address() ? CapsuleStructs.ARRAY_RELEASE : -1;
      MemorySegment pointer = (MemorySegment) CPython.invoke(py.PyCapsule_GetPointer, capsule.address(), name);
      if (pointer.address() == 0 || releaseOffset < 0) {
        CPython.invoke(py.PyErr_Clear);
        return;
      }
      CapsuleStructs.releaseAndFree(pointer, releaseOffset);
    } catch (Throwable failure) {
      // an exception escaping an upcall would end the JVM; leaking one struct is the lesser harm
      destructorFailures.incrementAndGet();
    }
  }

  /** How many capsule destructors failed (and so leaked their struct) in this process; tests expect 0. */
  long destructorFailures() {
    return destructorFailures.get();
  }

  /** A new capsule owning {@code struct}; on failure the struct is released and freed. */
  private long capsule(MemorySegment struct, MemorySegment name, long releaseOffset) {
    long capsule = CPython.call(runtime.py.PyCapsule_New, struct, name, destructor);
    if (capsule == 0) {
      PythonException error = runtime.takeError();
      CapsuleStructs.releaseAndFree(struct, releaseOffset);
      throw error;
    }
    return capsule;
  }

  /** A new reference to an object whose {@code __arrow_c_stream__} hands out {@code stream}. */
  long wrapStream(MemorySegment stream) {
    long capsule = capsule(stream, STREAM, CapsuleStructs.STREAM_RELEASE);
    try {
      return construct("ArrowStreamExport", capsule);
    } finally {
      runtime.py.decRef(capsule);
    }
  }

  /** A new reference to an object whose {@code __arrow_c_schema__} hands out {@code schema}. */
  long wrapSchema(MemorySegment schema) {
    long capsule = capsule(schema, SCHEMA, CapsuleStructs.SCHEMA_RELEASE);
    try {
      return construct("ArrowSchemaExport", capsule);
    } finally {
      runtime.py.decRef(capsule);
    }
  }

  /** A new reference to an object whose {@code __arrow_c_array__} hands out the pair. */
  long wrapArray(MemorySegment schema, MemorySegment array) {
    long schemaCapsule;
    try {
      schemaCapsule = capsule(schema, SCHEMA, CapsuleStructs.SCHEMA_RELEASE);
    } catch (RuntimeException e) {
      CapsuleStructs.releaseAndFree(array, CapsuleStructs.ARRAY_RELEASE);
      throw e;
    }
    try {
      long arrayCapsule = capsule(array, ARRAY, CapsuleStructs.ARRAY_RELEASE);
      try {
        return construct("ArrowArrayExport", schemaCapsule, arrayCapsule);
      } finally {
        runtime.py.decRef(arrayCapsule);
      }
    } finally {
      runtime.py.decRef(schemaCapsule);
    }
  }

  private long construct(String helperClass, long... capsules) {
    long type = runtime.helper(helperClass);
    try {
      return runtime.conversions.callRaw(type, capsules);
    } finally {
      runtime.py.decRef(type);
    }
  }

  /** Calls {@code object.__arrow_c_stream__()} and moves the stream out of the capsule. */
  MemorySegment takeStream(long object) {
    long capsule = callProtocol(object, "__arrow_c_stream__");
    try {
      return take(capsule, STREAM, CapsuleStructs.STREAM_SIZE, CapsuleStructs.STREAM_RELEASE);
    } finally {
      runtime.py.decRef(capsule);
    }
  }

  /** Calls {@code object.__arrow_c_schema__()} and moves the schema out of the capsule. */
  MemorySegment takeSchema(long object) {
    long capsule = callProtocol(object, "__arrow_c_schema__");
    try {
      return take(capsule, SCHEMA, CapsuleStructs.SCHEMA_SIZE, CapsuleStructs.SCHEMA_RELEASE);
    } finally {
      runtime.py.decRef(capsule);
    }
  }

  /** Calls {@code object.__arrow_c_array__()} and moves the schema and array out of the capsules. */
  ArrowArrayStructs takeArray(long object) {
    long pair = callProtocol(object, "__arrow_c_array__");
    try {
      long size = CPython.call(runtime.py.PySequence_Size, pair);
      if (size != 2) {
        CPython.invoke(runtime.py.PyErr_Clear);
        throw new PythonException("TypeError", "__arrow_c_array__ must return a (schema, array) tuple", "");
      }
      long schemaCapsule = runtime.check(CPython.call(runtime.py.PySequence_GetItem, pair, 0L));
      long arrayCapsule = 0;
      MemorySegment schema = null;
      try {
        arrayCapsule = runtime.check(CPython.call(runtime.py.PySequence_GetItem, pair, 1L));
        schema = take(schemaCapsule, SCHEMA, CapsuleStructs.SCHEMA_SIZE, CapsuleStructs.SCHEMA_RELEASE);
        MemorySegment array = take(arrayCapsule, ARRAY, CapsuleStructs.ARRAY_SIZE, CapsuleStructs.ARRAY_RELEASE);
        return new ArrowArrayStructs(schema, array);
      } catch (RuntimeException e) {
        if (schema != null) {
          CapsuleStructs.releaseAndFree(schema, CapsuleStructs.SCHEMA_RELEASE);
        }
        throw e;
      } finally {
        runtime.py.decRef(schemaCapsule);
        runtime.py.decRef(arrayCapsule);
      }
    } finally {
      runtime.py.decRef(pair);
    }
  }

  private long callProtocol(long object, String method) {
    long bound;
    try (Arena arena = Arena.ofConfined()) {
      bound = runtime.check(CPython.call(runtime.py.PyObject_GetAttrString, object, arena.allocateFrom(method)));
    }
    try {
      return runtime.conversions.callFunction(bound, List.of());
    } finally {
      runtime.py.decRef(bound);
    }
  }

  private MemorySegment take(long capsule, MemorySegment name, long size, long releaseOffset) {
    MemorySegment pointer = (MemorySegment) CPython.invoke(runtime.py.PyCapsule_GetPointer, capsule, name);
    if (pointer.address() == 0) {
      throw runtime.takeError();
    }
    if (pointer.reinterpret(size).get(ADDRESS, releaseOffset).address() == 0) {
      throw new PythonException("ValueError", "the " + name.getString(0) + " capsule was already consumed", "");
    }
    return CapsuleStructs.move(pointer, size, releaseOffset);
  }
}
