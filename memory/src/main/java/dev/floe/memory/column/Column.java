package dev.floe.memory.column;

import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import java.util.List;

/**
 * An immutable, typed view over Arrow-layout buffers: {@link #length()} values starting at element
 * {@link #offset()} of the buffers, with an optional validity bitmap (bit set = valid, LSB first;
 * no bitmap means no nulls).
 *
 * <p>Ownership: a column holds one reference to each of its buffers and releases them on
 * {@link #close()} (idempotent). {@link #slice} and {@link #share} return new handles that retain the
 * same buffers (no copy) and must be closed too. Closed columns throw on access while
 * {@code BoundsChecks.ENABLED}.
 *
 * <p>Nested columns keep their children whole, as Arrow does: a struct's field {@code k} at row
 * {@code i} is child {@code k} at {@code offset() + i}; a list's values are addressed by offsets.
 */
public sealed interface Column extends AutoCloseable
    permits NullColumn,
        BooleanColumn,
        FixedWidthColumn,
        VarBinaryColumn,
        ViewColumn,
        FixedSizeBinaryColumn,
        ListColumn,
        FixedSizeListColumn,
        StructColumn,
        DictionaryColumn {

  DataType type();

  /** Number of values. */
  int length();

  /** Index of the first value in this column's buffers (non-zero for slices). */
  int offset();

  /** Number of null values (counted once, then cached). */
  int nullCount();

  /** True if the value at {@code index} (0-based within this column) is null. */
  boolean isNull(int index);

  default boolean isValid(int index) {
    return !isNull(index);
  }

  /** The validity bitmap, or null when the column has no nulls. Indexed by offset() + index. */
  Buffer validity();

  /**
   * This column's own buffers in Arrow's order for its layout: validity (null if absent), then
   * offsets / values / views / data. Children's buffers are not included.
   */
  List<Buffer> buffers();

  /** Child columns in Arrow's order (list values, struct fields, dictionary values); whole. */
  List<Column> children();

  /** A zero-copy view of {@code length} values from {@code offset}; the caller closes it. */
  Column slice(int offset, int length);

  /** Another handle on the same buffers ({@code slice(0, length())}); the caller closes it. */
  default Column share() {
    return slice(0, length());
  }

  /**
   * The value at {@code index} as a Java object, or null. Integers map to Byte, Short, Integer,
   * Long (UInt8/16/32 widen to Short/Integer/Long; UInt64 is a Long holding the unsigned bits),
   * floats to Float/Double, Decimal128 to BigDecimal, strings to String, binaries to byte[], Date32
   * to LocalDate, Time64 to LocalTime, Timestamp to LocalDateTime (ZonedDateTime with a time zone),
   * Duration to java.time.Duration, lists to List, structs to Map (field order), dictionaries to
   * their value.
   */
  Object getObject(int index);

  /** Bytes held by the buffers this column references, children included. */
  long estimatedSize();

  boolean isClosed();

  /** Releases this handle's buffers (and its children's). Idempotent. */
  @Override
  void close();
}
