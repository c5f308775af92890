/**
 * CPython embedded in the JVM through FFM: {@link dev.floe.ffi.python.PythonBridge} loads a venv's
 * libpython once per process, runs all Python work on one platform thread holding the GIL, converts
 * simple values, and exchanges Arrow data with pyarrow and polars through the Arrow PyCapsule
 * protocol ({@code __arrow_c_stream__}, {@code __arrow_c_array__}) without copying.
 */
package dev.floe.ffi.python;
