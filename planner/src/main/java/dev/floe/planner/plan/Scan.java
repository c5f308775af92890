package dev.floe.planner.plan;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link ScanSource}, with what the optimizer pushed into it: the columns to read
 * ({@code projection}, null for all, in the order given), a predicate rows must satisfy ({@code
 * predicate}, null for none; the scan applies it, and a source that {@link
 * ScanSource#prunesByPredicate prunes} also skips data with it) and the first {@code limit} rows
 * after that (null for all).
 */
public record Scan(ScanSource source, List<String> projection, Expr predicate, Long limit)
    implements LogicalPlan {
  public Scan {
    if (projection != null) {
      projection = List.copyOf(projection);
    }
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("scan limit " + limit + " is negative");
    }
  }

  /** All of {@code source}, nothing pushed. */
  public static Scan of(ScanSource source) {
    return new Scan(source, null, null, null);
  }

  @Override
  public Schema schema() {
    Schema full = source.schema();
    if (projection == null) {
      return full;
    }
    List<Field> fields = new ArrayList<>(projection.size());
    for (String name : projection) {
      if (!full.contains(name)) {
        throw new ColumnNotFoundException(name, full.names());
      }
      fields.add(full.field(name));
    }
    return new Schema(fields, full.metadata());
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of();
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    if (!inputs.isEmpty()) {
      throw new IllegalArgumentException("a scan takes no input, got " + inputs.size());
    }
    return this;
  }

  public Scan withProjection(List<String> columns) {
    return new Scan(source, columns, predicate, limit);
  }

  public Scan withPredicate(Expr condition) {
    return new Scan(source, projection, condition, limit);
  }

  public Scan withLimit(Long rows) {
    return new Scan(source, projection, predicate, rows);
  }
}
