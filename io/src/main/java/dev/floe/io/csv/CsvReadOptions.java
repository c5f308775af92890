package dev.floe.io.csv;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code Floe.readCsv} reads a CSV file, as Polars' {@code read_csv} keyword arguments.
 * Immutable; change it with the withers: {@code CsvReadOptions.DEFAULT.withSeparator(';')}.
 *
 * @param separator the field separator (one ASCII byte)
 * @param quoteChar the quote character, or {@code null} for no quoting
 * @param commentPrefix lines starting with this are skipped; {@code null} for none
 * @param hasHeader the first (non-skipped) line holds the column names; else {@code column_1}, ...
 * @param skipRows lines skipped before the header
 * @param schema the full schema (names and types), skipping inference; {@code null} to infer
 * @param schemaOverrides types for some columns by name, the others inferred
 * @param inferSchemaLength records used for inference; 0 reads every column as a string, {@code
 *     null} reads the whole file
 * @param nullValues field contents read as null (besides an empty unquoted field)
 * @param truncateRaggedLines drop the extra fields of a line longer than the header instead of
 *     failing (missing fields are always null)
 * @param ignoreErrors a value that does not parse as its column's explicit type becomes null
 * @param tryParseDates infer dates and datetimes (ISO 8601) instead of strings
 * @param encoding how invalid UTF-8 is handled
 * @param decimalComma floats use ',' as the decimal separator
 * @param rowIndexName adds a first u32 column of row numbers with this name; {@code null} for none
 * @param rowIndexOffset the number of the first row in the row index
 * @param nRows stop after this many records; {@code null} for all
 * @param columns the columns to read (projection), in the file's order; {@code null} for all
 * @param parallel parse chunks of the file on the fork-join pool
 */
public record CsvReadOptions(
    char separator,
    Character quoteChar,
    String commentPrefix,
    boolean hasHeader,
    int skipRows,
    Schema schema,
    Map<String, DataType> schemaOverrides,
    Integer inferSchemaLength,
    List<String> nullValues,
    boolean truncateRaggedLines,
    boolean ignoreErrors,
    boolean tryParseDates,
    Encoding encoding,
    boolean decimalComma,
    String rowIndexName,
    long rowIndexOffset,
    Long nRows,
    List<String> columns,
    boolean parallel) {

  /** How bytes that are not valid UTF-8 are handled. */
  public enum Encoding {
    /** Fail with the file, line and column. */
    UTF8,
    /** Replace invalid sequences with U+FFFD. */
    UTF8_LOSSY
  }

  /** Polars' defaults: ',' separated, '"' quoted, a header, 100 records of inference. */
  public static final CsvReadOptions DEFAULT =
      new CsvReadOptions(',', '"', null, true, 0, null, Map.of(), 100, List.of(), false, false,
          false, Encoding.UTF8, false, null, 0, null, null, true);

  public CsvReadOptions {
    if (separator > 127 || separator == '\n' || separator == '\r') {
      throw new IllegalArgumentException("separator must be one ASCII character other than a line break");
    }
    if (quoteChar != null && (quoteChar > 127 || quoteChar == separator)) {
      throw new IllegalArgumentException("quoteChar must be one ASCII character other than the separator");
    }
    if (skipRows < 0 || (inferSchemaLength != null && inferSchemaLength < 0)
        || (nRows != null && nRows < 0)) {
      throw new IllegalArgumentException("skipRows, inferSchemaLength and nRows must not be negative");
    }
    schemaOverrides = Map.copyOf(schemaOverrides);
    nullValues = List.copyOf(nullValues);
    columns = columns == null ? null : List.copyOf(columns);
    Objects.requireNonNull(encoding, "encoding");
    if (commentPrefix != null && commentPrefix.isEmpty()) {
      commentPrefix = null;
    }
  }

  public CsvReadOptions withSeparator(char value) {
    return new CsvReadOptions(value, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withQuoteChar(Character value) {
    return new CsvReadOptions(separator, value, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withCommentPrefix(String value) {
    return new CsvReadOptions(separator, quoteChar, value, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withHasHeader(boolean value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, value, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withSkipRows(int value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, value, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withSchema(Schema value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, value, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withSchemaOverrides(Map<String, DataType> value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, value, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withInferSchemaLength(Integer value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, value, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withNullValues(String... value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, List.of(value), truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withTruncateRaggedLines(boolean value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, value, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withIgnoreErrors(boolean value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, value, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withTryParseDates(boolean value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, value, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withEncoding(Encoding value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, value, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withDecimalComma(boolean value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, value, rowIndexName, rowIndexOffset, nRows, columns, parallel);
  }

  public CsvReadOptions withRowIndex(String name, long offset) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, name, offset, nRows, columns, parallel);
  }

  public CsvReadOptions withNRows(Long value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, value, columns, parallel);
  }

  public CsvReadOptions withColumns(String... value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, List.of(value), parallel);
  }

  public CsvReadOptions withParallel(boolean value) {
    return new CsvReadOptions(separator, quoteChar, commentPrefix, hasHeader, skipRows, schema, schemaOverrides, inferSchemaLength, nullValues, truncateRaggedLines, ignoreErrors, tryParseDates, encoding, decimalComma, rowIndexName, rowIndexOffset, nRows, columns, value);
  }
}
