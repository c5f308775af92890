package dev.floe.testkit;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A generated column: its type, the values {@code Column.getObject} must return, and, for a slice,
 * the values around it. {@link #build} appends {@code before + values + after} through the type's
 * builder and returns the zero-copy slice at offset {@code before.size()}, so a sample with padding
 * exercises non-zero offsets (validity bits not byte-aligned, offsets not starting at zero).
 *
 * <p>Lists may contain nulls and are unmodifiable; the caller closes the built column.
 */
public record ColumnSample(DataType type, List<Object> values, List<Object> before, List<Object> after) {

  public ColumnSample {
    values = copy(values);
    before = copy(before);
    after = copy(after);
  }

  /** A sample that is not a slice. */
  public static ColumnSample of(DataType type, List<?> values) {
    return new ColumnSample(type, copy(values), List.of(), List.of());
  }

  public int length() {
    return values.size();
  }

  /** The offset of the slice within the built parent column (0 when not a slice). */
  public int sliceOffset() {
    return before.size();
  }

  public boolean isSlice() {
    return !before.isEmpty() || !after.isEmpty();
  }

  /** The same values without the slice padding. */
  public ColumnSample unsliced() {
    return of(type, values);
  }

  /** Builds the column into {@code allocator}; the caller closes it. */
  public Column build(BufferAllocator allocator) {
    if (!isSlice()) {
      return buildWhole(allocator, type, values);
    }
    List<Object> all = new ArrayList<>(before.size() + values.size() + after.size());
    all.addAll(before);
    all.addAll(values);
    all.addAll(after);
    try (Column whole = buildWhole(allocator, type, all)) {
      return whole.slice(before.size(), values.size());
    }
  }

  /** Builds the column into {@link BufferAllocator#current()}; the caller closes it. */
  public Column build() {
    return build(BufferAllocator.current());
  }

  /** Appends {@code values} one by one through {@link ColumnBuilders#forType}. */
  static Column buildWhole(BufferAllocator allocator, DataType type, List<Object> values) {
    try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
      for (Object value : values) {
        builder.appendObject(JavaInputs.toInput(type, value));
      }
      return builder.build();
    }
  }

  /** Short: the type, length, nulls, slice position and the first values (jqwik prints samples). */
  @Override
  public String toString() {
    long nulls = values.stream().filter(value -> value == null).count();
    StringBuilder text = new StringBuilder("ColumnSample[").append(type)
        .append(", length=").append(values.size()).append(", nulls=").append(nulls);
    if (isSlice()) {
      text.append(", slice of ").append(before.size() + values.size() + after.size())
          .append(" at ").append(before.size());
    }
    text.append(", values=").append(ColumnAssertions.describe(values.subList(0, Math.min(8, values.size()))));
    return text.append(values.size() > 8 ? "...]" : "]").toString();
  }

  private static List<Object> copy(List<?> values) {
    return Collections.unmodifiableList(new ArrayList<>(values));
  }
}
