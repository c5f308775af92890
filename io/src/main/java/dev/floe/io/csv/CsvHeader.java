package dev.floe.io.csv;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.FloeIoException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a read before the data: skips a UTF-8 byte order mark and {@code skipRows} lines,
 * reads the column names (the header, else {@code column_1}, ...; a repeated name becomes
 * {@code name_duplicated_0} as in Polars), applies the schema, overrides and projection, and infers
 * the other types from the first {@code inferSchemaLength} records.
 *
 * @param plan what the chunk parsers need
 * @param dataStart the byte offset of the first data record
 * @param dataLine the 1-based line of the first data record
 */
record CsvHeader(CsvPlan plan, long dataStart, long dataLine) {

  static CsvHeader read(MemorySegment data, String file, CsvReadOptions options) {
    long size = data.byteSize();
    long position = 0;
    if (size >= 3 && (data.get(ValueLayout.JAVA_BYTE, 0) & 0xFF) == 0xEF
        && (data.get(ValueLayout.JAVA_BYTE, 1) & 0xFF) == 0xBB
        && (data.get(ValueLayout.JAVA_BYTE, 2) & 0xFF) == 0xBF) {
      position = 3;
    }
    long line = 1;
    for (int skipped = 0; skipped < options.skipRows() && position < size; skipped++) {
      while (position < size && data.get(ValueLayout.JAVA_BYTE, position) != '\n') {
        position++;
      }
      position++;
      line++;
    }
    position = Math.min(position, size);
    CsvTokenizer tokens = new CsvTokenizer(data, position, size, line, options, file);
    List<String> names = new ArrayList<>();
    long dataStart = position;
    long dataLine = line;
    if (tokens.next()) {
      if (options.hasHeader()) {
        for (int field = 0; field < tokens.fieldCount(); field++) {
          names.add(tokens.text(field));
        }
        dataStart = tokens.position();
        dataLine = tokens.line();
      } else {
        for (int field = 0; field < tokens.fieldCount(); field++) {
          names.add("column_" + (field + 1));
        }
      }
    } else if (options.schema() == null) {
      throw new FloeIoException(file + ": empty CSV data (no header and no rows)");
    }
    DataType[] types;
    boolean[] explicit;
    if (options.schema() != null) {
      names = new ArrayList<>();
      for (Field field : options.schema().fields()) {
        names.add(field.name());
      }
    }
    names = deduplicate(names);
    int fieldCount = names.size();
    types = new DataType[fieldCount];
    explicit = new boolean[fieldCount];
    for (int field = 0; field < fieldCount; field++) {
      DataType given = options.schema() != null ? options.schema().field(field).type()
          : options.schemaOverrides().get(names.get(field));
      types[field] = given;
      explicit[field] = given != null;
    }
    for (String name : options.schemaOverrides().keySet()) {
      if (!names.contains(name)) {
        throw new ColumnNotFoundException(name, names);
      }
    }
    infer(data, dataStart, dataLine, file, options, types);
    int[] fields = project(names, options.columns());
    List<String> projectedNames = new ArrayList<>();
    DataType[] projectedTypes = new DataType[fields.length];
    boolean[] projectedExplicit = new boolean[fields.length];
    for (int index = 0; index < fields.length; index++) {
      projectedNames.add(names.get(fields[index]));
      projectedTypes[index] = types[fields[index]];
      projectedExplicit[index] = explicit[fields[index]];
    }
    CsvPlan plan = new CsvPlan(file, fieldCount, fields, projectedNames, projectedTypes,
        projectedExplicit, CsvPlan.nullBytes(options.nullValues()), options);
    return new CsvHeader(plan, dataStart, dataLine);
  }

  private static List<String> deduplicate(List<String> names) {
    Set<String> seen = new HashSet<>();
    List<String> unique = new ArrayList<>(names.size());
    for (String name : names) {
      String chosen = name;
      for (int suffix = 0; !seen.add(chosen); suffix++) {
        chosen = name + "_duplicated_" + suffix;
      }
      unique.add(chosen);
    }
    return unique;
  }

  private static int[] project(List<String> names, List<String> columns) {
    if (columns == null) {
      int[] all = new int[names.size()];
      for (int index = 0; index < all.length; index++) {
        all[index] = index;
      }
      return all;
    }
    for (String column : columns) {
      if (!names.contains(column)) {
        throw new ColumnNotFoundException(column, names);
      }
    }
    return java.util.stream.IntStream.range(0, names.size())
        .filter(index -> columns.contains(names.get(index))).toArray();
  }

  /** Fills the null entries of {@code types} from the first records. */
  private static void infer(MemorySegment data, long start, long line, String file,
      CsvReadOptions options, DataType[] types) {
    Integer length = options.inferSchemaLength();
    int[] seen = new int[types.length];
    if (length == null || length > 0) {
      long limit = length == null ? Long.MAX_VALUE : length;
      CsvTokenizer tokens = new CsvTokenizer(data, start, data.byteSize(), line, options, file);
      FieldParser parser = new FieldParser(options.decimalComma());
      byte[][] nulls = CsvPlan.nullBytes(options.nullValues());
      for (long record = 0; record < limit && tokens.next(); record++) {
        int count = Math.min(tokens.fieldCount(), types.length);
        for (int field = 0; field < count; field++) {
          if (types[field] == null && !isNull(tokens, field, nulls)) {
            seen[field] |= CsvInference.classify(tokens, field, parser, options.tryParseDates());
          }
        }
      }
    }
    for (int field = 0; field < types.length; field++) {
      if (types[field] == null) {
        types[field] = CsvInference.typeOf(seen[field]);
      }
    }
  }

  private static boolean isNull(CsvTokenizer tokens, int field, byte[][] nulls) {
    long start = tokens.start(field);
    long end = tokens.end(field);
    if (start == end && !tokens.quoted(field)) {
      return true;
    }
    for (byte[] value : nulls) {
      if (value.length == end - start && MemorySegment.mismatch(tokens.data(), start, end,
          MemorySegment.ofArray(value), 0, value.length) < 0) {
        return true;
      }
    }
    return false;
  }
}
