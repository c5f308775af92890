/**
 * The Arrow C Data Interface (https://arrow.apache.org/docs/format/CDataInterface.html) in pure
 * FFM: {@code ArrowSchema} and {@code ArrowArray}, exported from and imported into Floe columns and
 * record batches without copying data (the stream interface is not here).
 *
 * <ul>
 *   <li>{@link dev.floe.ffi.cdata.CDataExporter}: a column (with its own offset, so slices stay
 *       zero-copy) or a record batch (as a {@code +s} struct array) into caller-provided structs.
 *       Buffers are retained until the consumer calls the release callback, an upcall stub created
 *       once, callable from any thread, that never throws.
 *   <li>{@link dev.floe.ffi.cdata.CDataImporter}: moves an {@code ArrowArray} into Floe and wraps
 *       its buffers as foreign buffers of an allocator; the producer's release runs exactly once,
 *       when the last of them is released.
 *   <li>{@link dev.floe.ffi.cdata.ArrowFormats}: format strings back to Floe types.
 *   <li>{@link dev.floe.ffi.cdata.ArrowStructs}: the two layouts, C-heap allocation of structs for
 *       callers that have none, and releasing a struct that will not be imported.
 *   <li>{@link dev.floe.ffi.cdata.ReleaseFailures}: what went wrong inside release callbacks.
 * </ul>
 *
 * <p>Not supported: field metadata (not exported, ignored on import), and Arrow types Floe has no
 * type for (unions, maps, run-end encoded, list views, half floats, date64, time32, intervals,
 * 32/64/256-bit decimals); importing them throws {@link dev.floe.errors.InvalidOperationException}
 * naming the field and the format. Data is checked only where it is cheap (counts, pointers, the
 * last offset of a list or binary column); the bytes of the values are trusted.
 */
package dev.floe.ffi.cdata;
