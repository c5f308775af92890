package dev.floe.memory.column;

import dev.floe.memory.types.DataType;

/**
 * Appends values one at a time into growing off-heap buffers (capacity doubles), then hands the
 * buffers to a {@link Column} without copying.
 *
 * <p>Life cycle: append, {@link #build()} (the builder is then empty and may be reused), and
 * {@link #close()} to release whatever was appended but not built. Not thread-safe.
 */
public interface ColumnBuilder extends AutoCloseable {

  DataType type();

  /** Values appended since the last build. */
  int length();

  void appendNull();

  /**
   * Appends a Java value using the mapping of {@link Column#getObject(int)} (also accepting the
   * usual widenings, e.g. an Integer into an Int64 column); null appends a null.
   *
   * @throws dev.floe.errors.SchemaMismatchException naming the value, its class and the type when
   *     the value cannot be stored in this column's type
   */
  void appendObject(Object value);

  /** A column over the appended values; the builder is empty afterwards. */
  Column build();

  /** Releases buffers not yet handed to a column. Idempotent. */
  @Override
  void close();
}
