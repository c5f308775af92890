package dev.floe.ffi.python;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Downcall handles for the part of the CPython C API the bridge uses, looked up in a libpython
 * opened with {@link Libc#dlopenGlobal}. {@code PyObject*} values are passed as {@code long}
 * addresses (pointer-sized on the 64-bit platforms FFM supports); {@code char*} and out-parameters
 * as segments. Only functions of the stable API that exist in 3.10 to 3.13 are used. Every call
 * must be made with the GIL held, which {@link PythonRuntime} guarantees.
 */
@SuppressWarnings("restricted") // native calls on C pointers are this class's purpose
final class CPython {
  static final int FILE_INPUT = 257;
  static final int EVAL_INPUT = 258;

  private static final MemoryLayout P = JAVA_LONG;
  private static final MemoryLayout L = JAVA_LONG;
  private static final MemoryLayout A = ADDRESS;
  private static final MemoryLayout I = JAVA_INT;

  private final Linker linker = Linker.nativeLinker();
  private final MemorySegment library;

  final MethodHandle Py_InitializeEx = fn("Py_InitializeEx", FunctionDescriptor.ofVoid(I));
  final MethodHandle Py_IsInitialized = fn("Py_IsInitialized", FunctionDescriptor.of(JAVA_INT));
  final MethodHandle PyEval_SaveThread = fn("PyEval_SaveThread", FunctionDescriptor.of(L));
  final MethodHandle PyGILState_Ensure = fn("PyGILState_Ensure", FunctionDescriptor.of(JAVA_INT));
  final MethodHandle PyGILState_Release = fn("PyGILState_Release", FunctionDescriptor.ofVoid(I));
  final MethodHandle Py_IncRef = fn("Py_IncRef", FunctionDescriptor.ofVoid(P));
  final MethodHandle Py_DecRef = fn("Py_DecRef", FunctionDescriptor.ofVoid(P));
  final MethodHandle PyRun_String = fn("PyRun_String", FunctionDescriptor.of(P, A, I, P, P));
  final MethodHandle PyEval_EvalCode = fn("PyEval_EvalCode", FunctionDescriptor.of(P, P, P, P));
  final MethodHandle PyImport_AddModule = fn("PyImport_AddModule", FunctionDescriptor.of(P, A));
  final MethodHandle PyModule_GetDict = fn("PyModule_GetDict", FunctionDescriptor.of(P, P));
  final MethodHandle PyEval_GetBuiltins = fn("PyEval_GetBuiltins", FunctionDescriptor.of(P));
  final MethodHandle PyDict_New = fn("PyDict_New", FunctionDescriptor.of(P));
  final MethodHandle PyDict_GetItemString = fn("PyDict_GetItemString", FunctionDescriptor.of(P, P, A));
  final MethodHandle PyDict_SetItemString = fn("PyDict_SetItemString", FunctionDescriptor.of(I, P, A, P));
  final MethodHandle PyDict_SetItem = fn("PyDict_SetItem", FunctionDescriptor.of(I, P, P, P));
  final MethodHandle PyDict_Next = fn("PyDict_Next", FunctionDescriptor.of(I, P, A, A, A));
  final MethodHandle PyErr_Occurred = fn("PyErr_Occurred", FunctionDescriptor.of(P));
  final MethodHandle PyErr_Fetch = fn("PyErr_Fetch", FunctionDescriptor.ofVoid(A, A, A));
  final MethodHandle PyErr_NormalizeException = fn("PyErr_NormalizeException", FunctionDescriptor.ofVoid(A, A, A));
  final MethodHandle PyException_SetTraceback = fn("PyException_SetTraceback", FunctionDescriptor.of(I, P, P));
  final MethodHandle PyErr_Clear = fn("PyErr_Clear", FunctionDescriptor.ofVoid());
  final MethodHandle PyObject_Call = fn("PyObject_Call", FunctionDescriptor.of(P, P, P, P));
  final MethodHandle PyObject_GetAttrString = fn("PyObject_GetAttrString", FunctionDescriptor.of(P, P, A));
  final MethodHandle PyObject_IsInstance = fn("PyObject_IsInstance", FunctionDescriptor.of(I, P, P));
  final MethodHandle PyObject_Str = fn("PyObject_Str", FunctionDescriptor.of(P, P));
  final MethodHandle PyLong_FromLongLong = fn("PyLong_FromLongLong", FunctionDescriptor.of(P, L));
  final MethodHandle PyLong_AsLongLongAndOverflow =
      fn("PyLong_AsLongLongAndOverflow", FunctionDescriptor.of(L, P, A));
  final MethodHandle PyLong_FromString = fn("PyLong_FromString", FunctionDescriptor.of(P, A, A, I));
  final MethodHandle PyFloat_FromDouble = fn("PyFloat_FromDouble", FunctionDescriptor.of(P, JAVA_DOUBLE));
  final MethodHandle PyFloat_AsDouble = fn("PyFloat_AsDouble", FunctionDescriptor.of(JAVA_DOUBLE, P));
  final MethodHandle PyBool_FromLong = fn("PyBool_FromLong", FunctionDescriptor.of(P, L));
  final MethodHandle PyUnicode_FromStringAndSize =
      fn("PyUnicode_FromStringAndSize", FunctionDescriptor.of(P, A, L));
  final MethodHandle PyUnicode_AsUTF8AndSize = fn("PyUnicode_AsUTF8AndSize", FunctionDescriptor.of(A, P, A));
  final MethodHandle PyBytes_FromStringAndSize = fn("PyBytes_FromStringAndSize", FunctionDescriptor.of(P, A, L));
  final MethodHandle PyBytes_AsStringAndSize = fn("PyBytes_AsStringAndSize", FunctionDescriptor.of(I, P, A, A));
  final MethodHandle PyList_New = fn("PyList_New", FunctionDescriptor.of(P, L));
  final MethodHandle PyList_SetItem = fn("PyList_SetItem", FunctionDescriptor.of(I, P, L, P));
  final MethodHandle PyTuple_New = fn("PyTuple_New", FunctionDescriptor.of(P, L));
  final MethodHandle PyTuple_SetItem = fn("PyTuple_SetItem", FunctionDescriptor.of(I, P, L, P));
  final MethodHandle PySequence_Size = fn("PySequence_Size", FunctionDescriptor.of(L, P));
  final MethodHandle PySequence_GetItem = fn("PySequence_GetItem", FunctionDescriptor.of(P, P, L));
  final MethodHandle PyCapsule_New = fn("PyCapsule_New", FunctionDescriptor.of(P, A, A, A));
  final MethodHandle PyCapsule_GetPointer = fn("PyCapsule_GetPointer", FunctionDescriptor.of(A, P, A));
  final MethodHandle PyCapsule_GetName = fn("PyCapsule_GetName", FunctionDescriptor.of(A, P));

  final long none = data("_Py_NoneStruct");
  final long trueObject = data("_Py_TrueStruct");
  final long boolType = data("PyBool_Type");
  final long longType = data("PyLong_Type");
  final long floatType = data("PyFloat_Type");
  final long unicodeType = data("PyUnicode_Type");
  final long bytesType = data("PyBytes_Type");
  final long listType = data("PyList_Type");
  final long tupleType = data("PyTuple_Type");
  final long dictType = data("PyDict_Type");

  CPython(MemorySegment library) {
    this.library = library; // before super(): the handle initializers below look symbols up in it
    super();
  }

  private MemorySegment symbol(String name) {
    MemorySegment address = Libc.dlsym(library, name);
    if (address.address() == 0) {
      throw new PythonConfigurationException("libpython has no symbol " + name + "; Python 3.10+ is required");
    }
    return address;
  }

  private MethodHandle fn(String name, FunctionDescriptor descriptor) {
    return linker.downcallHandle(symbol(name), descriptor);
  }

  private long data(String name) {
    return symbol(name).address();
  }

  /** Calls {@code function} and returns its result as a {@code long} (a pointer or an integer). */
  static long call(MethodHandle function, Object... args) {
    Object result = invoke(function, args);
    return switch (result) {
      case Long value -> value;
      case Integer value -> value;
      case MemorySegment value -> value.address();
      default -> throw new IllegalStateException("unexpected native result " + result);
    };
  }

  /** Calls {@code function} and returns its result unconverted (null for void functions). */
  static Object invoke(MethodHandle function, Object... args) {
    try {
      return function.invokeWithArguments(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("native call failed", t);
    }
  }

  /** {@code Py_IncRef(object)}. */
  void incRef(long object) {
    invoke(Py_IncRef, object);
  }

  /** {@code Py_DecRef(object)}; NULL is ignored. */
  void decRef(long object) {
    if (object != 0) {
      invoke(Py_DecRef, object);
    }
  }
}
