package dev.floe.io.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Polars' quote styles: when a written field is put in quotes, with inner quotes doubled. */
final class CsvQuoting {
  private final CsvWriteOptions.QuoteStyle style;
  private final char separator;
  private final char quote;

  CsvQuoting(CsvWriteOptions options) {
    this.style = options.quoteStyle();
    this.separator = options.separator();
    this.quote = options.quoteChar();
  }

  /**
   * Writes {@code text}; {@code numeric} marks numbers (never quoted unless ALWAYS), {@code
   * string} marks string values and names (quoted when empty, to tell them from nulls).
   */
  void write(OutputStream out, String text, boolean numeric, boolean string) throws IOException {
    boolean quoted = switch (style) {
      case ALWAYS -> true;
      case NEVER -> false;
      case NON_NUMERIC -> !numeric;
      case NECESSARY -> needsQuotes(text, string);
    };
    if (!quoted) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      return;
    }
    String q = String.valueOf(quote);
    out.write(quote);
    out.write(text.replace(q, q + q).getBytes(StandardCharsets.UTF_8));
    out.write(quote);
  }

  private boolean needsQuotes(String text, boolean string) {
    if (text.isEmpty()) {
      return string;
    }
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if (c == separator || c == quote || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
