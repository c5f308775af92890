package dev.floe.io.csv;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanBuilder;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.VarBinaryBuilder;
import dev.floe.memory.column.ViewBuilder;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Parses the records of one chunk (a byte range starting at a record boundary) straight into one
 * off-heap builder per projected column. Missing trailing fields are nulls; extra fields fail
 * unless truncateRaggedLines. A value that does not fit fails with the file, line, column and
 * value, becomes null (ignoreErrors, explicit types) or widens an inferred type ({@link CsvWidening}).
 */
final class CsvChunkParser {
  private final CsvPlan plan;
  private final FieldParser parser;
  private final int[] columnOfField;
  /** Per column: 1 i64, 2 f64, 3 utf8, 4 date32, 5 large utf8, 0 any other type (general path). */
  private final int[] kinds;
  private final boolean noNullValues;
  /** The current chunk's all-ASCII blocks (string fields there skip the UTF-8 check). */
  private AsciiBlocks ascii;

  CsvChunkParser(CsvPlan plan) {
    this.plan = plan;
    this.parser = new FieldParser(plan.options().decimalComma());
    this.columnOfField = new int[plan.fieldCount()];
    java.util.Arrays.fill(columnOfField, -1);
    for (int index = 0; index < plan.fields().length; index++) {
      columnOfField[plan.fields()[index]] = index;
    }
    this.kinds = new int[plan.fields().length];
    for (int index = 0; index < kinds.length; index++) {
      DataType type = plan.types()[index];
      kinds[index] = type instanceof DataType.Int64 ? 1 : type instanceof DataType.Float64 ? 2
          : type instanceof DataType.Utf8 ? 3 : type instanceof DataType.Date32 ? 4
          : type instanceof DataType.LargeUtf8 ? 5 : 0;
    }
    this.noNullValues = plan.nullValues().length == 0;
  }

  /** The chunk's columns (caller closes them); at most {@code limit} records. */
  Column[] parse(CsvTokenizer tokens, long limit, BufferAllocator allocator) {
    int width = plan.fields().length;
    ColumnBuilder[] builders = new ColumnBuilder[width];
    ascii = new AsciiBlocks(tokens.data(), tokens.rangeEnd());
    try {
      int expected = RowEstimate.rows(tokens.data(), tokens.position(), tokens.rangeEnd(), limit);
      for (int index = 0; index < width; index++) {
        builders[index] = RowEstimate.builder(plan.types()[index], expected, allocator);
      }
      CsvFastRecords fast = CsvFastRecords.create(plan, tokens.data(), tokens.rangeEnd(), ascii,
          parser, expected);
      if (fast == null) {
        long rows = 0;
        while (rows < limit && tokens.next()) {
          appendRecord(tokens, builders);
          rows++;
        }
      } else {
        fast.parse(tokens, limit, builders, this);
      }
      Column[] columns = new Column[width];
      try {
        for (int index = 0; index < width; index++) {
          columns[index] = builders[index].build();
        }
      } catch (RuntimeException failure) {
        for (Column column : columns) {
          if (column != null) {
            column.close();
          }
        }
        throw failure;
      }
      return columns;
    } finally {
      for (ColumnBuilder builder : builders) {
        if (builder != null) {
          builder.close();
        }
      }
    }
  }

  /** The tokenizer's current record into the builders (the general path). */
  void appendRecord(CsvTokenizer tokens, ColumnBuilder[] builders) {
    int count = tokens.fieldCount();
    if (count > plan.fieldCount() && !plan.options().truncateRaggedLines()) {
      throw new FloeIoException(
          plan.file() + ":" + tokens.recordLine() + ": found " + count + " fields but expected "
              + plan.fieldCount() + "; set truncateRaggedLines to drop the extra fields");
    }
    for (int field = 0; field < plan.fieldCount(); field++) {
      int column = columnOfField[field];
      if (column < 0) {
        continue;
      }
      if (field >= count) {
        builders[column].appendNull();
      } else {
        append(builders[column], column, tokens, field);
      }
    }
  }

  private boolean isNull(MemorySegment data, long start, long end, boolean quoted) {
    if (start == end && !quoted) {
      return true;
    }
    if (plan.nullValues().length == 0) {
      return false;
    }
    for (byte[] value : plan.nullValues()) {
      if (value.length == end - start
          && MemorySegment.mismatch(data, start, end, MemorySegment.ofArray(value), 0, value.length) < 0) {
        return true;
      }
    }
    return false;
  }

  private void append(ColumnBuilder builder, int column, CsvTokenizer tokens, int field) {
    MemorySegment data = tokens.data();
    long start = tokens.start(field);
    long end = tokens.end(field);
    boolean quoted = tokens.quoted(field);
    if ((start == end && !quoted) || (!noNullValues && isNull(data, start, end, quoted))) {
      builder.appendNull();
      return;
    }
    switch (kinds[column]) {
      case 1 -> {
        if (parser.parseLong(data, start, end)) {
          ((FixedWidthBuilder) builder).appendLong(parser.longValue);
        } else {
          fail(builder, column, tokens, field);
        }
        return;
      }
      case 2 -> {
        if (parser.parseDouble(data, start, end)) {
          ((FixedWidthBuilder) builder).appendDouble(parser.doubleValue);
        } else {
          fail(builder, column, tokens, field);
        }
        return;
      }
      case 3, 5 -> {
        if (tokens.escaped(field)
            || !(ascii.ascii(start, end) || Utf8Check.valid(data, start, end))) {
          appendString(builder, column, tokens, field);
        } else if (kinds[column] == 3) {
          ((CsvStringBuilder) builder).append(data, start, (int) (end - start));
        } else {
          ((VarBinaryBuilder) builder).append(data, start, (int) (end - start));
        }
        return;
      }
      case 4 -> {
        long days = DateFields.date(data, start, end);
        if (days != DateFields.INVALID) {
          ((FixedWidthBuilder) builder).appendInt((int) days);
        } else {
          fail(builder, column, tokens, field);
        }
        return;
      }
      default -> appendOther(builder, column, tokens, field, data, start, end);
    }
  }

  /**
   * The types without a kind of their own: one pattern switch per value. Kept out of {@link
   * #append} so that the hot method stays small enough for the JIT to inline the parsers into it.
   */
  private void appendOther(ColumnBuilder builder, int column, CsvTokenizer tokens, int field,
      MemorySegment data, long start, long end) {
    DataType type = plan.types()[column];
    if (type.isString()) {
      appendString(builder, column, tokens, field);
      return;
    }
    boolean ok = switch (type) {
      case DataType.Int64 t -> parser.parseLong(data, start, end)
          && store(builder, parser.longValue);
      case DataType.Int32 t -> parser.parseLong(data, start, end)
          && parser.longValue == (int) parser.longValue && storeInt(builder, (int) parser.longValue);
      case DataType.Int16 t -> parser.parseLong(data, start, end)
          && parser.longValue == (short) parser.longValue && storeObject(builder, (short) parser.longValue);
      case DataType.Int8 t -> parser.parseLong(data, start, end)
          && parser.longValue == (byte) parser.longValue && storeObject(builder, (byte) parser.longValue);
      case DataType.UInt8 t -> unsigned(data, start, end, 0xFFL) && storeObject(builder, parser.longValue);
      case DataType.UInt16 t -> unsigned(data, start, end, 0xFFFFL) && storeObject(builder, parser.longValue);
      case DataType.UInt32 t -> unsigned(data, start, end, 0xFFFF_FFFFL) && storeObject(builder, parser.longValue);
      case DataType.UInt64 t -> unsigned(data, start, end, Long.MAX_VALUE) && storeObject(builder, parser.longValue);
      case DataType.Float64 t -> parser.parseDouble(data, start, end)
          && storeDouble(builder, parser.doubleValue);
      case DataType.Float32 t -> parser.parseDouble(data, start, end)
          && storeObject(builder, (float) parser.doubleValue);
      case DataType.BooleanType t -> {
        int value = FieldParser.parseBoolean(data, start, end);
        if (value >= 0) {
          ((BooleanBuilder) builder).append(value == 1);
        }
        yield value >= 0;
      }
      case DataType.Date32 t -> parser.parseDate(data, start, end)
          && storeInt(builder, (int) parser.longValue);
      case DataType.Timestamp t -> parser.parseDatetime(data, start, end)
          && (parser.utc == (t.timeZone() != null) || plan.explicit()[column])
          && store(builder, scale(parser.longValue, t.unit()));
      case DataType.NullType t -> {
        builder.appendNull();
        yield true;
      }
      default -> throw new dev.floe.errors.InvalidOperationException(
          "reading CSV into " + type + " is not supported (column '" + plan.names().get(column) + "')");
    };
    if (!ok) {
      fail(builder, column, tokens, field);
    }
  }

  private boolean unsigned(MemorySegment data, long start, long end, long max) {
    return parser.parseLong(data, start, end) && parser.longValue >= 0 && parser.longValue <= max;
  }

  private static long scale(long micros, dev.floe.memory.types.TimeUnit unit) {
    return switch (unit) {
      case SECOND -> Math.floorDiv(micros, 1_000_000L);
      case MILLISECOND -> Math.floorDiv(micros, 1_000L);
      case MICROSECOND -> micros;
      case NANOSECOND -> micros * 1_000L;
    };
  }

  private static boolean store(ColumnBuilder builder, long value) {
    ((FixedWidthBuilder) builder).appendLong(value);
    return true;
  }

  private static boolean storeInt(ColumnBuilder builder, int value) {
    ((FixedWidthBuilder) builder).appendInt(value);
    return true;
  }

  private static boolean storeDouble(ColumnBuilder builder, double value) {
    ((FixedWidthBuilder) builder).appendDouble(value);
    return true;
  }

  private static boolean storeObject(ColumnBuilder builder, Object value) {
    builder.appendObject(value);
    return true;
  }

  private void fail(ColumnBuilder builder, int column, CsvTokenizer tokens, int field) {
    if (!plan.explicit()[column]) {
      throw new CsvWidening(column,
          CsvInference.classify(tokens, field, parser, plan.options().tryParseDates()));
    }
    if (plan.options().ignoreErrors()) {
      builder.appendNull();
      return;
    }
    throw new FloeIoException(
        plan.file() + ":" + tokens.recordLine() + ": column '" + plan.names().get(column)
            + "': cannot parse '" + shorten(tokens.text(field)) + "' as "
            + CsvInference.polarsName(plan.types()[column]));
  }

  private static String shorten(String text) {
    return text.length() > 100 ? text.substring(0, 97) + "..." : text;
  }

  private void appendString(ColumnBuilder builder, int column, CsvTokenizer tokens, int field) {
    MemorySegment data = tokens.data();
    long start = tokens.start(field);
    long end = tokens.end(field);
    if (!tokens.escaped(field)
        && (ascii.ascii(start, end) || Utf8Check.valid(data, start, end))) {
      switch (builder) {
        case CsvStringBuilder strings -> strings.append(data, start, (int) (end - start));
        case VarBinaryBuilder strings -> strings.append(data, start, (int) (end - start));
        case ViewBuilder views -> views.append(data, start, (int) (end - start));
        default -> builder.appendObject(tokens.text(field));
      }
      return;
    }
    if (plan.options().encoding() == CsvReadOptions.Encoding.UTF8
        && !Utf8Check.valid(data, start, end)) {
      byte[] raw = data.asSlice(start, end - start).toArray(ValueLayout.JAVA_BYTE);
      throw new FloeIoException(
          plan.file() + ":" + tokens.recordLine() + ": column '" + plan.names().get(column)
              + "': invalid UTF-8 in '" + shorten(new String(raw, StandardCharsets.UTF_8))
              + "'; read with encoding UTF8_LOSSY to replace invalid bytes");
    }
    builder.appendObject(tokens.text(field));
  }
}
