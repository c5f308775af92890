package dev.floe.io.scan;

import java.math.BigDecimal;
import java.util.List;

/**
 * What is known about one column over a group of rows (a Parquet row group, a hive partition):
 * bounds of its non-null values, its null count and whether NaNs may hide outside the bounds, and
 * the {@link Outcomes} each kind of predicate may take there. Unknown facts are assumed to allow
 * anything, so answers only ever err towards "may match".
 *
 * @param kind how values compare; null when the column's type is not understood (then every
 *     predicate on it may take any value and literals are not checked)
 * @param typeName the column's type as shown in error messages
 * @param min the smallest non-null value as a key of {@code kind}, or null if unknown
 * @param max the largest non-null value as a key of {@code kind}, or null if unknown
 * @param nullCount nulls in the group, or -1 if unknown
 * @param rowCount rows in the group
 * @param nanPossible whether NaN values may occur that the bounds do not cover (floats)
 */
public record ColumnRange(ValueKind kind, String typeName, Object min, Object max, long nullCount,
    long rowCount, boolean nanPossible) {
  private static final BigDecimal EXACT_DOUBLE = new BigDecimal(0x1p53);

  /** A column nothing is known about, over {@code rowCount} rows. */
  public static ColumnRange unknown(long rowCount) {
    return new ColumnRange(null, "unknown", null, null, -1, rowCount, true);
  }

  /** A column missing from the source, which reads as {@code rowCount} nulls. */
  public static ColumnRange allNull(long rowCount) {
    return new ColumnRange(null, "null", null, null, rowCount, rowCount, false);
  }

  /** One exact value (a key of {@code kind}, or null) shared by {@code rowCount} rows. */
  public static ColumnRange exact(ValueKind kind, String typeName, Object value, long rowCount) {
    return new ColumnRange(kind, typeName, value, value, value == null ? rowCount : 0, rowCount, false);
  }

  /** The values {@code column op literal} may take. */
  public Outcomes compare(String column, ScanPredicate.Op op, Object literal) {
    Object key = kind == null ? null : kind.literalKey(column, typeName, literal);
    if (rowCount == 0) {
      return Outcomes.NONE;
    }
    if (allNull()) {
      return Outcomes.NULL;
    }
    Outcomes nonNull = Outcomes.TRUE.union(Outcomes.FALSE);
    if (key != null && boundsKnown()) {
      boolean none = decide(op, kind.compare(min, key), kind.compare(max, key), true);
      boolean all = decide(op, kind.compare(min, key), kind.compare(max, key), false);
      if (lossy(key)) {
        // Polars may compare such integers through f64 (i64 with a u64 literal): prune only if
        // the f64 comparison rules the group out too.
        none &= decide(op, doubleCompare(min, key), doubleCompare(max, key), true);
        all &= decide(op, doubleCompare(min, key), doubleCompare(max, key), false);
      }
      nonNull = new Outcomes(!none, !all, false);
      if (nanPossible) {
        // NaN is above every number and unequal to it: true for !=, >, >=; false otherwise.
        boolean nanTrue = op == ScanPredicate.Op.NE || op == ScanPredicate.Op.GT || op == ScanPredicate.Op.GE;
        nonNull = nonNull.union(nanTrue ? Outcomes.TRUE : Outcomes.FALSE);
      }
    }
    return withNulls(nonNull);
  }

  /**
   * Whether no non-null value ({@code none}) or every one ({@code !none}) satisfies {@code op},
   * given how the minimum and maximum compare with the literal.
   */
  private static boolean decide(ScanPredicate.Op op, int low, int high, boolean none) {
    if (none) {
      return switch (op) {
        case EQ -> low > 0 || high < 0;
        case NE -> low == 0 && high == 0;
        case LT -> low >= 0;
        case LE -> low > 0;
        case GT -> high <= 0;
        case GE -> high < 0;
      };
    }
    return switch (op) {
      case EQ -> low == 0 && high == 0;
      case NE -> low > 0 || high < 0;
      case LT -> high < 0;
      case LE -> high <= 0;
      case GT -> low > 0;
      case GE -> low >= 0;
    };
  }

  /** Numbers beyond 2^53 in magnitude, where an f64 comparison may differ from the exact one. */
  private boolean lossy(Object key) {
    return kind == ValueKind.NUMBER && (big(min) || big(max) || big(key));
  }

  private static boolean big(Object number) {
    return ((BigDecimal) number).abs().compareTo(EXACT_DOUBLE) >= 0;
  }

  private static int doubleCompare(Object left, Object right) {
    return ValueKind.compareFloats(((BigDecimal) left).doubleValue(), ((BigDecimal) right).doubleValue());
  }

  /** The values {@code column is_in values} may take. */
  public Outcomes in(String column, List<Object> values) {
    boolean usable = boundsKnown();
    boolean none = true;
    boolean all = false;
    for (Object value : values) {
      Object key = kind == null ? null : kind.literalKey(column, typeName, value);
      if (key == null || !usable) {
        usable = false;
        continue;
      }
      int low = kind.compare(min, key);
      int high = kind.compare(max, key);
      boolean lossy = lossy(key);
      none &= decide(ScanPredicate.Op.EQ, low, high, true)
          && (!lossy || decide(ScanPredicate.Op.EQ, doubleCompare(min, key), doubleCompare(max, key), true));
      all |= decide(ScanPredicate.Op.EQ, low, high, false)
          && (!lossy || decide(ScanPredicate.Op.EQ, doubleCompare(min, key), doubleCompare(max, key), false));
    }
    if (rowCount == 0) {
      return Outcomes.NONE;
    }
    // is_in of a null is null (polars 1.44; verified), so it stays dropped under Not
    if (allNull()) {
      return Outcomes.NULL;
    }
    Outcomes nonNull = values.isEmpty() ? Outcomes.FALSE
        : usable ? new Outcomes(!none, !all || nanPossible, false)
        : Outcomes.TRUE.union(Outcomes.FALSE);
    return withNulls(nonNull);
  }

  /** The values {@code column is_null} may take. */
  public Outcomes isNull() {
    if (rowCount == 0) {
      return Outcomes.NONE;
    }
    return new Outcomes(nullCount != 0, !allNull(), false);
  }

  /** The values {@code column is_not_null} may take. */
  public Outcomes isNotNull() {
    return isNull().not();
  }

  private boolean allNull() {
    return nullCount >= 0 && nullCount >= rowCount;
  }

  private boolean boundsKnown() {
    return kind != null && min != null && max != null;
  }

  /** Rows with a null in the column evaluate to null (Polars: a comparison with null is null). */
  private Outcomes withNulls(Outcomes nonNull) {
    return nullCount == 0 ? nonNull : nonNull.union(Outcomes.NULL);
  }
}
