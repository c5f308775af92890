package dev.floe.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Equality and hashing of the Java values columns hand out, with Polars' notion of equal data:
 * NaN equals NaN, {@code 0.0} equals {@code -0.0}, byte arrays compare by content, decimals by
 * value, lists element by element and structs (maps) field by field in order.
 */
public final class Values {
  private Values() {}

  public static boolean equal(Object left, Object right) {
    if (left == right) {
      return true;
    }
    if (left == null || right == null) {
      return false;
    }
    return switch (left) {
      case Double number when right instanceof Double other -> sameDouble(number, other);
      case Float number when right instanceof Float other -> sameDouble(number, other);
      case byte[] bytes when right instanceof byte[] other -> Arrays.equals(bytes, other);
      case BigDecimal number when right instanceof BigDecimal other -> number.compareTo(other) == 0;
      case List<?> items when right instanceof List<?> other -> equalLists(items, other);
      case Map<?, ?> fields when right instanceof Map<?, ?> other -> equalMaps(fields, other);
      default -> left.equals(right);
    };
  }

  public static int hash(Object value) {
    return switch (value) {
      case null -> 0;
      case Double number -> hashDouble(number);
      case Float number -> hashDouble(number);
      case byte[] bytes -> Arrays.hashCode(bytes);
      case BigDecimal number -> number.stripTrailingZeros().hashCode();
      case List<?> items -> {
        int hash = 1;
        for (Object item : items) {
          hash = 31 * hash + hash(item);
        }
        yield hash;
      }
      case Map<?, ?> fields -> {
        int hash = 1;
        for (Map.Entry<?, ?> entry : fields.entrySet()) {
          hash = 31 * hash + Objects.hashCode(entry.getKey()) * 17 + hash(entry.getValue());
        }
        yield hash;
      }
      default -> value.hashCode();
    };
  }

  private static boolean sameDouble(double left, double right) {
    return left == right || (Double.isNaN(left) && Double.isNaN(right));
  }

  private static int hashDouble(double value) {
    if (Double.isNaN(value)) {
      return 0x7ff80000;
    }
    return value == 0 ? 0 : Double.hashCode(value);
  }

  private static boolean equalLists(List<?> left, List<?> right) {
    if (left.size() != right.size()) {
      return false;
    }
    Iterator<?> rightItems = right.iterator();
    for (Object item : left) {
      if (!equal(item, rightItems.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalMaps(Map<?, ?> left, Map<?, ?> right) {
    if (left.size() != right.size()) {
      return false;
    }
    Iterator<? extends Map.Entry<?, ?>> rightEntries = right.entrySet().iterator();
    for (Map.Entry<?, ?> entry : left.entrySet()) {
      Map.Entry<?, ?> other = rightEntries.next();
      if (!Objects.equals(entry.getKey(), other.getKey())
          || !equal(entry.getValue(), other.getValue())) {
        return false;
      }
    }
    return true;
  }
}
