/**
 * Zero-copy interop written in pure FFM (no JNI, no Arrow Java): the Arrow C Data Interface
 * ({@code ArrowSchema}, {@code ArrowArray}) and C Stream Interface ({@code ArrowArrayStream}) for
 * exporting Floe's off-heap columns to other Arrow engines and importing theirs, and CPython
 * embedded in the JVM for handing frames to pyarrow, polars and pandas in the same process.
 *
 * <p>Depends on {@code memory} only: columns, buffers and allocators are all it needs.
 */
package dev.floe.ffi;
