package dev.floe.io.csv;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;

/**
 * Polars' CSV type inference, one column at a time: each non-null field is classified (boolean,
 * integer, float, date, datetime, string) and the classes seen decide the type: only integers give
 * i64, integers and floats f64, only booleans bool, only dates (with tryParseDates) date, only
 * datetimes datetime[μs] (UTC when they end in 'Z'), anything else or nothing but nulls str.
 */
final class CsvInference {
  static final int BOOL = 1;
  static final int INT = 2;
  static final int FLOAT = 4;
  static final int DATE = 8;
  static final int DATETIME = 16;
  static final int DATETIME_UTC = 32;
  static final int STRING = 64;

  private CsvInference() {}

  /** The class bit of a non-null field. */
  static int classify(CsvTokenizer tokens, int field, FieldParser parser, boolean tryParseDates) {
    var data = tokens.data();
    long start = tokens.start(field);
    long end = tokens.end(field);
    if (tokens.escaped(field) || start == end) {
      return STRING;
    }
    if (FieldParser.parseBoolean(data, start, end) >= 0) {
      return BOOL;
    }
    if (parser.parseLong(data, start, end)) {
      return INT;
    }
    if (parser.looksLikeFloat(data, start, end)) {
      return FLOAT;
    }
    byte first = data.get(java.lang.foreign.ValueLayout.JAVA_BYTE, start);
    if (first == '-' && end - start > 1 && end - start <= 20 && allDigits(tokens, start + 1, end)) {
      return FLOAT; // an integer beyond i64 (Polars: i128)
    }
    if (tryParseDates && first >= '0' && first <= '9') {
      if (parser.parseDate(data, start, end)) {
        return DATE;
      }
      if (parser.parseDatetime(data, start, end)) {
        return parser.utc ? DATETIME_UTC : DATETIME;
      }
    }
    return STRING;
  }

  private static boolean allDigits(CsvTokenizer tokens, long start, long end) {
    for (long p = start; p < end; p++) {
      byte b = tokens.data().get(java.lang.foreign.ValueLayout.JAVA_BYTE, p);
      if (b < '0' || b > '9') {
        return false;
      }
    }
    return true;
  }

  /** The type of a column whose fields had the classes {@code seen}. */
  static DataType typeOf(int seen) {
    return switch (seen) {
      case INT -> DataType.INT64;
      case FLOAT, INT | FLOAT -> DataType.FLOAT64;
      case BOOL -> DataType.BOOLEAN;
      case DATE -> DataType.DATE32;
      case DATETIME -> new DataType.Timestamp(TimeUnit.MICROSECOND, null);
      case DATETIME_UTC -> new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC");
      default -> DataType.UTF8;
    };
  }

  /** The type an inferred column widens to after a value of class {@code found} did not fit. */
  static DataType widen(DataType current, int found) {
    if (current instanceof DataType.Int64 && found == FLOAT) {
      return DataType.FLOAT64;
    }
    if (current instanceof DataType.Float64 && found == INT) {
      return DataType.FLOAT64;
    }
    return DataType.UTF8;
  }

  /** Polars' name of a type in parse errors ("Float64", "Int64", "String", ...). */
  static String polarsName(DataType type) {
    return switch (type) {
      case DataType.Int8 t -> "Int8";
      case DataType.Int16 t -> "Int16";
      case DataType.Int32 t -> "Int32";
      case DataType.Int64 t -> "Int64";
      case DataType.UInt8 t -> "UInt8";
      case DataType.UInt16 t -> "UInt16";
      case DataType.UInt32 t -> "UInt32";
      case DataType.UInt64 t -> "UInt64";
      case DataType.Float32 t -> "Float32";
      case DataType.Float64 t -> "Float64";
      case DataType.BooleanType t -> "Boolean";
      case DataType.Date32 t -> "Date";
      case DataType.Timestamp t -> "Datetime";
      default -> type.isString() ? "String" : type.toString();
    };
  }
}
