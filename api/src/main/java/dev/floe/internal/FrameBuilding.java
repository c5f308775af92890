package dev.floe.internal;

import dev.floe.Series;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the series of a frame from rows of maps or from records. */
public final class FrameBuilding {
  private FrameBuilding() {}

  /** One series per key, in first-seen order; a row without a key has a null there. */
  public static List<Series> fromRows(List<? extends Map<String, ?>> rows) {
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    for (int rowIndex = 0; rowIndex < rows.size(); rowIndex++) {
      Map<String, ?> row = rows.get(rowIndex);
      if (row == null) {
        throw new InvalidOperationException(
            "row " + rowIndex + " is null; pass an empty map instead");
      }
      for (Map.Entry<String, ?> entry : row.entrySet()) {
        List<Object> values = columns.computeIfAbsent(entry.getKey(), key -> new ArrayList<>());
        while (values.size() < rowIndex) {
          values.add(null);
        }
        values.add(entry.getValue());
      }
      for (List<Object> values : columns.values()) {
        if (values.size() <= rowIndex) {
          values.add(null);
        }
      }
    }
    List<Series> series = new ArrayList<>(columns.size());
    try {
      for (Map.Entry<String, List<Object>> column : columns.entrySet()) {
        series.add(build(column.getKey(), null, column.getValue()));
      }
    } catch (RuntimeException failure) {
      series.forEach(Series::close);
      throw failure;
    }
    return series;
  }

  /** One series per record component; {@code type} may be null when the list is not empty. */
  public static List<Series> fromRecords(Class<?> type, List<? extends Record> records) {
    Class<?> recordClass = type;
    for (int index = 0; index < records.size(); index++) {
      Record record = records.get(index);
      if (record == null) {
        throw new InvalidOperationException("record " + index + " is null");
      }
      if (recordClass == null) {
        recordClass = record.getClass();
      } else if (record.getClass() != recordClass) {
        throw new SchemaMismatchException(
            "all records must be of one class: record " + index + " is a "
                + record.getClass().getName() + ", not a " + recordClass.getName());
      }
    }
    if (recordClass == null) {
      return List.of();
    }
    RecordComponent[] components = recordClass.getRecordComponents();
    List<Series> series = new ArrayList<>(components.length);
    try {
      for (RecordComponent component : components) {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        List<Object> values = new ArrayList<>(records.size());
        for (Record record : records) {
          values.add(read(accessor, record));
        }
        series.add(build(component.getName(), declaredType(component.getType()), values));
      }
    } catch (RuntimeException failure) {
      series.forEach(Series::close);
      throw failure;
    }
    return series;
  }

  private static Object read(Method accessor, Record record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException failure) {
      throw new InvalidOperationException(
          "cannot read component " + accessor.getName() + " of " + record.getClass().getName(),
          failure);
    }
  }

  /** Infers the type from the values, or uses {@code declared} when all values are null. */
  private static Series build(String name, DataType declared, List<Object> values) {
    try {
      boolean allNull = values.stream().allMatch(value -> value == null);
      if (allNull && declared != null) {
        return Series.ofList(name, declared, values);
      }
      return Series.ofList(name, values);
    } catch (SchemaMismatchException failure) {
      throw new SchemaMismatchException("column '" + name + "': " + failure.getMessage(), failure);
    }
  }

  /** The Floe type of a record component's Java class, or null when values must decide. */
  static DataType declaredType(Class<?> type) {
    if (type == long.class || type == Long.class) {
      return DataType.INT64;
    } else if (type == int.class || type == Integer.class) {
      return DataType.INT32;
    } else if (type == short.class || type == Short.class) {
      return DataType.INT16;
    } else if (type == byte.class || type == Byte.class) {
      return DataType.INT8;
    } else if (type == double.class || type == Double.class) {
      return DataType.FLOAT64;
    } else if (type == float.class || type == Float.class) {
      return DataType.FLOAT32;
    } else if (type == boolean.class || type == Boolean.class) {
      return DataType.BOOLEAN;
    } else if (type == String.class) {
      return DataType.UTF8;
    } else if (type == byte[].class) {
      return DataType.BINARY;
    } else if (type == LocalDate.class) {
      return DataType.DATE32;
    } else if (type == LocalTime.class) {
      return new DataType.Time64(TimeUnit.NANOSECOND);
    } else if (type == LocalDateTime.class) {
      return SeriesFactory.MICROS;
    } else if (type == Instant.class) {
      return new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC");
    } else if (type == Duration.class) {
      return new DataType.Duration(TimeUnit.MICROSECOND);
    }
    return null; // BigDecimal (precision unknown), lists, maps, records: inferred from values
  }
}
