package dev.floe.io.json;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.io.IoProgress;
import dev.floe.io.ProgressReporter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON file (an array of objects) or an NDJSON file (one object per line) into one
 * {@link RecordBatch}: the file is memory-mapped, the schema inferred from the first rows with
 * Polars' rules (or given), and the values decoded straight into off-heap builders in a second
 * pass. Rows are objects; their keys are the columns (missing keys are nulls, unknown keys are
 * skipped when a schema is given, a repeated key keeps its first value).
 */
public final class JsonReader {
  private JsonReader() {}

  /** Reads a JSON array of objects (or one object). The caller closes the batch. */
  public static RecordBatch readJson(Path path, JsonReadOptions options, BufferAllocator allocator) {
    return read(path, options, allocator, false);
  }

  /** Reads newline-delimited JSON objects (blank lines skipped). The caller closes the batch. */
  public static RecordBatch readNdjson(
      Path path, JsonReadOptions options, BufferAllocator allocator) {
    return read(path, options, allocator, true);
  }

  /**
   * Reads newline-delimited JSON, decoding large files in parallel: one batch per chunk of lines
   * (chunks split at line breaks), in file order. The caller closes the batches.
   */
  public static List<RecordBatch> readNdjsonBatches(
      Path path, JsonReadOptions options, BufferAllocator allocator) {
    String file = path.toString();
    ProgressReporter progress = IoProgress.reporter("read ndjson", path, -1);
    try (JsonFile mapped = JsonFile.map(path, allocator)) {
      Schema schema = schema(mapped, file, true, options);
      if (options.nRows() == null) {
        List<RecordBatch> batches = ParallelNdjson.decode(mapped, file, schema, options, allocator,
            ParallelNdjson.MIN_PARALLEL_BYTES, dev.floe.io.IoPool.parallelism());
        if (batches != null) {
          try {
            batches.forEach(batch -> progress.advance(0, batch.rowCount()));
            progress.advance(mapped.bytes.byteSize(), 0);
            progress.finish();
          } catch (RuntimeException cancelled) {
            batches.forEach(RecordBatch::close);
            throw cancelled;
          }
          return batches;
        }
      }
      long limit = options.nRows() == null ? Long.MAX_VALUE : options.nRows();
      RecordBatch batch = decode(mapped, file, true, schema, options.ignoreErrors(), limit, allocator,
          0, mapped.bytes.byteSize());
      finish(progress, mapped.bytes.byteSize(), batch);
      return List.of(batch);
    } finally {
      progress.finish();
    }
  }

  private static RecordBatch read(
      Path path, JsonReadOptions options, BufferAllocator allocator, boolean ndjson) {
    String file = path.toString();
    ProgressReporter progress = IoProgress.reporter(ndjson ? "read ndjson" : "read json", path, -1);
    try (JsonFile mapped = JsonFile.map(path, allocator)) {
      long limit = options.nRows() == null ? Long.MAX_VALUE : options.nRows();
      Schema schema = schema(mapped, file, ndjson, options);
      RecordBatch batch = decode(mapped, file, ndjson, schema, options.ignoreErrors(), limit, allocator,
          0, mapped.bytes.byteSize());
      finish(progress, mapped.bytes.byteSize(), batch);
      return batch;
    } finally {
      progress.finish();
    }
  }

  /** The final report; a listener that throws (cancels) gets the batch closed. */
  private static void finish(ProgressReporter progress, long bytes, RecordBatch batch) {
    try {
      progress.advance(bytes, batch.rowCount());
      progress.finish();
    } catch (RuntimeException cancelled) {
      batch.close();
      throw cancelled;
    }
  }

  private static Schema schema(JsonFile mapped, String file, boolean ndjson, JsonReadOptions options) {
    long limit = options.nRows() == null ? Long.MAX_VALUE : options.nRows();
    Schema schema = options.schema() != null
        ? options.schema()
        : infer(mapped, file, ndjson, options.inferSchemaLength(), limit);
    return project(override(schema, options.schemaOverrides()), options.columns());
  }

  private static Schema infer(
      JsonFile mapped, String file, boolean ndjson, Integer inferLength, long limit) {
    JsonScanner scanner = new JsonScanner(mapped.bytes, file);
    ShapeParser parser = new ShapeParser(scanner);
    RowCursor rows = new RowCursor(scanner, ndjson);
    long maxRows = Math.min(limit, inferLength == null ? Long.MAX_VALUE : inferLength);
    JsonShape shape = JsonShape.struct(new java.util.LinkedHashMap<>());
    for (long row = 0; row < maxRows && rows.next(); row++) {
      long start = scanner.pos;
      JsonShape next = parser.object(0);
      JsonShape merged = JsonShape.merge(shape, next, false);
      if (merged == null) {
        throw new SchemaMismatchException(
            "cannot infer a schema for " + file + ": row " + row + " at " + scanner.where(start)
                + " has types " + next + " that do not combine with " + shape
                + " of the rows before it; give the schema or schemaOverrides");
      }
      shape = merged;
      rows.endRow();
    }
    return new Schema(shape.toFields());
  }

  private static Schema override(Schema schema, Map<String, DataType> overrides) {
    if (overrides.isEmpty()) {
      return schema;
    }
    List<Field> fields = new ArrayList<>(schema.fields());
    overrides.forEach((name, type) -> {
      if (schema.contains(name)) {
        int index = schema.indexOf(name);
        fields.set(index, fields.get(index).withType(type));
      } else {
        fields.add(Field.of(name, type));
      }
    });
    return new Schema(fields);
  }

  private static Schema project(Schema schema, List<String> columns) {
    if (columns == null) {
      return schema;
    }
    List<Field> fields = new ArrayList<>(columns.size());
    for (String name : columns) {
      if (!schema.contains(name)) {
        throw new ColumnNotFoundException(name, schema.names());
      }
      fields.add(schema.field(name));
    }
    return new Schema(fields);
  }

  /** Decodes the rows between byte offsets {@code from} and {@code to} into one batch. */
  static RecordBatch decode(JsonFile mapped, String file, boolean ndjson, Schema schema,
      boolean ignoreErrors, long limit, BufferAllocator allocator, long from, long to) {
    List<Field> fields = schema.fields();
    ColumnBuilder[] builders = new ColumnBuilder[fields.size()];
    List<Column> columns = new ArrayList<>(fields.size());
    try {
      for (int k = 0; k < builders.length; k++) {
        builders[k] = ColumnBuilders.forType(fields.get(k).type(), allocator);
      }
      JsonScanner scanner = new JsonScanner(mapped.bytes, file, from, to);
      JsonDecoder decoder = new JsonDecoder(scanner, file, ignoreErrors);
      DecodePlan plan = DecodePlan.root(fields, builders);
      RowCursor rows = new RowCursor(scanner, ndjson);
      long row = 0;
      while (row < limit && rows.next()) {
        if (row == Integer.MAX_VALUE) {
          throw new dev.floe.errors.InvalidOperationException(
              file + " has more than " + Integer.MAX_VALUE + " rows; read it with nRows");
        }
        decoder.row = row;
        decoder.row(plan);
        rows.endRow();
        row++;
      }
      if (row < limit) {
        rows.finish();
      }
      for (ColumnBuilder builder : builders) {
        columns.add(builder.build());
      }
      RecordBatch batch = new RecordBatch(schema, columns, (int) row);
      columns = List.of();
      return batch;
    } finally {
      columns.forEach(Column::close);
      for (ColumnBuilder builder : builders) {
        if (builder != null) {
          builder.close();
        }
      }
    }
  }
}
