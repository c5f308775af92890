package dev.floe.format;

import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Polars' {@code DataFrame.glimpse()} text: the shape, then one line per column with its name, its
 * type in angle brackets (right-aligned) and its first values as Python prints them (strings
 * quoted, {@code True}, {@code null} for missing values), so wide frames read top to bottom.
 */
public final class GlimpseFormatter {
  /** Names longer than this are cut to this many characters, the last being {@code …}. */
  static final int MAX_NAME_LENGTH = 50;

  private GlimpseFormatter() {}

  public static String format(FrameView frame, int maxItemsPerColumn) {
    long shown = Math.min(Math.max(0, maxItemsPerColumn), frame.height());
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> values = new ArrayList<>();
    int nameWidth = 0;
    int typeWidth = 0;
    for (int column = 0; column < frame.width(); column++) {
      String name = frame.name(column);
      if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
        name = DisplayWidth.prefix(name, MAX_NAME_LENGTH - 1) + "…";
      }
      DataType type = frame.type(column);
      String typeText = "<" + type + ">";
      List<String> items = new ArrayList<>();
      for (long row = 0; row < shown; row++) {
        items.add(item(frame.value(column, row), type));
      }
      names.add(name);
      types.add(typeText);
      values.add(String.join(", ", items));
      nameWidth = Math.max(nameWidth, name.codePointCount(0, name.length()));
      typeWidth = Math.max(typeWidth, typeText.codePointCount(0, typeText.length()));
    }
    StringBuilder text = new StringBuilder()
        .append("Rows: ").append(frame.height()).append('\n')
        .append("Columns: ").append(frame.width()).append('\n');
    for (int column = 0; column < names.size(); column++) {
      text.append("$ ").append(padRight(names.get(column), nameWidth)).append(' ')
          .append(padLeft(types.get(column), typeWidth)).append(' ')
          .append(values.get(column)).append('\n');
    }
    return text.toString();
  }

  private static String item(Object value, DataType type) {
    if (value == null) {
      return "null";
    }
    if (type.isString()) {
      return PythonText.repr(value);
    }
    if (type instanceof DataType.UInt64 && value instanceof Long number) {
      return Long.toUnsignedString(number);
    }
    return PythonText.str(value);
  }

  private static String padRight(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.codePointCount(0, text.length())));
  }

  private static String padLeft(String text, int width) {
    return " ".repeat(Math.max(0, width - text.codePointCount(0, text.length()))) + text;
  }
}
