package dev.floe.memory.column;

import dev.floe.memory.types.DataType;
import java.util.List;

/** A column of type null: every value is null and there are no buffers. */
public final class NullColumn extends AbstractColumn implements Column {
  public NullColumn(int length) {
    super(DataType.NULL, 0, length, length, List.of());
  }

  @Override
  public int nullCount() {
    return length;
  }

  @Override
  public boolean isNull(int index) {
    checkAccess(index);
    return true;
  }

  @Override
  public NullColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    return new NullColumn(sliceLength);
  }

  @Override
  public Object getObject(int index) {
    checkAccess(index);
    return null;
  }
}
