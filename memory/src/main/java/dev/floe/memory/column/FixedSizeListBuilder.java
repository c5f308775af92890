package dev.floe.memory.column;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.util.List;

/**
 * Builds a {@link FixedSizeListColumn}. Either append Java lists of exactly {@code listSize}
 * values with {@link #appendObject}, or append {@code listSize} values to {@link #values()} and
 * call {@link #appendValid()}. A null list appends {@code listSize} null values to the child, as
 * Arrow requires every slot to own its child values.
 */
public final class FixedSizeListBuilder implements ColumnBuilder {
  private final DataType.FixedSizeListType type;
  private final int listSize;
  private final ValidityBuilder validity;
  private final ColumnBuilder values;
  private int length;

  public FixedSizeListBuilder(DataType.FixedSizeListType type, BufferAllocator allocator) {
    this(type, allocator, Growth.DEFAULT_CAPACITY);
  }

  /** {@code initialCapacity} is accepted for symmetry; the child builder sizes itself. */
  public FixedSizeListBuilder(
      DataType.FixedSizeListType type, BufferAllocator allocator, int initialCapacity) {
    this.type = type;
    this.listSize = type.listSize();
    this.validity = new ValidityBuilder(allocator);
    this.values = ColumnBuilders.forType(type.valueType(), allocator);
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public int length() {
    return length;
  }

  /** The builder of the flattened child values; owned by this builder, do not close it. */
  public ColumnBuilder values() {
    return values;
  }

  /**
   * Ends a valid list after its {@code listSize} values were appended to {@link #values()}.
   *
   * @throws ShapeMismatchException if the child does not hold exactly {@code listSize} more values
   */
  public void appendValid() {
    long expected = (length + 1L) * listSize;
    if (values.length() != expected) {
      throw new ShapeMismatchException(
          "a column of " + type + " needs " + listSize + " values per list: after " + length
              + " lists the values builder should hold " + expected + " values, but it holds "
              + values.length());
    }
    validity.appendValid(length);
    length++;
  }

  @Override
  public void appendNull() {
    for (int valueIndex = 0; valueIndex < listSize; valueIndex++) {
      values.appendNull();
    }
    validity.appendNull(length);
    length++;
  }

  /** Accepts a java.util.List of exactly {@code listSize} values. */
  @Override
  public void appendObject(Object value) {
    switch (value) {
      case null -> appendNull();
      case List<?> list -> {
        if (list.size() != listSize) {
          throw new SchemaMismatchException(
              "a list of " + list.size() + " values does not fit a column of " + type
                  + " (exactly " + listSize + " values each)");
        }
        for (Object element : list) {
          values.appendObject(element);
        }
        appendValid();
      }
      default -> throw ColumnBuilders.mismatch(type, value);
    }
  }

  @Override
  public FixedSizeListColumn build() {
    if (values.length() != (long) length * listSize) {
      throw new ShapeMismatchException(
          "cannot build a column of " + type + ": the values builder holds " + values.length()
              + " values, but " + length + " lists need " + (long) length * listSize
              + " (call appendValid() after each list's values)");
    }
    int nullCount = validity.nullCount();
    int builtLength = length;
    Column children = values.build();
    length = 0;
    return new FixedSizeListColumn(type, 0, builtLength, nullCount, validity.finish(builtLength), children);
  }

  @Override
  public void close() {
    validity.close();
    values.close();
    length = 0;
  }
}
