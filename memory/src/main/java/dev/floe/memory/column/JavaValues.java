package dev.floe.memory.column;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.util.List;

/**
 * Java values to Floe types and columns, the way Polars builds a Series from Python values.
 *
 * <p>Type mapping: Long, Integer, Short, Byte to i64, i32, i16, i8; Double, Float to f64, f32;
 * Boolean to bool; String to str (Utf8); byte[] to binary; BigDecimal to decimal[38, largest scale
 * seen]; LocalDate to date; LocalTime to time (ns); LocalDateTime to datetime[μs]; Instant to
 * datetime[μs, UTC]; ZonedDateTime and OffsetDateTime to datetime[μs, zone of the first value];
 * Duration to duration[μs]; java.util.List to list (element type inferred over the elements of all
 * lists); Map&lt;String, ?&gt; and records to struct (fields in first-seen order, each field's type
 * inferred over all rows).
 *
 * <p>Mixed values take Polars' supertype: integers widen to the widest, integers and floats give
 * f64 (f32 only if all are f32), a null goes with anything; anything else is a
 * {@link SchemaMismatchException} naming both classes and the index of the offending value.
 */
public final class JavaValues {
  private JavaValues() {}

  /** The Floe type of {@code values} (nulls skipped; only nulls or no values: the null type). */
  public static DataType inferType(Iterable<?> values) {
    TypeInference inference = new TypeInference("");
    long index = 0;
    for (Object value : values) {
      inference.add(value, index++);
    }
    return inference.result();
  }

  /**
   * A column of {@code type} holding {@code values} (Java values per the mapping of
   * {@link Column#getObject}); the caller closes it.
   *
   * @throws SchemaMismatchException naming the index of a value the type cannot hold
   */
  public static Column toColumn(BufferAllocator allocator, DataType type, List<?> values) {
    try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
      int index = 0;
      for (Object value : values) {
        try {
          builder.appendObject(value);
        } catch (SchemaMismatchException mismatch) {
          throw new SchemaMismatchException(
              "value at index " + index + ": " + mismatch.getMessage(), mismatch);
        }
        index++;
      }
      return builder.build();
    }
  }

  /** A column of the type inferred from {@code values}; the caller closes it. */
  public static Column toColumn(BufferAllocator allocator, List<?> values) {
    return toColumn(allocator, inferType(values), values);
  }
}
