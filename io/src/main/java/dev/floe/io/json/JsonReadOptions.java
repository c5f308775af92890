package dev.floe.io.json;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code readJson}/{@code readNdjson} read a file, as Polars' keyword arguments. Immutable;
 * change it with the withers: {@code JsonReadOptions.DEFAULT.withInferSchemaLength(1000)}.
 *
 * @param rowIndexName when set, a first column of u32 row numbers with this name
 * @param rowIndexOffset the first row number
 * @param schema the full schema (no inference; columns in this order, other keys skipped), or null
 * @param schemaOverrides types that replace inferred ones by column name (a name not inferred is
 *     added as a column)
 * @param inferSchemaLength how many rows inference reads; null reads every row (Polars: 100)
 * @param ignoreErrors a value that does not fit its column's type becomes null instead of an error
 *     (malformed JSON is always an error)
 * @param nRows stop after this many rows; null reads all
 * @param columns read only these columns, in this order; null reads all
 */
public record JsonReadOptions(
    Schema schema,
    Map<String, DataType> schemaOverrides,
    Integer inferSchemaLength,
    boolean ignoreErrors,
    Long nRows,
    List<String> columns,
    String rowIndexName,
    long rowIndexOffset) {
  /** Polars' defaults: inference over the first 100 rows, errors raised. */
  public static final JsonReadOptions DEFAULT =
      new JsonReadOptions(null, Map.of(), 100, false, null, null, null, 0);

  public JsonReadOptions {
    schemaOverrides = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(Objects.requireNonNull(schemaOverrides, "schemaOverrides")));
    columns = columns == null ? null : List.copyOf(columns);
    if (inferSchemaLength != null && inferSchemaLength < 1) {
      throw new IllegalArgumentException("inferSchemaLength must be >= 1 or null, got " + inferSchemaLength);
    }
    if (rowIndexOffset < 0) {
      throw new IllegalArgumentException("rowIndexOffset must be >= 0, got " + rowIndexOffset);
    }
    if (nRows != null && nRows < 0) {
      throw new IllegalArgumentException("nRows must be >= 0 or null, got " + nRows);
    }
  }

  /** The full schema: no inference. */
  public JsonReadOptions withSchema(Schema full) {
    return new JsonReadOptions(full, schemaOverrides, inferSchemaLength, ignoreErrors, nRows, columns, rowIndexName, rowIndexOffset);
  }

  /** Types that replace inferred ones, by column name. */
  public JsonReadOptions withSchemaOverrides(Map<String, DataType> overrides) {
    return new JsonReadOptions(schema, overrides, inferSchemaLength, ignoreErrors, nRows, columns, rowIndexName, rowIndexOffset);
  }

  /** Rows read by inference; null reads all. */
  public JsonReadOptions withInferSchemaLength(Integer rows) {
    return new JsonReadOptions(schema, schemaOverrides, rows, ignoreErrors, nRows, columns, rowIndexName, rowIndexOffset);
  }

  /** Values that do not fit their column become null. */
  public JsonReadOptions withIgnoreErrors(boolean ignore) {
    return new JsonReadOptions(schema, schemaOverrides, inferSchemaLength, ignore, nRows, columns, rowIndexName, rowIndexOffset);
  }

  /** Stop after {@code rows} rows; null reads all. */
  public JsonReadOptions withNRows(Long rows) {
    return new JsonReadOptions(schema, schemaOverrides, inferSchemaLength, ignoreErrors, rows, columns, rowIndexName, rowIndexOffset);
  }

  /** Read only these columns, in this order. */
  public JsonReadOptions withColumns(String... names) {
    return new JsonReadOptions(schema, schemaOverrides, inferSchemaLength, ignoreErrors, nRows, List.of(names), rowIndexName, rowIndexOffset);
  }

  /** Adds a first column {@code name} of u32 row numbers starting at {@code offset} (Polars' {@code row_index_name}). */
  public JsonReadOptions withRowIndex(String name, long offset) {
    return new JsonReadOptions(schema, schemaOverrides, inferSchemaLength, ignoreErrors, nRows, columns, name, offset);
  }
}
