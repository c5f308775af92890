package dev.floe.memory.types;

/**
 * The Arrow physical layout of a type: which buffers a column of it has, in Arrow's order.
 *
 * <ul>
 *   <li>{@code NULL}: no buffers.
 *   <li>{@code BOOLEAN}: validity, bit-packed values.
 *   <li>{@code FIXED_WIDTH}: validity, values of {@link DataType#byteWidth()} bytes each.
 *   <li>{@code VARIABLE}: validity, int32 offsets (length + 1), data.
 *   <li>{@code LARGE_VARIABLE}: validity, int64 offsets, data.
 *   <li>{@code VIEW}: validity, 16-byte views, then any number of data buffers.
 *   <li>{@code FIXED_SIZE_BINARY}: validity, values of {@code byteWidth} bytes.
 *   <li>{@code LIST} / {@code LARGE_LIST}: validity, int32 / int64 offsets; one child.
 *   <li>{@code FIXED_SIZE_LIST}: validity; one child of {@code length * listSize} values.
 *   <li>{@code STRUCT}: validity; one child per field.
 *   <li>{@code DICTIONARY}: the index type's layout; the dictionary is a separate column.
 * </ul>
 */
public enum Layout {
  NULL,
  BOOLEAN,
  FIXED_WIDTH,
  VARIABLE,
  LARGE_VARIABLE,
  VIEW,
  FIXED_SIZE_BINARY,
  LIST,
  LARGE_LIST,
  FIXED_SIZE_LIST,
  STRUCT,
  DICTIONARY
}
