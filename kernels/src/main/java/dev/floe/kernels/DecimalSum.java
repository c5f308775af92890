package dev.floe.kernels;

import dev.floe.errors.ComputeException;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The sum of a Decimal128 column's non-null values, as Polars 1.44 (checked on 1.44.2): exact,
 * with the input's scale; a sum of more than 38 digits fails ("overflow in decimal addition in
 * sum"). Values that fit a {@code long} are added without boxing until the running sum would
 * overflow; the rest is added as {@link BigInteger}s.
 */
final class DecimalSum {
  private static final BigInteger LIMIT = BigInteger.TEN.pow(38);

  private DecimalSum() {}

  static BigDecimal sum(FixedWidthColumn column) {
    DataType.Decimal128 decimal = (DataType.Decimal128) column.type();
    long small = 0;
    BigInteger big = BigInteger.ZERO;
    for (int row = 0; row < column.length(); row++) {
      if (column.isNull(row)) {
        continue;
      }
      long low = column.getDecimalLow(row);
      long high = column.getDecimalHigh(row);
      if (high == low >> 63) {
        long next = small + low;
        if (((small ^ next) & (low ^ next)) >= 0) {
          small = next;
          continue;
        }
      }
      big = big.add(BigInteger.valueOf(high).shiftLeft(64)
          .add(new BigInteger(Long.toUnsignedString(low))));
    }
    BigInteger total = big.add(BigInteger.valueOf(small));
    if (total.abs().compareTo(LIMIT) >= 0) {
      throw new ComputeException(
          "overflow in decimal addition in sum: the sum of " + decimal + " values needs more than"
              + " 38 digits");
    }
    return new BigDecimal(total, decimal.scale());
  }
}
