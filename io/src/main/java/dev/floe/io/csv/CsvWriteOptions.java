package dev.floe.io.csv;

import java.util.Objects;

/**
 * How {@code DataFrame.writeCsv} writes a CSV file, as Polars' {@code write_csv} keyword arguments.
 * Immutable; change it with the withers: {@code CsvWriteOptions.DEFAULT.withQuoteStyle(ALWAYS)}.
 *
 * @param separator the field separator
 * @param quoteChar the quote character
 * @param quoteStyle when fields are quoted
 * @param includeHeader write the column names first
 * @param nullValue the text of a null
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern for dates; null for ISO
 * @param datetimeFormat a pattern for datetimes; null for Polars' ISO form
 * @param timeFormat a pattern for times; null for Polars' form
 * @param floatPrecision digits after the decimal point of floats; null for the shortest form
 * @param lineTerminator the record terminator
 * @param compression the compression of the file
 */
public record CsvWriteOptions(
    char separator,
    char quoteChar,
    QuoteStyle quoteStyle,
    boolean includeHeader,
    String nullValue,
    String dateFormat,
    String datetimeFormat,
    String timeFormat,
    Integer floatPrecision,
    String lineTerminator,
    Compression compression) {

  /** When a field is quoted, as Polars' {@code quote_style}. */
  public enum QuoteStyle {
    /** Only fields holding the separator, the quote, a line break, or an empty string. */
    NECESSARY,
    /** Every field, nulls included. */
    ALWAYS,
    /** Every non-numeric field (strings, dates, booleans, the header), nulls not. */
    NON_NUMERIC,
    /** No field (the output may not read back). */
    NEVER
  }

  /** The compression of the written file. */
  public enum Compression {
    NONE,
    GZIP,
    ZSTD
  }

  /** Polars' defaults. */
  public static final CsvWriteOptions DEFAULT =
      new CsvWriteOptions(',', '"', QuoteStyle.NECESSARY, true, "", null, null, null, null, "\n",
          Compression.NONE);

  public CsvWriteOptions {
    Objects.requireNonNull(quoteStyle, "quoteStyle");
    Objects.requireNonNull(nullValue, "nullValue");
    Objects.requireNonNull(lineTerminator, "lineTerminator");
    Objects.requireNonNull(compression, "compression");
    if (floatPrecision != null && (floatPrecision < 0 || floatPrecision > 100)) {
      throw new IllegalArgumentException("floatPrecision must be between 0 and 100");
    }
  }

  public CsvWriteOptions withSeparator(char value) {
    return new CsvWriteOptions(value, quoteChar, quoteStyle, includeHeader, nullValue, dateFormat, datetimeFormat, timeFormat, floatPrecision, lineTerminator, compression);
  }

  public CsvWriteOptions withQuoteChar(char value) {
    return new CsvWriteOptions(separator, value, quoteStyle, includeHeader, nullValue, dateFormat, datetimeFormat, timeFormat, floatPrecision, lineTerminator, compression);
  }

  public CsvWriteOptions withQuoteStyle(QuoteStyle value) {
    return new CsvWriteOptions(separator, quoteChar, value, includeHeader, nullValue, dateFormat, datetimeFormat, timeFormat, floatPrecision, lineTerminator, compression);
  }

  public CsvWriteOptions withIncludeHeader(boolean value) {
    return new CsvWriteOptions(separator, quoteChar, quoteStyle, value, nullValue, dateFormat, datetimeFormat, timeFormat, floatPrecision, lineTerminator, compression);
  }

  public CsvWriteOptions withNullValue(String value) {
    return new CsvWriteOptions(separator, quoteChar, quoteStyle, includeHeader, value, dateFormat, datetimeFormat, timeFormat, floatPrecision, lineTerminator, compression);
  }

  public CsvWriteOptions withDateFormat(String value) {
    return new CsvWriteOptions(separator, quoteChar, quoteStyle, includeHeader, nullValue, value, datetimeFormat, timeFormat, floatPrecision, lineTerminator, compression);
  }

  public CsvWriteOptions withDatetimeFormat(String value) {
    return new CsvWriteOptions(separator, quoteChar, quoteStyle, includeHeader, nullValue, dateFormat, value, timeFormat, floatPrecision, lineTerminator, compression);
  }

  public CsvWriteOptions withTimeFormat(String value) {
    return new CsvWriteOptions(separator, quoteChar, quoteStyle, includeHeader, nullValue, dateFormat, datetimeFormat, value, floatPrecision, lineTerminator, compression);
  }

  public CsvWriteOptions withFloatPrecision(Integer value) {
    return new CsvWriteOptions(separator, quoteChar, quoteStyle, includeHeader, nullValue, dateFormat, datetimeFormat, timeFormat, value, lineTerminator, compression);
  }

  public CsvWriteOptions withLineTerminator(String value) {
    return new CsvWriteOptions(separator, quoteChar, quoteStyle, includeHeader, nullValue, dateFormat, datetimeFormat, timeFormat, floatPrecision, value, compression);
  }

  public CsvWriteOptions withCompression(Compression value) {
    return new CsvWriteOptions(separator, quoteChar, quoteStyle, includeHeader, nullValue, dateFormat, datetimeFormat, timeFormat, floatPrecision, lineTerminator, value);
  }
}
