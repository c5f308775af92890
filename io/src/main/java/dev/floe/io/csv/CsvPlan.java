package dev.floe.io.csv;

import dev.floe.memory.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the chunk parsers need to know, shared read-only by all of them: the file's name for
 * messages, the number of fields per record, the fields read (projection) with their names and
 * types, which types were given explicitly (a bad value is an error or, with ignoreErrors, null)
 * and which were inferred (a bad value widens the type), and the options.
 */
record CsvPlan(
    String file,
    int fieldCount,
    int[] fields,
    List<String> names,
    DataType[] types,
    boolean[] explicit,
    byte[][] nullValues,
    CsvReadOptions options) {

  static byte[][] nullBytes(List<String> values) {
    byte[][] bytes = new byte[values.size()][];
    for (int index = 0; index < bytes.length; index++) {
      bytes[index] = values.get(index).getBytes(StandardCharsets.UTF_8);
    }
    return bytes;
  }

  /** A copy with column {@code index} (of the projection) of another type. */
  CsvPlan withType(int index, DataType type) {
    DataType[] changed = types.clone();
    changed[index] = type;
    return new CsvPlan(file, fieldCount, fields, names, changed, explicit, nullValues, options);
  }
}
