package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists of exactly {@code listSize} values (Polars' Array). Buffers: validity; one child, the
 * values column, kept whole. List {@code i} is child values {@code [(offset() + i) * listSize, (offset() +
 * i + 1) * listSize)}: a null list still owns its {@code listSize} child slots, as Arrow requires.
 */
public final class FixedSizeListColumn extends AbstractColumn implements Column {
  private final int listSize;
  private final Column values;

  /**
   * Takes ownership of one reference to {@code validity} (nullable) and of {@code values};
   * releases them and throws if the value type or the child length does not fit.
   */
  public FixedSizeListColumn(
      DataType.FixedSizeListType type, int offset, int length, int nullCount, Buffer validity,
      Column values) {
    super(type, offset, length, nullCount, List.of(values), validity);
    this.listSize = type.listSize();
    this.values = values;
    if (!type.valueType().equals(values.type())) {
      close();
      throw new SchemaMismatchException(
          "a column of " + type + " needs values of " + type.valueType() + ", got "
              + values.type());
    }
    long requiredValues = (offset + (long) length) * listSize;
    if (values.length() < requiredValues) {
      close();
      throw new InvalidOperationException(
          "column of " + type + " with offset " + offset + " and length " + length + " needs "
              + requiredValues + " values, but the child has " + values.length());
    }
  }

  /** Values per list. */
  public int listSize() {
    return listSize;
  }

  /** The whole child column (not sliced to this column's rows); do not close it. */
  public Column values() {
    return values;
  }

  /** List {@code index} as an unmodifiable Java list, regardless of this slot's validity. */
  public List<Object> getList(int index) {
    checkAccess(index);
    int start = (offset + index) * listSize;
    List<Object> list = new ArrayList<>(listSize);
    for (int valueIndex = start; valueIndex < start + listSize; valueIndex++) {
      list.add(values.getObject(valueIndex));
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public FixedSizeListColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    Buffer[] retained = retainedBuffers();
    return new FixedSizeListColumn(
        (DataType.FixedSizeListType) type, offset + sliceOffset, sliceLength,
        nullCountForSlice(sliceOffset, sliceLength), retained[0], sharedChildren().get(0));
  }

  @Override
  public Object getObject(int index) {
    return isNull(index) ? null : getList(index);
  }
}
