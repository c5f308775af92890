package dev.floe.ffi.cdata;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;

/**
 * Exports Floe columns and record batches through the Arrow C Data Interface
 * (https://arrow.apache.org/docs/format/CDataInterface.html), zero-copy.
 *
 * <p>The caller provides the {@code ArrowArray} (80 bytes) and {@code ArrowSchema} (72 bytes)
 * structures, its own or from {@link ArrowStructs#allocateArray()} / {@link
 * ArrowStructs#allocateSchema()}; their previous content is overwritten without being released.
 * After an export the consumer owns the structures' content and must call their release callbacks
 * exactly once (possibly on another thread); the exported buffers stay alive until then even if the
 * Floe column is closed. A column keeps its own offset ({@code ArrowArray.offset}), so slices are
 * exported without copying. A record batch is exported as a struct array ({@code +s}) without
 * nulls, as the spec's "Record batches" section describes. Field metadata is not exported.
 *
 * <p>On failure (an allocation refused, a closed column) nothing is left retained or allocated and
 * the structures are left untouched.
 */
public final class CDataExporter {
  private CDataExporter() {}

  /** Exports {@code column} into {@code array} and its field into {@code schema}. */
  public static void exportColumn(Column column, Field field, MemorySegment array, MemorySegment schema) {
    if (!field.type().equals(column.type())) {
      throw new SchemaMismatchException(
          "cannot export column '" + field.name() + "' of type " + column.type()
              + " with a field of type " + field.type() + " (format '"
              + field.type().arrowFormat() + "')");
    }
    checkSize(array, ArrowStructs.ARRAY_SIZE, "ArrowArray");
    checkSize(schema, ArrowStructs.SCHEMA_SIZE, "ArrowSchema");
    SchemaExporter.export(field, schema.address());
    try {
      ArrayExporter.export(column, array.address());
    } catch (RuntimeException | Error failure) {
      SchemaExporter.release(schema.address());
      throw failure;
    }
  }

  /** Exports {@code column} into {@code array} only (its schema is exported separately). */
  public static void exportArray(Column column, MemorySegment array) {
    checkSize(array, ArrowStructs.ARRAY_SIZE, "ArrowArray");
    ArrayExporter.export(column, array.address());
  }

  /** Exports {@code field} (name, type, nullability; not metadata) into {@code schema}. */
  public static void exportField(Field field, MemorySegment schema) {
    checkSize(schema, ArrowStructs.SCHEMA_SIZE, "ArrowSchema");
    SchemaExporter.export(field, schema.address());
  }

  /** Exports a Floe schema as a struct schema ({@code +s}) with one child per field. */
  public static void exportSchema(Schema floeSchema, MemorySegment schema) {
    checkSize(schema, ArrowStructs.SCHEMA_SIZE, "ArrowSchema");
    SchemaExporter.exportStruct(floeSchema.fields(), schema.address());
  }

  /**
   * Exports {@code batch} as a struct array into {@code array} only (a stream gives its schema
   * once, then batches).
   */
  public static void exportBatchArray(RecordBatch batch, MemorySegment array) {
    checkSize(array, ArrowStructs.ARRAY_SIZE, "ArrowArray");
    if (batch.isClosed()) {
      throw new InvalidOperationException("cannot export a closed record batch " + batch.schema());
    }
    ArrayExporter.exportStruct(batch.columns(), batch.rowCount(), array.address());
  }

  /** Exports {@code batch} as a struct array into {@code array} and its schema into {@code schema}. */
  public static void exportBatch(RecordBatch batch, MemorySegment array, MemorySegment schema) {
    checkSize(array, ArrowStructs.ARRAY_SIZE, "ArrowArray");
    checkSize(schema, ArrowStructs.SCHEMA_SIZE, "ArrowSchema");
    if (batch.isClosed()) {
      throw new InvalidOperationException("cannot export a closed record batch " + batch.schema());
    }
    SchemaExporter.exportStruct(batch.schema().fields(), schema.address());
    try {
      ArrayExporter.exportStruct(batch.columns(), batch.rowCount(), array.address());
    } catch (RuntimeException | Error failure) {
      SchemaExporter.release(schema.address());
      throw failure;
    }
  }

  private static void checkSize(MemorySegment struct, long size, String what) {
    if (struct.byteSize() < size) {
      throw new InvalidOperationException(
          "an " + what + " needs " + size + " bytes, but the segment at 0x"
              + Long.toHexString(struct.address()) + " has " + struct.byteSize());
    }
  }
}
