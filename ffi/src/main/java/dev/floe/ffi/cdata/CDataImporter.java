package dev.floe.ffi.cdata;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.column.StructColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Imports Arrow C Data Interface structures (https://arrow.apache.org/docs/format/CDataInterface.html)
 * as Floe columns and record batches, zero-copy.
 *
 * <p>Ownership: every import method consumes what it is given. The {@code ArrowSchema} is read and
 * then released. The {@code ArrowArray} is moved (copied into Floe-owned memory, the caller's
 * struct marked released), and its buffers are wrapped as foreign buffers of this importer's
 * allocator; the producer's release callback runs exactly once, when the last Floe buffer over the
 * array is released (on whatever thread closes the last column). On failure (an unsupported format,
 * a malformed structure) both are released before the {@link InvalidOperationException} is thrown,
 * so nothing leaks. Field metadata is ignored.
 */
public final class CDataImporter {
  private final BufferAllocator allocator;

  /** An importer that accounts imported memory to {@code allocator}. */
  public CDataImporter(BufferAllocator allocator) {
    this.allocator = Objects.requireNonNull(allocator, "allocator");
  }

  /** An importer that accounts imported memory to {@link BufferAllocator#current()}. */
  public CDataImporter() {
    this(BufferAllocator.current());
  }

  /** Reads {@code schema} as a field, then releases it. */
  public Field importField(MemorySegment schema) {
    try {
      return ArrowFormats.readField(schema);
    } finally {
      Releases.releaseSchemaStruct(schema.address());
    }
  }

  /** Imports {@code array} described by {@code schema} as a column; consumes both. */
  public Column importColumn(MemorySegment array, MemorySegment schema) {
    Field field;
    try {
      field = importField(schema);
    } catch (RuntimeException | Error failure) {
      Releases.releaseArrayStruct(array.address());
      throw failure;
    }
    return importColumn(array, field);
  }

  /** Imports {@code array} as a column of {@code field}'s type; consumes the array. */
  public Column importColumn(MemorySegment array, Field field) {
    ImportedArray owner = ImportedArray.move(array.address());
    try {
      return new ArrayImporter(allocator, owner).read(field, owner.address(), field.name(), 0);
    } finally {
      owner.run(); // the import's own reference: the release runs now if nothing was built
    }
  }

  /**
   * Imports a struct array ({@code +s}) without top-level nulls as a record batch whose columns
   * are the struct's fields (sliced to the struct's offset and length); consumes both structures.
   */
  public RecordBatch importBatch(MemorySegment array, MemorySegment schema) {
    Field field;
    try {
      field = importField(schema);
    } catch (RuntimeException | Error failure) {
      Releases.releaseArrayStruct(array.address());
      throw failure;
    }
    return importBatch(array, field);
  }

  /**
   * Imports a struct array of {@code field}'s struct type as a record batch, as {@link
   * #importBatch(MemorySegment, MemorySegment)} does; consumes the array (a stream's batches share
   * the one schema the stream gave).
   */
  public RecordBatch importBatch(MemorySegment array, Field field) {
    if (!(field.type() instanceof DataType.StructType)) {
      Releases.releaseArrayStruct(array.address());
      throw new InvalidOperationException(
          "a record batch is imported from a struct array (format '+s'), but field '"
              + field.name() + "' has format '" + field.type().arrowFormat() + "'");
    }
    try (StructColumn struct = (StructColumn) importColumn(array, field)) {
      if (struct.nullCount() != 0) {
        throw new InvalidOperationException(
            "a record batch cannot have null rows, but the struct array '" + field.name()
                + "' has " + struct.nullCount());
      }
      List<Column> columns = new ArrayList<>(struct.fieldCount());
      try {
        for (int index = 0; index < struct.fieldCount(); index++) {
          columns.add(struct.field(index));
        }
      } catch (RuntimeException | Error failure) {
        columns.forEach(Column::close);
        throw failure;
      }
      DataType.StructType type = (DataType.StructType) field.type();
      return new RecordBatch(new Schema(type.fields()), columns, struct.length());
    }
  }
}
