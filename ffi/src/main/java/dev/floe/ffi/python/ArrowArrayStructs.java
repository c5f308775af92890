package dev.floe.ffi.python;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * An ArrowSchema and an ArrowArray describing one array (a record batch when the schema is a
 * struct, format {@code "+s"}), each a {@code malloc}'d struct. The owner releases both with
 * {@link #releaseAndFree()} or hands them on.
 *
 * @param schema the ArrowSchema, 72 bytes
 * @param array the ArrowArray, 80 bytes
 */
public record ArrowArrayStructs(MemorySegment schema, MemorySegment array) {

  /** Checks both structs are present. */
  public ArrowArrayStructs {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(array, "array");
  }

  /** Calls both release callbacks (array first) and frees both structs. */
  public void releaseAndFree() {
    try {
      CapsuleStructs.releaseAndFree(array, CapsuleStructs.ARRAY_RELEASE);
    } finally {
      CapsuleStructs.releaseAndFree(schema, CapsuleStructs.SCHEMA_RELEASE);
    }
  }
}
