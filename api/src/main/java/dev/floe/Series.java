package dev.floe;

import dev.floe.errors.InvalidOperationException;
import dev.floe.format.SeriesFormatter;
import dev.floe.internal.Ranges;
import dev.floe.internal.SeriesFactory;
import dev.floe.internal.UnclosedRelease;
import dev.floe.internal.Values;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named, typed column of values: Polars' {@code Series}. The values live off-heap in Arrow-layout
 * chunks ({@link ChunkedColumn}); a series is immutable and every operation returns a new series.
 *
 * <p>Ownership: a series holds references to its buffers and must be closed. {@link #head},
 * {@link #slice}, {@link #rename} and the like return new series that share the same buffers
 * without copying; each must be closed on its own, in any order. Series obtained from
 * {@link DataFrame#column(String)} are borrowed views owned by their frame: closing them does
 * nothing and they are valid while the frame is open ({@link #share()} gives one of your own).
 * Factories allocate from {@link BufferAllocator#current()}.
 *
 * <p>Values come and go as the Java objects described in {@link Column#getObject(int)}:
 * {@code Long} for {@code i64}, {@code String} for {@code str}, {@code LocalDate} for {@code date},
 * {@code List} for lists, {@code Map} for structs, null for a missing value.
 */
public final class Series implements AutoCloseable {
  private final String name;
  private final ChunkedColumn data;
  private final boolean borrowed;
  /** Owned series: releases {@code data} on close, or when this series is garbage collected. */
  private final UnclosedRelease.Handle release;
  /** Borrowed views: the owner, kept reachable so the collector cannot release it under the view. */
  private final Object owner;

  private Series(String name, ChunkedColumn data, boolean borrowed, Object owner) {
    this.name = Objects.requireNonNull(name, "name");
    this.data = Objects.requireNonNull(data, "data");
    this.borrowed = borrowed;
    this.owner = owner;
    this.release = borrowed ? null : UnclosedRelease.register(this, data, name);
  }

  private Series(String name, ChunkedColumn data, boolean borrowed) {
    this(name, data, borrowed, null);
  }

  // ---- factories ----

  /**
   * A series of Java values with the type inferred as Polars infers it ({@code Long} → {@code i64},
   * {@code String} → {@code str}, mixed {@code Integer} and {@code Double} → {@code f64}, ...);
   * nulls are missing values and an all-null series has the {@code null} type.
   *
   * @throws dev.floe.errors.SchemaMismatchException when the values have no common type
   */
  public static Series of(String name, Object... values) {
    return ofList(name, values == null ? Arrays.asList((Object) null) : Arrays.asList(values));
  }

  /**
   * A series of Java values stored as {@code type}.
   *
   * <p>Java picks this overload for {@code Series.of("a", null, 2L)}; a null {@code type} is
   * therefore taken as the first value (a missing one), and the type is inferred.
   */
  public static Series of(String name, DataType type, Object... values) {
    if (type == null) {
      List<Object> all = new ArrayList<>();
      all.add(null);
      all.addAll(values == null ? Arrays.asList((Object) null) : Arrays.asList(values));
      return ofList(name, all);
    }
    List<Object> list = values == null ? Arrays.asList((Object) null) : Arrays.asList(values);
    return ofList(name, type, list);
  }

  /** A series of the values of a Java list (one row per element), type inferred. */
  public static Series ofList(String name, List<?> values) {
    return fromColumn(name, SeriesFactory.column(values));
  }

  /** A series of the values of a Java list stored as {@code type}. */
  public static Series ofList(String name, DataType type, List<?> values) {
    return fromColumn(name, SeriesFactory.column(type, values));
  }

  public static Series ofLongs(String name, long... values) {
    return fromColumn(name, SeriesFactory.longs(values));
  }

  public static Series ofInts(String name, int... values) {
    return fromColumn(name, SeriesFactory.ints(values));
  }

  public static Series ofDoubles(String name, double... values) {
    return fromColumn(name, SeriesFactory.doubles(values));
  }

  public static Series ofBooleans(String name, boolean... values) {
    return fromColumn(name, SeriesFactory.booleans(values));
  }

  /** A {@code str} series; null elements are missing values. */
  public static Series ofStrings(String name, String... values) {
    return of(name, DataType.UTF8, (Object[]) values);
  }

  /** A {@code date} series; null elements are missing values. */
  public static Series ofDates(String name, LocalDate... values) {
    return of(name, DataType.DATE32, (Object[]) values);
  }

  /** A {@code datetime[μs]} series without time zone; null elements are missing values. */
  public static Series ofDateTimes(String name, LocalDateTime... values) {
    return of(name, SeriesFactory.MICROS, (Object[]) values);
  }

  /** A series over {@code column}, which it takes ownership of (close the series, not it). */
  public static Series fromColumn(String name, Column column) {
    return new Series(name, ChunkedColumn.of(column), false);
  }

  /** A series over {@code chunks}, which it takes ownership of. */
  public static Series fromChunked(String name, ChunkedColumn chunks) {
    return new Series(name, chunks, false);
  }

  /** A borrowed view of {@code owner}'s data that keeps {@code owner} reachable. */
  static Series borrowed(Series owner) {
    return new Series(owner.name, owner.data, true, owner);
  }

  // ---- properties ----

  public String name() {
    return name;
  }

  public DataType dtype() {
    return data.type();
  }

  /** The number of values. */
  public long len() {
    return data.length();
  }

  public long nullCount() {
    return data.nullCount();
  }

  public boolean isEmpty() {
    return data.length() == 0;
  }

  /** True for a view owned by a frame (see the class comment). */
  public boolean isBorrowed() {
    return borrowed;
  }

  /** The value at {@code index} (negative counts from the end: -1 is the last), or null. */
  public Object get(long index) {
    return data.getObject(Ranges.index(data.length(), index, "series '" + name + "'"));
  }

  /** True if the value at {@code index} is missing. */
  public boolean isNull(long index) {
    return data.isNull(Ranges.index(data.length(), index, "series '" + name + "'"));
  }

  /**
   * All values as a Java list (nulls included), each as {@link
   * dev.floe.memory.column.Column#getObject} gives it. A u64 value is a {@code Long} holding the
   * unsigned bits, as Arrow Java's {@code UInt8Vector.getObject}: one class per type, no boxing to
   * BigInteger; a value above {@code Long.MAX_VALUE} reads as negative, so print it with {@link
   * Long#toUnsignedString(long)} and compare it with {@link Long#compareUnsigned}. Builders accept
   * both such Longs and BigIntegers up to 2^64 - 1.
   */
  public List<Object> toList() {
    long length = data.length();
    if (length > Integer.MAX_VALUE - 8) {
      throw new InvalidOperationException(
          "series '" + name + "' of " + length + " values is too long for a Java list");
    }
    List<Object> values = new ArrayList<>((int) length);
    for (long row = 0; row < length; row++) {
      values.add(data.getObject(row));
    }
    return values;
  }

  /** The chunks, borrowed: valid while this series is open; do not close them. */
  public List<Column> chunks() {
    return data.chunks();
  }

  /** The underlying chunked column, borrowed: valid while this series is open; do not close it. */
  public ChunkedColumn column() {
    return data;
  }

  /** Bytes held by the buffers this series references. */
  public long estimatedSize() {
    return data.estimatedSize();
  }

  // ---- derived series (each shares buffers and must be closed) ----

  /** The first 5 values. */
  public Series head() {
    return head(5);
  }

  /** The first {@code count} values; a negative count means all but the last {@code -count}. */
  public Series head(long count) {
    Ranges.Range range = Ranges.head(len(), count);
    return slice(range.start(), range.length());
  }

  /** The last 5 values. */
  public Series tail() {
    return tail(5);
  }

  /** The last {@code count} values; a negative count means all but the first {@code -count}. */
  public Series tail(long count) {
    Ranges.Range range = Ranges.tail(len(), count);
    return slice(range.start(), range.length());
  }

  /**
   * {@code length} values from {@code offset}, without copying. As in Polars, a negative offset
   * counts from the end and a range past the end is clipped.
   */
  public Series slice(long offset, long length) {
    Ranges.Range range = Ranges.slice(len(), offset, length);
    return new Series(name, data.slice(range.start(), range.length()), false);
  }

  /** The values from {@code offset} to the end. */
  public Series slice(long offset) {
    return slice(offset, Long.MAX_VALUE);
  }

  /** The same values under another name. */
  public Series rename(String newName) {
    return new Series(newName, data.share(), false);
  }

  /** Polars' name for {@link #rename}. */
  public Series alias(String newName) {
    return rename(newName);
  }

  /** A new handle on the same values that you own (and close), even if this one is borrowed. */
  public Series share() {
    return new Series(name, data.share(), false);
  }

  /** The same values in one contiguous chunk (copied only if there are several chunks). */
  public Series rechunk() {
    if (data.chunks().size() == 1) {
      return share();
    }
    return fromColumn(name, data.rechunk(BufferAllocator.current()));
  }

  // ---- expression operations (see SeriesExpressions) ----

  /** The values sorted ascending, nulls first (stable). */
  public Series sort() {
    return sort(false, false);
  }

  /** The values sorted; NaN sorts after every number, as in Polars. */
  public Series sort(boolean descending, boolean nullsLast) {
    return SeriesExpressions.sort(this, descending, nullsLast);
  }

  /** The values where {@code mask} (a bool series of the same length) is true. */
  public Series filter(Series mask) {
    return SeriesExpressions.filter(this, mask);
  }

  /** A strict cast to {@code type}. */
  public Series cast(DataType type) {
    return SeriesExpressions.apply(this, values -> values.cast(type));
  }

  /** Nulls replaced by {@code value} (the type widens as Polars' supertypes say). */
  public Series fillNull(Object value) {
    return SeriesExpressions.apply(this, values -> values.fillNull(value));
  }

  /** The distinct values (null, NaN and 0.0 once each), in order of first appearance. */
  public Series unique() {
    return SeriesExpressions.apply(this, values -> values.unique(true));
  }

  /** The values without the nulls. */
  public Series dropNulls() {
    try (Series valid = isNotNull()) {
      return filter(valid);
    }
  }

  public Series isNull() {
    return SeriesExpressions.apply(this, Expr::isNull);
  }

  public Series isNotNull() {
    return SeriesExpressions.apply(this, Expr::isNotNull);
  }

  /** The sum (0 for no values; small integers sum as i64, booleans count trues). */
  public Object sum() {
    return SeriesExpressions.reduce(this, Expr::sum);
  }

  /** The mean of the non-null values, or null. */
  public Double mean() {
    Object mean = SeriesExpressions.reduce(this, Expr::mean);
    return mean == null ? null : ((Number) mean).doubleValue();
  }

  public Object min() {
    return SeriesExpressions.reduce(this, Expr::min);
  }

  public Object max() {
    return SeriesExpressions.reduce(this, Expr::max);
  }

  // ---- object methods ----

  /** Equal when the names, types and values are; NaN equals NaN. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Series that)
        || !name.equals(that.name)
        || !dtype().equals(that.dtype())
        || len() != that.len()) {
      return false;
    }
    for (long row = 0; row < len(); row++) {
      if (!Values.equal(data.getObject(row), that.data.getObject(row))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = name.hashCode() * 31 + dtype().hashCode();
    long sampled = Math.min(len(), 1_000);
    for (long row = 0; row < sampled; row++) {
      hash = hash * 31 + Values.hash(data.getObject(row));
    }
    return hash * 31 + Long.hashCode(len());
  }

  /** Polars' text: {@code shape: (3,)}, {@code Series: 'a' [i64]}, the values between brackets. */
  @Override
  public String toString() {
    if (data.isClosed()) {
      return "Series: '" + name + "' [closed]";
    }
    return SeriesFormatter.format(
        name, dtype(), len(), data::getObject, FloeConfig.INSTANCE.current());
  }

  /** Releases this handle's buffers; does nothing for a borrowed view. Idempotent. */
  @Override
  public void close() {
    if (!borrowed) {
      release.close();
    }
  }
}
