package dev.floe.kernels.temporal;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryBuilder;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dt.strftime(format)}: formats dates and datetimes with the directives of Rust's chrono, as
 * Polars does ({@code %Y %m %d %H %M %S %f %.f %.3f %z %Z %a %b %j %e %p %I %F %T %c %s %%} ...,
 * with the padding modifiers {@code %-d %_d %0e}). Zoned datetimes are formatted in their
 * wall-clock time. A directive the input cannot supply (a time of a date, a zone of a naive
 * datetime) or an unknown one fails for the whole format, as in Polars.
 */
public final class ChronoFormatter {
  /** What the input provides. */
  enum Kind {
    DATE("Date"),
    NAIVE("timezone-naive Datetime"),
    ZONED("timezone-aware Datetime"),
    TIME("Time");

    final String display;

    Kind(String display) {
      this.display = display;
    }
  }

  private final List<ChronoDirectives.Item> items;

  private ChronoFormatter(List<ChronoDirectives.Item> items) {
    this.items = items;
  }

  /** Every value of {@code input} (date, datetime or time) formatted with {@code format}, as strings. */
  public static Column format(Column input, String format, BufferAllocator allocator) {
    DataType type = input.type();
    Kind kind;
    TimeUnit unit;
    String zone = null;
    switch (type) {
      case DataType.Date32 date -> {
        kind = Kind.DATE;
        unit = TimeUnit.SECOND;
      }
      case DataType.Timestamp stamp -> {
        zone = stamp.timeZone();
        kind = zone == null ? Kind.NAIVE : Kind.ZONED;
        unit = stamp.unit();
      }
      case DataType.Time64 time -> {
        kind = Kind.TIME;
        unit = time.unit();
      }
      default -> throw new InvalidOperationException("cannot apply dt.strftime() to " + type);
    }
    ChronoFormatter formatter = compile(format, kind);
    ZoneShift shift = new ZoneShift(zone, unit.perSecond());
    long perDay = TemporalColumns.perDay(unit);
    long nanos = TemporalColumns.nanos(unit);
    ChronoDirectives.Moment moment = new ChronoDirectives.Moment(zone);
    FixedWidthColumn fixed = TemporalColumns.fixed(input);
    int rows = fixed.length();
    StringBuilder text = new StringBuilder();
    try (VarBinaryBuilder out = new VarBinaryBuilder(DataType.UTF8, allocator, rows)) {
      for (int row = 0; row < rows; row++) {
        if (fixed.isNull(row)) {
          out.appendNull();
          continue;
        }
        long value = TemporalColumns.read(fixed, row);
        if (kind == Kind.DATE) {
          moment.set(value, 0, 0, value * 86_400L);
        } else if (kind == Kind.TIME) {
          moment.set(0, value * nanos, 0, value / unit.perSecond());
        } else {
          long offset = shift.offsetSeconds(value);
          long local = value + offset * unit.perSecond();
          moment.set(
              Math.floorDiv(local, perDay),
              Math.floorMod(local, perDay) * nanos,
              (int) offset,
              Math.floorDiv(value, unit.perSecond()));
        }
        text.setLength(0);
        for (ChronoDirectives.Item item : formatter.items) {
          item.append(moment, text);
        }
        out.append(text.toString());
      }
      return out.build();
    }
  }

  /** Parses {@code format}; fails when a directive is unknown or needs what {@code kind} lacks. */
  static ChronoFormatter compile(String format, Kind kind) {
    List<ChronoDirectives.Item> items = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int position = 0;
    while (position < format.length()) {
      char c = format.charAt(position);
      if (c != '%') {
        literal.append(c);
        position++;
        continue;
      }
      int end = ChronoDirectives.directiveEnd(format, position);
      String directive = end < 0 ? null : format.substring(position, end);
      ChronoDirectives.Item item = directive == null ? null : ChronoDirectives.item(directive);
      if (item == null || !item.supports(kind)) {
        throw new ComputeException(
            "cannot format " + kind.display + " with format '" + format + "'");
      }
      if (!literal.isEmpty()) {
        String text = literal.toString();
        items.add(ChronoDirectives.literal(text));
        literal.setLength(0);
      }
      items.add(item);
      position = end;
    }
    if (!literal.isEmpty()) {
      items.add(ChronoDirectives.literal(literal.toString()));
    }
    return new ChronoFormatter(List.copyOf(items));
  }
}
