package dev.floe.arrowjava;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.memory.types.DataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/** Roots built by Arrow Java itself, and the Floe frames they must become. */
final class NativeRoots {
  private NativeRoots() {}

  /** {@code rows} rows of id (int64), score (float64), name (utf8) and flag (boolean), with nulls. */
  static VectorSchemaRoot plain(BufferAllocator allocator, long first, int rows) {
    BigIntVector ids = new BigIntVector("id", allocator);
    Float8Vector scores = new Float8Vector("score", allocator);
    VarCharVector names = new VarCharVector("name", allocator);
    BitVector flags = new BitVector("flag", allocator);
    List<FieldVector> vectors = List.of(ids, scores, names, flags);
    vectors.forEach(FieldVector::allocateNew);
    for (int row = 0; row < rows; row++) {
      long id = first + row;
      if (id % 5 == 2) {
        ids.setNull(row);
      } else {
        ids.setSafe(row, id);
      }
      if (id % 6 == 1) {
        scores.setNull(row);
      } else {
        scores.setSafe(row, id * 0.25);
      }
      if (id % 7 == 3) {
        names.setNull(row);
      } else {
        names.setSafe(row, ("name " + id).getBytes(StandardCharsets.UTF_8));
      }
      if (id % 8 == 5) {
        flags.setNull(row);
      } else {
        flags.setSafe(row, id % 3 == 0 ? 1 : 0);
      }
    }
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(rows);
    return root;
  }

  /** The Floe frame equal to {@link #plain}. */
  static DataFrame expected(long first, int rows) {
    Object[][] values = new Object[4][rows];
    for (int row = 0; row < rows; row++) {
      long id = first + row;
      values[0][row] = id % 5 == 2 ? null : id;
      values[1][row] = id % 6 == 1 ? null : id * 0.25;
      values[2][row] = id % 7 == 3 ? null : "name " + id;
      values[3][row] = id % 8 == 5 ? null : id % 3 == 0;
    }
    return DataFrame.of(Series.of("id", DataType.INT64, values[0]),
        Series.of("score", DataType.FLOAT64, values[1]),
        Series.of("name", DataType.UTF8, values[2]),
        Series.of("flag", DataType.BOOLEAN, values[3]));
  }

  /** Arrow IPC stream bytes of {@link #plain} batches of {@code sizes} rows, written by Arrow Java. */
  static byte[] ipc(BufferAllocator allocator, int... sizes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (VectorSchemaRoot root = plain(allocator, 0, 0);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, bytes)) {
      writer.start();
      long first = 0;
      for (int size : sizes) {
        try (VectorSchemaRoot batch = plain(allocator, first, size);
            ArrowRecordBatch unloaded = new VectorUnloader(batch).getRecordBatch()) {
          new VectorLoader(root).load(unloaded);
        }
        writer.writeBatch();
        first += size;
      }
      writer.end();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    return bytes.toByteArray();
  }
}
