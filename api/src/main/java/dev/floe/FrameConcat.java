package dev.floe;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.internal.Stacking;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.expr.Supertypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Floe#concat(List, ConcatHow)}: every {@link ConcatHow} but vertical (which {@link
 * Stacking} does) reshapes each frame to one target schema (casting to supertypes, adding null
 * columns) and stacks the results, sharing buffers wherever no cast or padding was needed.
 */
final class FrameConcat {
  private FrameConcat() {}

  static DataFrame concat(List<DataFrame> frames, ConcatHow how) {
    if (frames.isEmpty()) {
      throw new InvalidOperationException("cannot concat an empty list of DataFrames; pass at least one");
    }
    return switch (how) {
      case VERTICAL -> Stacking.vertical(frames);
      case HORIZONTAL -> horizontal(frames);
      case VERTICAL_RELAXED, DIAGONAL, DIAGONAL_RELAXED -> {
        Schema target = target(frames.stream().map(DataFrame::schema).toList(), how);
        List<DataFrame> reshaped = new ArrayList<>(frames.size());
        try {
          for (DataFrame frame : frames) {
            reshaped.add(reshape(frame, target));
          }
          yield Stacking.vertical(reshaped);
        } finally {
          reshaped.forEach(DataFrame::close);
        }
      }
    };
  }

  /**
   * The schema frames with these schemas stack to: the columns in order of first appearance, each
   * with its one type (or, relaxed, the supertype of its types).
   *
   * @throws SchemaMismatchException naming the column and frame that do not fit
   */
  static Schema target(List<Schema> schemas, ConcatHow how) {
    boolean relaxed = how == ConcatHow.VERTICAL_RELAXED || how == ConcatHow.DIAGONAL_RELAXED;
    Map<String, DataType> types = new LinkedHashMap<>();
    Schema first = schemas.getFirst();
    for (int index = 0; index < schemas.size(); index++) {
      Schema schema = schemas.get(index);
      if (how == ConcatHow.VERTICAL_RELAXED && index > 0 && !schema.names().equals(first.names())) {
        throw new SchemaMismatchException("cannot concat (vertical_relaxed) frames with different "
            + "column names: frame 0 has " + first.names() + " but frame " + index + " has "
            + schema.names());
      }
      for (Field field : schema.fields()) {
        DataType known = types.get(field.name());
        if (known == null) {
          types.put(field.name(), field.type());
          continue;
        }
        DataType merged = relaxed ? Supertypes.of(known, field.type())
            : known.equals(field.type()) ? known : null;
        if (merged == null) {
          throw new SchemaMismatchException("cannot concat (" + how.name().toLowerCase()
              + "): column '" + field.name() + "' is " + field.type() + " in frame " + index
              + " but " + known + " in an earlier frame" + (relaxed ? ", and they have no supertype"
              : "; use a relaxed concat to cast to the supertype"));
        }
        types.put(field.name(), merged);
      }
    }
    List<Field> fields = new ArrayList<>();
    types.forEach((name, type) -> fields.add(Field.of(name, type)));
    return new Schema(fields);
  }

  /** {@code frame} with {@code target}'s columns: its own (cast where needed) and null columns. */
  private static DataFrame reshape(DataFrame frame, Schema target) {
    List<Series> columns = new ArrayList<>(target.size());
    try {
      for (Field field : target.fields()) {
        if (!frame.schema().names().contains(field.name())) {
          columns.add(nulls(field.name(), field.type(), frame.height()));
          continue;
        }
        Series own = frame.column(field.name());
        columns.add(own.dtype().equals(field.type()) ? own : own.cast(field.type()));
      }
    } catch (RuntimeException failure) {
      columns.stream().filter(series -> !series.isBorrowed()).forEach(Series::close);
      throw failure;
    }
    return DataFrame.of(columns);
  }

  private static DataFrame horizontal(List<DataFrame> frames) {
    long height = 0;
    Set<String> names = new HashSet<>();
    for (int index = 0; index < frames.size(); index++) {
      DataFrame frame = frames.get(index);
      height = Math.max(height, frame.height());
      for (String name : frame.columns()) {
        if (!names.add(name)) {
          throw new InvalidOperationException("cannot concat (horizontal): column '" + name
              + "' of frame " + index + " is already a column of an earlier frame");
        }
      }
    }
    List<DataFrame> padded = new ArrayList<>();
    List<Series> columns = new ArrayList<>();
    try {
      for (DataFrame frame : frames) {
        DataFrame full = frame;
        if (frame.height() < height && frame.width() > 0) {
          List<Series> fills = new ArrayList<>();
          for (Field field : frame.schema().fields()) {
            fills.add(nulls(field.name(), field.type(), height - frame.height()));
          }
          try (DataFrame fill = DataFrame.of(fills)) {
            full = Stacking.vertical(List.of(frame, fill));
            padded.add(full);
          }
        }
        columns.addAll(full.getColumns());
      }
      return DataFrame.of(columns);
    } finally {
      padded.forEach(DataFrame::close);
    }
  }

  /** A column of {@code length} nulls. */
  static Series nulls(String name, DataType type, long length) {
    try (ColumnBuilder builder = ColumnBuilders.forType(type, BufferAllocator.current())) {
      for (long row = 0; row < length; row++) {
        builder.appendNull();
      }
      return Series.fromColumn(name, builder.build());
    }
  }

  /** The lazy concat: each input selected into the target schema, then one union. */
  static LazyFrame concatLazy(List<LazyFrame> frames, ConcatHow how) {
    if (frames.isEmpty()) {
      throw new InvalidOperationException("concat needs at least one frame");
    }
    if (how == ConcatHow.HORIZONTAL) {
      throw new InvalidOperationException("a horizontal concat of LazyFrames is not supported; "
          + "collect the frames and concat the DataFrames");
    }
    List<LazyFrame> inputs = frames;
    if (how != ConcatHow.VERTICAL) {
      List<Schema> schemas = frames.stream().map(LazyFrame::collectSchema).toList();
      Schema target = target(schemas, how);
      inputs = new ArrayList<>();
      for (int index = 0; index < frames.size(); index++) {
        Schema schema = schemas.get(index);
        if (schema.size() == 0) {
          continue; // no columns: no rows to add
        }
        List<Expr> exprs = new ArrayList<>();
        for (Field field : target.fields()) {
          if (!schema.names().contains(field.name())) {
            exprs.add(Exprs.lit(null, field.type()).alias(field.name()));
          } else {
            Expr column = Exprs.col(field.name());
            boolean same = schema.field(schema.indexOf(field.name())).type().equals(field.type());
            exprs.add(same ? column : column.cast(field.type()));
          }
        }
        inputs.add(frames.get(index).select(exprs.toArray(Expr[]::new)));
      }
    }
    return new LazyFrame(new dev.floe.planner.plan.Union(inputs.stream().map(LazyFrame::plan).toList()));
  }
}
