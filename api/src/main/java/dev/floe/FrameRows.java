package dev.floe;

import dev.floe.format.FrameView;
import dev.floe.internal.Ranges;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row-wise and Java-value access to a {@link DataFrame}, and its view for the formatters. */
final class FrameRows {
  private FrameRows() {}

  static List<Object> row(DataFrame frame, long index) {
    long resolved = Ranges.index(frame.height(), index, "DataFrame");
    List<Object> values = new ArrayList<>(frame.width());
    for (int column = 0; column < frame.width(); column++) {
      values.add(frame.owned(column).column().getObject(resolved));
    }
    return values;
  }

  static Map<String, Object> rowNamed(DataFrame frame, long index) {
    List<Object> values = row(frame, index);
    Map<String, Object> named = new LinkedHashMap<>();
    for (int column = 0; column < values.size(); column++) {
      named.put(frame.owned(column).name(), values.get(column));
    }
    return named;
  }

  static List<List<Object>> rows(DataFrame frame) {
    List<List<Object>> rows = new ArrayList<>();
    for (long row = 0; row < frame.height(); row++) {
      rows.add(row(frame, row));
    }
    return rows;
  }

  static List<Map<String, Object>> rowsNamed(DataFrame frame) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long row = 0; row < frame.height(); row++) {
      rows.add(rowNamed(frame, row));
    }
    return rows;
  }

  static Map<String, List<Object>> toMap(DataFrame frame) {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (int column = 0; column < frame.width(); column++) {
      values.put(frame.owned(column).name(), frame.owned(column).toList());
    }
    return values;
  }

  /** What the formatters read; valid while the frame is open. */
  static FrameView view(DataFrame frame, long height, List<Series> columns) {
    return new FrameView() {
      @Override
      public long height() {
        return height;
      }

      @Override
      public int width() {
        return columns.size();
      }

      @Override
      public String name(int column) {
        return columns.get(column).name();
      }

      @Override
      public DataType type(int column) {
        return columns.get(column).dtype();
      }

      @Override
      public Object value(int column, long row) {
        return columns.get(column).column().getObject(row);
      }
    };
  }
}
