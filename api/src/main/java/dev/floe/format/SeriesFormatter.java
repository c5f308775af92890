package dev.floe.format;

import dev.floe.memory.types.DataType;
import java.util.function.LongFunction;

/**
 * A series as Polars prints it: {@code shape: (3,)}, {@code Series: 'a' [i64]}, then one value per
 * line between brackets, each after a tab. Series longer than {@link DisplayOptions#tblRows()}
 * show the first and last values around a {@code …} line; strings are quoted and cut after
 * {@link DisplayOptions#strLen()} characters (a cut string loses its closing quote, as in Polars).
 */
public final class SeriesFormatter {
  private SeriesFormatter() {}

  public static String format(
      String name,
      DataType type,
      long length,
      LongFunction<Object> values,
      DisplayOptions options) {
    StringBuilder text = new StringBuilder()
        .append("shape: (").append(FrameFormatter.groupDigits(length)).append(",)\n")
        .append("Series: '").append(name).append("' [").append(type).append("]\n[\n");
    long limit = options.rowLimit();
    if (length > limit) {
      long half = limit / 2;
      long head = half + limit % 2;
      for (long row = 0; row < head; row++) {
        appendValue(text, values.apply(row), type, options);
      }
      text.append("\t…\n");
      for (long row = length - half; row < length; row++) {
        appendValue(text, values.apply(row), type, options);
      }
    } else {
      for (long row = 0; row < length; row++) {
        appendValue(text, values.apply(row), type, options);
      }
    }
    return text.append(']').toString();
  }

  private static void appendValue(
      StringBuilder text, Object value, DataType type, DisplayOptions options) {
    String shown = CellFormat.value(value, type, options);
    boolean truncatable = type.isString() || type instanceof DataType.Dictionary;
    if (value != null && truncatable) {
      String bare = value.toString();
      String cut = DisplayWidth.prefix(bare, options.stringLimit());
      if (cut.length() != bare.length()) {
        shown = "\"" + cut + "…";
      }
    }
    text.append('\t').append(shown).append('\n');
  }
}
