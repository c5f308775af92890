package dev.floe.ffi.python;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.floe.errors.InvalidOperationException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts simple values between Java and Python, on the Python thread. Java to Python: null to
 * None, Boolean to bool, Byte/Short/Integer/Long/BigInteger to int, Float/Double to float, String
 * to str, byte[] to bytes, List to list, Map to dict, {@link PyObjectRef} to the object it holds.
 * Python to Java: the reverse, with int as Long (BigInteger when it does not fit), tuple as an
 * unmodifiable List, and any other object as a new {@link PyObjectRef} the caller must close.
 */
@SuppressWarnings("restricted") // native calls on C pointers are this class's purpose
final class Conversions {
  private final PythonRuntime runtime;

  Conversions(PythonRuntime runtime) {
    this.runtime = runtime;
  }

  /** A new reference to the Python form of {@code value}. */
  long toPython(Object value) {
    CPython py = runtime.py;
    return switch (value) {
      case null -> {
        py.incRef(py.none);
        yield py.none;
      }
      case PyObjectRef ref -> {
        long address = ref.address();
        py.incRef(address);
        yield address;
      }
      case Boolean b -> runtime.check(CPython.call(py.PyBool_FromLong, b ? 1L : 0L));
      case Long l -> runtime.check(CPython.call(py.PyLong_FromLongLong, l));
      case Integer i -> runtime.check(CPython.call(py.PyLong_FromLongLong, (long) i));
      case Short s -> runtime.check(CPython.call(py.PyLong_FromLongLong, (long) s));
      case Byte b -> runtime.check(CPython.call(py.PyLong_FromLongLong, (long) b));
      case BigInteger big -> {
        try (Arena arena = Arena.ofConfined()) {
          yield runtime.check(CPython.call(py.PyLong_FromString, arena.allocateFrom(big.toString()),
              MemorySegment.NULL, 10));
        }
      }
      case Double d -> runtime.check(CPython.call(py.PyFloat_FromDouble, d));
      case Float f -> runtime.check(CPython.call(py.PyFloat_FromDouble, (double) f));
      case String s -> {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
          yield runtime.check(CPython.call(py.PyUnicode_FromStringAndSize, bytes(arena, utf8), (long) utf8.length));
        }
      }
      case byte[] bytes -> {
        try (Arena arena = Arena.ofConfined()) {
          yield runtime.check(CPython.call(py.PyBytes_FromStringAndSize, bytes(arena, bytes), (long) bytes.length));
        }
      }
      case List<?> list -> {
        long result = runtime.check(CPython.call(py.PyList_New, (long) list.size()));
        try {
          for (int i = 0; i < list.size(); i++) {
            CPython.call(py.PyList_SetItem, result, (long) i, toPython(list.get(i))); // steals the item
          }
        } catch (RuntimeException e) {
          py.decRef(result);
          throw e;
        }
        yield result;
      }
      case Map<?, ?> map -> {
        long result = runtime.check(CPython.call(py.PyDict_New));
        try {
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            long key = toPython(entry.getKey());
            long item = 0;
            try {
              item = toPython(entry.getValue());
              runtime.checkStatus(CPython.call(py.PyDict_SetItem, result, key, item));
            } finally {
              py.decRef(key);
              py.decRef(item);
            }
          }
        } catch (RuntimeException e) {
          py.decRef(result);
          throw e;
        }
        yield result;
      }
      default -> throw new InvalidOperationException(
          "cannot pass a " + value.getClass().getName() + " to Python; pass null, Boolean, a number, String, "
              + "byte[], List, Map or PyObjectRef");
    };
  }

  private static MemorySegment bytes(Arena arena, byte[] bytes) {
    MemorySegment segment = arena.allocate(Math.max(1, bytes.length));
    MemorySegment.copy(bytes, 0, segment, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
    return segment;
  }

  /**
   * The Java form of the borrowed {@code object}. Objects of other types become a new {@link
   * PyObjectRef} when {@code wrapOthers}, and an {@link InvalidOperationException} otherwise.
   */
  Object toJava(long object, boolean wrapOthers) {
    CPython py = runtime.py;
    if (object == py.none) {
      return null;
    }
    if (isInstance(object, py.boolType)) {
      return object == py.trueObject;
    }
    if (isInstance(object, py.longType)) {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment overflow = arena.allocate(JAVA_INT);
        long value = CPython.call(py.PyLong_AsLongLongAndOverflow, object, overflow);
        if (overflow.get(JAVA_INT, 0) != 0) {
          return new BigInteger(string(runtime.check(CPython.call(py.PyObject_Str, object)), true));
        }
        if (value == -1 && CPython.call(py.PyErr_Occurred) != 0) {
          throw runtime.takeError();
        }
        return value;
      }
    }
    if (isInstance(object, py.floatType)) {
      double value = (double) CPython.invoke(py.PyFloat_AsDouble, object);
      if (value == -1.0 && CPython.call(py.PyErr_Occurred) != 0) {
        throw runtime.takeError();
      }
      return value;
    }
    if (isInstance(object, py.unicodeType)) {
      return string(object, false);
    }
    if (isInstance(object, py.bytesType)) {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment buffer = arena.allocate(ADDRESS);
        MemorySegment length = arena.allocate(JAVA_LONG);
        runtime.checkStatus(CPython.call(py.PyBytes_AsStringAndSize, object, buffer, length));
        long size = length.get(JAVA_LONG, 0);
        return buffer.get(ADDRESS, 0).reinterpret(size).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
      }
    }
    boolean list = isInstance(object, py.listType);
    if (list || isInstance(object, py.tupleType)) {
      long size = CPython.call(py.PySequence_Size, object);
      List<Object> items = new ArrayList<>((int) Math.max(0, size));
      for (long i = 0; i < size; i++) {
        long item = runtime.check(CPython.call(py.PySequence_GetItem, object, i));
        try {
          items.add(toJava(item, wrapOthers));
        } finally {
          py.decRef(item);
        }
      }
      return list ? items : Collections.unmodifiableList(items);
    }
    if (isInstance(object, py.dictType)) {
      Map<Object, Object> map = new LinkedHashMap<>();
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment position = arena.allocate(JAVA_LONG);
        MemorySegment key = arena.allocate(JAVA_LONG);
        MemorySegment value = arena.allocate(JAVA_LONG);
        while (CPython.call(py.PyDict_Next, object, position, key, value) != 0) {
          map.put(toJava(key.get(JAVA_LONG, 0), wrapOthers), toJava(value.get(JAVA_LONG, 0), wrapOthers));
        }
      }
      return map;
    }
    if (!wrapOthers) {
      throw new InvalidOperationException("cannot convert a Python " + typeName(object) + " to a Java value");
    }
    py.incRef(object);
    return new PyObjectRef(runtime, object);
  }

  private boolean isInstance(long object, long type) {
    long result = CPython.call(runtime.py.PyObject_IsInstance, object, type);
    if (result < 0) {
      throw runtime.takeError();
    }
    return result == 1;
  }

  /** The UTF-8 text of a str {@code object}; decrefs it when {@code owned}. */
  private String string(long object, boolean owned) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment length = arena.allocate(JAVA_LONG);
      long data = runtime.check(CPython.call(runtime.py.PyUnicode_AsUTF8AndSize, object, length));
      byte[] bytes = MemorySegment.ofAddress(data).reinterpret(length.get(JAVA_LONG, 0))
          .toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
      return new String(bytes, StandardCharsets.UTF_8);
    } finally {
      if (owned) {
        runtime.py.decRef(object);
      }
    }
  }

  private String typeName(long object) {
    try (Arena arena = Arena.ofConfined()) {
      long type = CPython.call(runtime.py.PyObject_GetAttrString, object, arena.allocateFrom("__class__"));
      if (type == 0) {
        CPython.invoke(runtime.py.PyErr_Clear);
        return "object";
      }
      long name = CPython.call(runtime.py.PyObject_GetAttrString, type, arena.allocateFrom("__name__"));
      runtime.py.decRef(type);
      if (name == 0) {
        CPython.invoke(runtime.py.PyErr_Clear);
        return "object";
      }
      return string(name, true);
    }
  }

  /** Calls {@code callable(*args)} with converted arguments; a new reference to the result. */
  long callFunction(long callable, List<?> args) {
    CPython py = runtime.py;
    long tuple = runtime.check(CPython.call(py.PyTuple_New, (long) args.size()));
    try {
      for (int i = 0; i < args.size(); i++) {
        CPython.call(py.PyTuple_SetItem, tuple, (long) i, toPython(args.get(i))); // steals the item
      }
      return runtime.check(CPython.call(py.PyObject_Call, callable, tuple, 0L));
    } finally {
      py.decRef(tuple);
    }
  }

  /** Calls {@code callable(*args)} with borrowed object arguments; a new reference to the result. */
  long callRaw(long callable, long... args) {
    CPython py = runtime.py;
    long tuple = runtime.check(CPython.call(py.PyTuple_New, (long) args.length));
    try {
      for (int i = 0; i < args.length; i++) {
        py.incRef(args[i]);
        CPython.call(py.PyTuple_SetItem, tuple, (long) i, args[i]); // steals the new reference
      }
      return runtime.check(CPython.call(py.PyObject_Call, callable, tuple, 0L));
    } finally {
      py.decRef(tuple);
    }
  }
}
