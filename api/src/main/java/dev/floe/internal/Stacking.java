package dev.floe.internal;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Vertical stacking of frames: new chunked columns over shared chunks, nothing copied. */
public final class Stacking {
  private Stacking() {}

  public static DataFrame vertical(List<DataFrame> frames) {
    if (frames.isEmpty()) {
      throw new InvalidOperationException(
          "cannot concat an empty list of DataFrames; pass at least one");
    }
    List<DataFrame> parts = new ArrayList<>();
    for (DataFrame frame : frames) {
      if (frame.width() > 0 || frame.height() > 0) {
        parts.add(frame);
      }
    }
    if (parts.isEmpty()) {
      return frames.getFirst().clone();
    }
    Schema schema = parts.getFirst().schema();
    for (int index = 1; index < parts.size(); index++) {
      checkSameSchema(schema, parts.get(index).schema(), index);
    }
    List<Series> columns = new ArrayList<>(schema.size());
    try {
      for (int column = 0; column < schema.size(); column++) {
        List<Column> chunks = new ArrayList<>();
        Column anyChunk = null;
        for (DataFrame part : parts) {
          for (Column chunk : part.column(column).chunks()) {
            anyChunk = anyChunk == null ? chunk : anyChunk;
            if (chunk.length() > 0) {
              chunks.add(chunk.share());
            }
          }
        }
        if (chunks.isEmpty() && anyChunk != null) {
          chunks.add(anyChunk.share()); // keep one (empty) chunk so the column has a buffer shape
        }
        Field field = schema.field(column);
        columns.add(Series.fromChunked(field.name(), new ChunkedColumn(field.type(), chunks)));
      }
    } catch (RuntimeException failure) {
      columns.forEach(Series::close);
      throw failure;
    }
    return DataFrame.of(columns);
  }

  /** Throws naming the first difference between the schemas of frame 0 and frame {@code index}. */
  public static void checkSameSchema(Schema expected, Schema actual, int index) {
    String which = index == 1 ? "the frame to stack" : "frame " + index;
    int shared = Math.min(expected.size(), actual.size());
    for (int column = 0; column < shared; column++) {
      Field left = expected.field(column);
      Field right = actual.field(column);
      if (!left.name().equals(right.name()) || !left.type().equals(right.type())) {
        throw new SchemaMismatchException(
            "cannot stack frames with different schemas: column " + column + " is '" + left.name()
                + "' (" + left.type() + ") in the first frame but '" + right.name() + "' ("
                + right.type() + ") in " + which);
      }
    }
    if (expected.size() != actual.size()) {
      throw new SchemaMismatchException(
          "cannot stack frames with different schemas: the first frame has " + expected.size()
              + " columns " + expected.names() + " but " + which + " has " + actual.size() + " "
              + actual.names());
    }
  }
}
