package dev.floe.io.parquet.prune;

import dev.floe.io.scan.KleeneOracle;
import dev.floe.io.scan.ScanPredicate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;

/**
 * Row-at-a-time evaluation of a {@link ScanPredicate} with Polars' semantics (Kleene logic, null
 * for comparisons with null, NaN above every number and equal to itself), written independently of
 * the pruning code so the property test can compare the two; and the writing of test rows.
 */
final class RowOracle {
  /** The property test's columns, in schema order. */
  static final String SCHEMA = """
      message m {
        optional int64 i;
        optional int32 u (INTEGER(32,false));
        optional double d;
        optional binary s (STRING);
        optional fixed_len_byte_array(6) dec (DECIMAL(10,2));
        optional int64 ts (TIMESTAMP(MICROS,true));
        optional boolean b;
      }""";

  private RowOracle() {}

  /** Writes one row (column name to value; absent or null values are left null). */
  static void fill(Map<String, Object> row, Group group) {
    row.forEach((column, value) -> {
      switch (value) {
        case null -> { }
        case Long whole when column.equals("u") -> group.add(column, (int) (long) whole);
        case Long whole -> group.add(column, whole);
        case Double real -> group.add(column, real);
        case String text -> group.add(column, Binary.fromString(text));
        case BigDecimal decimal -> group.add(column, Binary.fromConstantByteArray(
            fixed(decimal.setScale(2).unscaledValue(), 6)));
        case LocalDateTime time -> group.add(column, Math.floorDiv(nanos(time), 1000L));
        case Boolean bool -> group.add(column, bool);
        default -> throw new IllegalArgumentException(value.toString());
      }
    });
  }

  /** TRUE, FALSE or null (Kleene) for {@code predicate} on {@code row}. */
  static Boolean eval(ScanPredicate predicate, Map<String, Object> row) {
    return KleeneOracle.eval(predicate, row, RowOracle::compare);
  }

  /** Orders two values of one column, nulls first. */
  static int order(Object left, Object right) {
    if (left == null || right == null) {
      return Boolean.compare(left != null, right != null);
    }
    return compare(left, right);
  }

  private static int compare(Object value, Object literal) {
    return switch (value) {
      case Double real -> {
        double other = ((Number) literal).doubleValue();
        if (Double.isNaN(real) || Double.isNaN(other)) {
          yield Boolean.compare(Double.isNaN(real), Double.isNaN(other));
        }
        yield real < other ? -1 : real > other ? 1 : 0;
      }
      case Long whole -> exact(whole).compareTo(exact(literal));
      case BigDecimal decimal -> decimal.compareTo(exact(literal));
      case String text -> Arrays.compareUnsigned(text.getBytes(StandardCharsets.UTF_8),
          ((String) literal).getBytes(StandardCharsets.UTF_8));
      case LocalDateTime time -> Long.compare(nanos(time), switch (literal) {
        case LocalDateTime other -> nanos(other);
        case Instant instant -> nanos(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        case LocalDate date -> nanos(date.atStartOfDay());
        default -> throw new IllegalArgumentException(literal.toString());
      });
      case Boolean bool -> Boolean.compare(bool, (Boolean) literal);
      default -> throw new IllegalArgumentException(value.toString());
    };
  }

  private static BigDecimal exact(Object number) {
    return switch (number) {
      case BigDecimal decimal -> decimal;
      case Double real -> new BigDecimal(real);
      case Float real -> new BigDecimal(real);
      default -> BigDecimal.valueOf(((Number) number).longValue());
    };
  }

  private static long nanos(LocalDateTime time) {
    Instant instant = time.toInstant(ZoneOffset.UTC);
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /** Big-endian two's complement of {@code value} in {@code width} bytes. */
  static byte[] fixed(BigInteger value, int width) {
    byte[] minimal = value.toByteArray();
    byte[] out = new byte[width];
    Arrays.fill(out, value.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(minimal, 0, out, width - minimal.length, minimal.length);
    return out;
  }
}
