package dev.floe.io.files;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.io.csv.DateFields;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.lang.foreign.MemorySegment;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value} directory segments of a set of files as typed columns, as Polars' hive
 * partitioning: per key, values that all parse as integers are {@code i64}, as numbers
 * {@code f64}, as {@code true}/{@code false} {@code bool}, as ISO dates {@code date}, as ISO
 * datetimes {@code datetime[μs]} (all ending in {@code Z}: {@code datetime[μs, UTC]}), else
 * {@code str}; {@code __HIVE_DEFAULT_PARTITION__} is null and values are URL-decoded. Every file
 * must have the same keys in the same order.
 *
 * @param names the partition keys, outermost first
 * @param types one type per key ({@code null} means string: the caller picks its string layout)
 * @param values per file, one value per key ({@code Long}, {@code Double}, {@code Boolean},
 *     {@code LocalDate}, {@code LocalDateTime}, {@code Instant}, {@code String} or null)
 */
public record HivePartitions(List<String> names, List<DataType> types, List<List<Object>> values) {
  /** The null marker Hive and Polars write for a missing partition value. */
  public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  /** Parses the partitions of {@code files}; fails naming the first file whose keys differ. */
  public static HivePartitions of(List<Path> files) {
    List<String> names = null;
    List<List<String>> raw = new ArrayList<>();
    Path first = null;
    for (Path file : files) {
      Map<String, String> segments = segments(file);
      List<String> keys = List.copyOf(segments.keySet());
      if (names == null) {
        names = keys;
        first = file;
      } else if (!names.equals(keys)) {
        throw new SchemaMismatchException("hive partition keys of '" + file + "' " + keys
            + " differ from those of '" + first + "' " + names);
      }
      raw.add(new ArrayList<>(segments.values()));
    }
    names = names == null ? List.of() : names;
    List<DataType> types = new ArrayList<>();
    for (int key = 0; key < names.size(); key++) {
      types.add(infer(raw, key));
    }
    List<List<Object>> values = new ArrayList<>();
    for (List<String> row : raw) {
      List<Object> typed = new ArrayList<>();
      for (int key = 0; key < names.size(); key++) {
        typed.add(convert(row.get(key), types.get(key)));
      }
      values.add(typed);
    }
    return new HivePartitions(names, types, values);
  }

  /** The {@code key=value} directory segments of {@code file}, outermost first, values decoded. */
  static Map<String, String> segments(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    Path parent = file.getParent();
    if (parent == null) {
      return out;
    }
    for (Path part : parent) {
      String text = part.toString();
      int equals = text.indexOf('=');
      if (equals > 0) {
        String value = text.substring(equals + 1);
        out.put(text.substring(0, equals),
            value.equals(DEFAULT_PARTITION) ? null : URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static DataType infer(List<List<String>> raw, int key) {
    boolean longs = true;
    boolean doubles = true;
    boolean booleans = true;
    boolean dates = true;
    boolean naiveDatetimes = true;
    boolean utcDatetimes = true;
    boolean any = false;
    for (List<String> row : raw) {
      String value = row.get(key);
      if (value == null) {
        continue;
      }
      any = true;
      longs &= parseLong(value) != null;
      doubles &= parseDouble(value) != null;
      booleans &= parseBoolean(value) != null;
      dates &= parseDate(value) != null;
      boolean datetime = parseDatetime(value) != null;
      naiveDatetimes &= datetime && !value.endsWith("Z");
      utcDatetimes &= datetime && value.endsWith("Z");
    }
    if (!any) {
      return null;
    }
    if (longs) {
      return DataType.INT64;
    }
    if (doubles) {
      return DataType.FLOAT64;
    }
    if (booleans) {
      return DataType.BOOLEAN;
    }
    if (dates) {
      return DataType.DATE32;
    }
    if (naiveDatetimes) {
      return new DataType.Timestamp(TimeUnit.MICROSECOND, null);
    }
    return utcDatetimes ? new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC") : null;
  }

  private static Object convert(String value, DataType type) {
    if (value == null || type == null) {
      return value;
    }
    return switch (type) {
      case DataType.Int64 t -> parseLong(value);
      case DataType.Float64 t -> parseDouble(value);
      case DataType.BooleanType t -> parseBoolean(value);
      case DataType.Date32 t -> parseDate(value);
      case DataType.Timestamp t -> {
        long micros = parseDatetime(value);
        Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        yield t.timeZone() == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : instant;
      }
      default -> value;
    };
  }

  static Boolean parseBoolean(String value) {
    return value.equalsIgnoreCase("true") ? Boolean.TRUE
        : value.equalsIgnoreCase("false") ? Boolean.FALSE : null;
  }

  /** {@code yyyy-MM-dd[T ]HH:mm[:ss[.f...]][Z]} as microseconds since the epoch, else null. */
  static Long parseDatetime(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    long micros = DateFields.datetime(MemorySegment.ofArray(bytes), 0, bytes.length);
    return micros == DateFields.INVALID ? null : micros;
  }

  static Long parseLong(String value) {
    if (!value.matches("[+-]?[0-9]+")) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException overflow) {
      return null;
    }
  }

  static Double parseDouble(String value) {
    if (!value.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
      return null;
    }
    return Double.parseDouble(value);
  }

  static LocalDate parseDate(String value) {
    if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException invalid) {
      return null;
    }
  }
}
