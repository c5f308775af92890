package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Layout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Values of a fixed byte width: integers, floats, Decimal128 (16 bytes, little-endian two's
 * complement), Date32, Time64, Timestamp and Duration. Buffers: validity, values.
 *
 * <p>Typed accessors read the raw value at {@code index} regardless of validity (a null slot holds
 * an unspecified value); call the one matching {@link DataType#byteWidth()}.
 */
public final class FixedWidthColumn extends AbstractColumn implements Column {
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private final MemorySegment values;
  private final int width;

  /** Takes ownership of one reference to {@code validity} (nullable) and {@code values}. */
  public FixedWidthColumn(
      DataType type, int offset, int length, int nullCount, Buffer validity, Buffer values) {
    super(type, offset, length, nullCount, List.of(), validity, values);
    this.width = type.byteWidth();
    // byteWidth() is also non-zero for fixed-size binary and dictionaries: check the layout.
    if (type.layout() != Layout.FIXED_WIDTH) {
      close();
      throw new InvalidOperationException(type + " is not a fixed-width type");
    }
    this.values = values.segment();
  }

  /** The values buffer; value {@code i} starts at byte {@code (offset() + i) * byteWidth}. */
  public Buffer valuesBuffer() {
    return buffers().get(1);
  }

  public byte getByte(int index) {
    checkAccess(index);
    return values.get(ValueLayout.JAVA_BYTE, offset + (long) index);
  }

  public short getShort(int index) {
    checkAccess(index);
    return values.get(ValueLayout.JAVA_SHORT_UNALIGNED, (offset + (long) index) << 1);
  }

  public int getInt(int index) {
    checkAccess(index);
    return values.get(ValueLayout.JAVA_INT_UNALIGNED, (offset + (long) index) << 2);
  }

  public long getLong(int index) {
    checkAccess(index);
    return values.get(LONG, (offset + (long) index) << 3);
  }

  public float getFloat(int index) {
    checkAccess(index);
    return values.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (offset + (long) index) << 2);
  }

  public double getDouble(int index) {
    checkAccess(index);
    return values.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (offset + (long) index) << 3);
  }

  /** The low 64 bits of a Decimal128 slot's unscaled value (boxing-free access for kernels). */
  public long getDecimalLow(int index) {
    checkAccess(index);
    return values.get(LONG, (offset + (long) index) << 4);
  }

  /** The high 64 bits (with the sign) of a Decimal128 slot's unscaled value. */
  public long getDecimalHigh(int index) {
    checkAccess(index);
    return values.get(LONG, ((offset + (long) index) << 4) + 8);
  }

  /** The unscaled value of a Decimal128 slot. */
  public BigInteger getUnscaledDecimal(int index) {
    checkAccess(index);
    long byteOffset = (offset + (long) index) << 4;
    long low = values.get(LONG, byteOffset);
    long high = values.get(LONG, byteOffset + 8);
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  @Override
  public FixedWidthColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    Buffer[] retained = retainedBuffers();
    return new FixedWidthColumn(
        type, offset + sliceOffset, sliceLength, nullCountForSlice(sliceOffset, sliceLength),
        retained[0], retained[1]);
  }

  @Override
  public Object getObject(int index) {
    if (isNull(index)) {
      return null;
    }
    return switch (type) {
      case DataType.Int8 t -> getByte(index);
      case DataType.Int16 t -> getShort(index);
      case DataType.Int32 t -> getInt(index);
      case DataType.Int64 t -> getLong(index);
      case DataType.UInt8 t -> (short) Byte.toUnsignedInt(getByte(index));
      case DataType.UInt16 t -> Short.toUnsignedInt(getShort(index));
      case DataType.UInt32 t -> Integer.toUnsignedLong(getInt(index));
      case DataType.UInt64 t -> getLong(index);
      case DataType.Float32 t -> getFloat(index);
      case DataType.Float64 t -> getDouble(index);
      case DataType.Decimal128 decimal -> new BigDecimal(getUnscaledDecimal(index), decimal.scale());
      case DataType.Date32 t -> TemporalConversions.fromDate32(getInt(index));
      case DataType.Time64 time -> TemporalConversions.fromTime64(getLong(index), time.unit());
      case DataType.Timestamp stamp ->
          stamp.timeZone() == null
              ? TemporalConversions.localFromEpoch(getLong(index), stamp.unit())
              : TemporalConversions.zonedFromEpoch(getLong(index), stamp.unit(), stamp.timeZone());
      case DataType.Duration duration ->
          TemporalConversions.fromDuration(getLong(index), duration.unit());
      default -> throw new IllegalStateException("not a fixed-width type: " + type);
    };
  }
}
