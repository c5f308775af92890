package dev.floe.io.parquet.prune;

import dev.floe.io.scan.ColumnRange;
import dev.floe.io.scan.ValueKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.ColumnOrder.ColumnOrderName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The {@link ColumnRange} of a top-level column in a row group, read from its column chunk's
 * statistics (parquet-mr's {@code Statistics}, decoded from the footer).
 *
 * <p>Which statistics are trusted: parquet-mr's footer converter already drops min/max it cannot
 * trust (PARQUET-251: binary min/max of writers before 1.8.0, deprecated {@code min}/{@code max}
 * fields whose signed byte-wise order differs from the type's order, min/max under an undefined
 * column order unless equal, and float/double min/max that are NaN), leaving {@code
 * hasNonNullValue() == false}. On top of that, bounds are used only when the column order is
 * {@code TYPE_DEFINED_ORDER} (or {@code IEEE_754_TOTAL_ORDER} for floats), never for INT96,
 * FLOAT16, UUID, INTERVAL or unknown annotations, and
 * float bounds that are NaN are ignored. NaNs are assumed possible in float columns unless the
 * chunk records a NaN count of zero. Null counts are used when set.
 */
final class StatisticsRanges {
  private StatisticsRanges() {}

  /**
   * The range of {@code column} in {@code rowGroup}: all nulls when the file has no such column,
   * unknown when it is not a flat primitive column.
   */
  static ColumnRange of(BlockMetaData rowGroup, MessageType schema, String column) {
    long rows = rowGroup.getRowCount();
    if (!schema.containsField(column)) {
      return ColumnRange.allNull(rows);
    }
    Type field = schema.getType(column);
    if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
      return ColumnRange.unknown(rows);
    }
    ColumnChunkMetaData chunk = chunk(rowGroup, column);
    if (chunk == null) {
      return ColumnRange.unknown(rows);
    }
    PrimitiveType type = field.asPrimitiveType();
    Statistics<?> stats = chunk.getStatistics();
    if (stats == null || stats.isEmpty()) {
      return ColumnRange.unknown(rows);
    }
    long nulls = stats.isNumNullsSet() ? stats.getNumNulls() : -1;
    ValueKind kind = kind(type);
    Function<Object, Object> toKey = kind == null ? null : converter(type);
    boolean floats = kind == ValueKind.FLOAT32 || kind == ValueKind.FLOAT64;
    boolean nanPossible = floats && !(stats.isNanCountSet() && stats.getNanCount() == 0);
    Object min = null;
    Object max = null;
    if (toKey != null && stats.hasNonNullValue() && trustedOrder(type, floats)) {
      min = toKey.apply(stats.genericGetMin());
      max = toKey.apply(stats.genericGetMax());
      if (min == null || max == null) {
        min = null;
        max = null;
      }
    }
    return new ColumnRange(kind, type.toString(), min, max, nulls, rows, nanPossible);
  }

  /**
   * Min/max are bounds in the type's own order, or (floats, parquet-format 2.11+, written by
   * parquet-mr 1.18) in IEEE 754 total order over the non-NaN values, which bounds them the same.
   */
  private static boolean trustedOrder(PrimitiveType type, boolean floats) {
    ColumnOrderName order = type.columnOrder().getColumnOrderName();
    return order == ColumnOrderName.TYPE_DEFINED_ORDER
        || floats && order == ColumnOrderName.IEEE_754_TOTAL_ORDER;
  }

  private static ColumnChunkMetaData chunk(BlockMetaData rowGroup, String column) {
    for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
      String[] path = chunk.getPath().toArray();
      if (path.length == 1 && path[0].equals(column)) {
        return chunk;
      }
    }
    return null;
  }

  /** How values of {@code type} compare, or null when they are not understood. */
  static ValueKind kind(PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> logical == null ? ValueKind.BOOLEAN : null;
      case INT32, INT64 -> switch (logical) {
        case null -> ValueKind.NUMBER;
        case IntLogicalTypeAnnotation i -> ValueKind.NUMBER;
        case DecimalLogicalTypeAnnotation d -> ValueKind.NUMBER;
        case DateLogicalTypeAnnotation d -> ValueKind.TEMPORAL;
        case TimestampLogicalTypeAnnotation t -> ValueKind.TEMPORAL;
        case TimeLogicalTypeAnnotation t -> ValueKind.TIME;
        default -> null;
      };
      case FLOAT -> logical == null ? ValueKind.FLOAT32 : null;
      case DOUBLE -> logical == null ? ValueKind.FLOAT64 : null;
      case BINARY, FIXED_LEN_BYTE_ARRAY -> switch (logical) {
        case null -> ValueKind.STRING;
        case StringLogicalTypeAnnotation s -> ValueKind.STRING;
        case EnumLogicalTypeAnnotation e -> ValueKind.STRING;
        case JsonLogicalTypeAnnotation j -> ValueKind.STRING;
        case DecimalLogicalTypeAnnotation d -> ValueKind.NUMBER;
        default -> null;
      };
      case INT96 -> null;
    };
  }

  /** Turns a statistics value of {@code type} into a key of {@link #kind}; null when unusable. */
  private static Function<Object, Object> converter(PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (logical) {
      case DecimalLogicalTypeAnnotation d -> value -> decimal(value, d.getScale());
      case IntLogicalTypeAnnotation i when !i.isSigned() -> StatisticsRanges::unsigned;
      case DateLogicalTypeAnnotation d ->
          value -> BigInteger.valueOf((Integer) value).multiply(BigInteger.valueOf(86_400_000_000_000L));
      case TimestampLogicalTypeAnnotation t ->
          value -> BigInteger.valueOf((Long) value).multiply(BigInteger.valueOf(nanos(t.getUnit())));
      case TimeLogicalTypeAnnotation t -> value -> ((Number) value).longValue() * nanos(t.getUnit());
      case null, default -> switch (type.getPrimitiveTypeName()) {
        case INT32, INT64 -> value -> BigDecimal.valueOf(((Number) value).longValue());
        case FLOAT, DOUBLE -> value -> Double.isNaN(((Number) value).doubleValue()) ? null
            : ((Number) value).doubleValue();
        case BINARY, FIXED_LEN_BYTE_ARRAY -> value -> ((Binary) value).getBytes();
        case BOOLEAN -> value -> value;
        case INT96 -> null;
      };
    };
  }

  private static Object unsigned(Object value) {
    return value instanceof Integer small ? BigDecimal.valueOf(Integer.toUnsignedLong(small))
        : new BigDecimal(new BigInteger(Long.toUnsignedString((Long) value)));
  }

  private static Object decimal(Object value, int scale) {
    BigInteger unscaled = switch (value) {
      case Integer small -> BigInteger.valueOf(small);
      case Long wide -> BigInteger.valueOf(wide);
      case Binary bytes when bytes.length() > 0 -> new BigInteger(bytes.getBytes());
      default -> null;
    };
    return unscaled == null ? null : new BigDecimal(unscaled, scale);
  }

  private static long nanos(TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> 1_000_000L;
      case MICROS -> 1_000L;
      case NANOS -> 1L;
    };
  }
}
