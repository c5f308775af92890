package dev.floe.io.parquet.read;

/**
 * How the physical values of a Parquet column become the values of its Floe column. {@link #COPY}
 * keeps the bytes (same width and meaning), the others convert value by value.
 */
public enum Conversion {
  /** Same bytes: INT32 to i32/u32/date, INT64 to i64/u64/timestamp/duration, FLOAT, DOUBLE. */
  COPY,
  /** INT32 to i8 / u8. */
  INT32_TO_8,
  /** INT32 to i16 / u16. */
  INT32_TO_16,
  /** INT32 milliseconds of the day to Time64 nanoseconds. */
  TIME_MILLIS_TO_NANOS,
  /** INT64 microseconds of the day to Time64 nanoseconds. */
  TIME_MICROS_TO_NANOS,
  /** INT32 unscaled decimal to Decimal128. */
  INT32_TO_DECIMAL,
  /** INT64 unscaled decimal to Decimal128. */
  INT64_TO_DECIMAL,
  /** Big-endian two's complement bytes (FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY) to Decimal128. */
  BYTES_TO_DECIMAL,
  /** INT96 (nanoseconds of the day, Julian day) to a timestamp in the target's unit. */
  INT96_TO_TIMESTAMP,
  /** FIXED_LEN_BYTE_ARRAY(2) IEEE half floats to f32. */
  FLOAT16_TO_FLOAT32,
  /** FIXED_LEN_BYTE_ARRAY to variable-length binary. */
  FIXED_TO_BINARY,
  /** BYTE_ARRAY to string or binary (offsets and data). */
  BINARY,
  /** BOOLEAN bits. */
  BOOLEAN,
  /** Any column read as all nulls (Arrow's Null type). */
  NULL
}
