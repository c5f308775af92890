package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BoundsChecks;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns of equal length under a {@link Schema}: the unit of data that flows between operators
 * (a morsel) and through Arrow IPC and the C Stream Interface.
 *
 * <p>Invariants: one column per field, in field order; column {@code k} has type
 * {@code schema.field(k).type()} and exactly {@link #rowCount()} rows. The batch owns its columns
 * and closes them on {@link #close()} (idempotent); {@link #slice} returns a new zero-copy batch
 * to close as well.
 */
public final class RecordBatch implements AutoCloseable {
  private final Schema schema;
  private final List<Column> columns;
  private final int rowCount;
  private boolean closed;

  /**
   * Takes ownership of {@code columns}; if they do not match the schema, closes them and throws
   * (SchemaMismatchException for a count or type difference, ShapeMismatchException for a length
   * difference, each naming the column).
   */
  public RecordBatch(Schema schema, List<Column> columns, int rowCount) {
    this.schema = schema;
    this.columns = List.copyOf(columns);
    this.rowCount = rowCount;
    try {
      validate();
    } catch (RuntimeException invalid) {
      this.columns.forEach(Column::close);
      throw invalid;
    }
  }

  private void validate() {
    if (rowCount < 0) {
      throw new ShapeMismatchException("a record batch cannot have " + rowCount + " rows");
    }
    if (columns.size() != schema.size()) {
      throw new SchemaMismatchException(
          "a record batch of schema " + schema + " needs " + schema.size() + " columns, got "
              + columns.size());
    }
    for (int columnIndex = 0; columnIndex < columns.size(); columnIndex++) {
      Field field = schema.field(columnIndex);
      Column column = columns.get(columnIndex);
      if (!column.type().equals(field.type())) {
        throw new SchemaMismatchException(
            "column '" + field.name() + "' of a record batch is of type " + column.type()
                + ", but the schema says " + field.type());
      }
      if (column.length() != rowCount) {
        throw new ShapeMismatchException(
            "column '" + field.name() + "' of a record batch has " + column.length()
                + " rows, but the batch has " + rowCount);
      }
    }
  }

  public Schema schema() {
    return schema;
  }

  /** The columns in schema order; owned by this batch, do not close them. */
  public List<Column> columns() {
    checkOpen();
    return columns;
  }

  public Column column(int index) {
    checkOpen();
    return columns.get(index);
  }

  /** The column called {@code name}; ColumnNotFoundException lists the names if there is none. */
  public Column column(String name) {
    checkOpen();
    return columns.get(schema.indexOf(name));
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columns.size();
  }

  /** A zero-copy batch of rows {@code [offset, offset + length)}; the caller closes it. */
  public RecordBatch slice(int offset, int length) {
    checkOpen();
    BoundsChecks.checkRange(offset, length, rowCount, "record batch");
    List<Column> sliced = new ArrayList<>(columns.size());
    for (Column column : columns) {
      sliced.add(column.slice(offset, length));
    }
    return new RecordBatch(schema, sliced, length);
  }

  /** Bytes referenced by the columns' buffers. */
  public long estimatedSize() {
    long bytes = 0;
    for (Column column : columns) {
      bytes += column.estimatedSize();
    }
    return bytes;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Closes every column. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Column column : columns) {
      column.close();
    }
  }

  @Override
  public String toString() {
    return "RecordBatch[" + rowCount + " rows, " + schema + "]";
  }

  private void checkOpen() {
    if (closed) {
      throw new InvalidOperationException("record batch " + schema + " was used after close()");
    }
  }
}
