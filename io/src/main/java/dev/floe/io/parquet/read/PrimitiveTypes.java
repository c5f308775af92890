package dev.floe.io.parquet.read;

import dev.floe.errors.FloeIoException;
import dev.floe.io.ipc.ArrowSchemaHints.Hint;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The Floe type and value conversion of a primitive Parquet column, as Polars 1.44 reads it
 * (checked against polars.read_parquet): integer annotations give the sized signed/unsigned ints,
 * DECIMAL gives decimal[p, s] on any physical type, TIME gives time (nanoseconds), TIMESTAMP keeps
 * its unit and is "UTC" when adjusted to UTC, INT96 is a nanosecond timestamp, STRING/ENUM/JSON are
 * strings, FLOAT16 is read as f32, other fixed-length byte arrays (UUID too) as binary. An Arrow
 * hint restores a time zone name, a duration, an INT96 unit or a null column.
 */
final class PrimitiveTypes {
  /** A Floe type and the conversion that produces it. */
  record Mapped(DataType type, Conversion conversion) {}

  private static final int ARROW_NULL = 1;
  private static final int ARROW_TIMESTAMP = 10;
  private static final int ARROW_DURATION = 18;

  private PrimitiveTypes() {}

  static Mapped map(PrimitiveType primitive, Hint hint, String where) {
    if (hint != null && hint.typeId() == ARROW_NULL) {
      return new Mapped(DataType.NULL, Conversion.NULL);
    }
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    return switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN -> new Mapped(DataType.BOOLEAN, Conversion.BOOLEAN);
      case INT32 -> int32(logical, where);
      case INT64 -> int64(logical, hint, where);
      case INT96 -> new Mapped(new DataType.Timestamp(int96Unit(hint), hintZone(hint)),
          Conversion.INT96_TO_TIMESTAMP);
      case FLOAT -> new Mapped(DataType.FLOAT32, Conversion.COPY);
      case DOUBLE -> new Mapped(DataType.FLOAT64, Conversion.COPY);
      case FIXED_LEN_BYTE_ARRAY -> {
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
          yield new Mapped(decimal(decimal, where), Conversion.BYTES_TO_DECIMAL);
        }
        if (logical instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation && primitive.getTypeLength() == 2) {
          yield new Mapped(DataType.FLOAT32, Conversion.FLOAT16_TO_FLOAT32);
        }
        yield new Mapped(DataType.BINARY, Conversion.FIXED_TO_BINARY);
      }
      case BINARY -> {
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
          yield new Mapped(decimal(decimal, where), Conversion.BYTES_TO_DECIMAL);
        }
        boolean text = logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
            || (logical == null && hint != null && (hint.typeId() == 5 || hint.typeId() == 20 || hint.typeId() == 24));
        yield new Mapped(text ? DataType.UTF8 : DataType.BINARY, Conversion.BINARY);
      }
    };
  }

  private static Mapped int32(LogicalTypeAnnotation logical, String where) {
    return switch (logical) {
      case IntLogicalTypeAnnotation ints -> switch (ints.getBitWidth()) {
        case 8 -> new Mapped(ints.isSigned() ? DataType.INT8 : DataType.UINT8, Conversion.INT32_TO_8);
        case 16 -> new Mapped(ints.isSigned() ? DataType.INT16 : DataType.UINT16,
            Conversion.INT32_TO_16);
        default -> new Mapped(ints.isSigned() ? DataType.INT32 : DataType.UINT32, Conversion.COPY);
      };
      case DecimalLogicalTypeAnnotation decimal -> new Mapped(decimal(decimal, where), Conversion.INT32_TO_DECIMAL);
      case LogicalTypeAnnotation.DateLogicalTypeAnnotation date -> new Mapped(DataType.DATE32, Conversion.COPY);
      case TimeLogicalTypeAnnotation time when time.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS ->
          new Mapped(new DataType.Time64(TimeUnit.NANOSECOND), Conversion.TIME_MILLIS_TO_NANOS);
      case null, default -> new Mapped(DataType.INT32, Conversion.COPY);
    };
  }

  private static Mapped int64(LogicalTypeAnnotation logical, Hint hint, String where) {
    return switch (logical) {
      case IntLogicalTypeAnnotation ints ->
          new Mapped(ints.isSigned() ? DataType.INT64 : DataType.UINT64, Conversion.COPY);
      case DecimalLogicalTypeAnnotation decimal -> new Mapped(decimal(decimal, where), Conversion.INT64_TO_DECIMAL);
      case TimeLogicalTypeAnnotation time -> new Mapped(new DataType.Time64(TimeUnit.NANOSECOND),
          time.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? Conversion.TIME_MICROS_TO_NANOS : Conversion.COPY);
      case TimestampLogicalTypeAnnotation stamp -> {
        TimeUnit unit = unit(stamp.getUnit());
        String zone = stamp.isAdjustedToUTC() ? "UTC" : null;
        if (zone != null && hint != null && hint.typeId() == ARROW_TIMESTAMP && hint.timeZone() != null
            && !hint.timeZone().isEmpty()) {
          zone = hint.timeZone();
        }
        yield new Mapped(new DataType.Timestamp(unit, zone), Conversion.COPY);
      }
      case null -> hint != null && hint.typeId() == ARROW_DURATION
          ? new Mapped(new DataType.Duration(hintUnit(hint, TimeUnit.MICROSECOND)), Conversion.COPY)
          : new Mapped(DataType.INT64, Conversion.COPY);
      default -> new Mapped(DataType.INT64, Conversion.COPY);
    };
  }

  private static DataType decimal(DecimalLogicalTypeAnnotation decimal, String where) {
    int precision = decimal.getPrecision();
    int scale = decimal.getScale();
    if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
      throw new FloeIoException(where + ": decimal(" + precision + ", " + scale
          + ") is not supported (precision 1..38, scale 0..precision)");
    }
    return new DataType.Decimal128(precision, scale);
  }

  private static TimeUnit unit(LogicalTypeAnnotation.TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> TimeUnit.MILLISECOND;
      case MICROS -> TimeUnit.MICROSECOND;
      case NANOS -> TimeUnit.NANOSECOND;
    };
  }

  private static TimeUnit hintUnit(Hint hint, TimeUnit absent) {
    if (hint == null || (hint.typeId() != ARROW_TIMESTAMP && hint.typeId() != ARROW_DURATION)) {
      return absent;
    }
    return switch (hint.unit()) {
      case 0 -> TimeUnit.SECOND;
      case 1 -> TimeUnit.MILLISECOND;
      case 2 -> TimeUnit.MICROSECOND;
      case 3 -> TimeUnit.NANOSECOND;
      default -> absent;
    };
  }

  /** Polars has no second unit: an INT96 column pyarrow wrote from seconds reads as milliseconds. */
  private static TimeUnit int96Unit(Hint hint) {
    TimeUnit unit = hintUnit(hint, TimeUnit.NANOSECOND);
    return unit == TimeUnit.SECOND ? TimeUnit.MILLISECOND : unit;
  }

  private static String hintZone(Hint hint) {
    return hint != null && hint.typeId() == ARROW_TIMESTAMP && hint.timeZone() != null && !hint.timeZone().isEmpty()
        ? hint.timeZone() : null;
  }
}
