package dev.floe.testing;

import dev.floe.internal.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Value comparison for the assertions: float tolerance, numeric equality across types, order. */
final class ValueComparison {
  private ValueComparison() {}

  static boolean matches(Object actual, Object expected, AssertFrameOptions options) {
    if (actual == null || expected == null) {
      return actual == expected;
    }
    if (actual instanceof Number left && expected instanceof Number right) {
      return numbersMatch(left, right, options);
    }
    if (actual instanceof List<?> left && expected instanceof List<?> right) {
      if (left.size() != right.size()) {
        return false;
      }
      Iterator<?> rightItems = right.iterator();
      for (Object item : left) {
        if (!matches(item, rightItems.next(), options)) {
          return false;
        }
      }
      return true;
    }
    if (actual instanceof Map<?, ?> left && expected instanceof Map<?, ?> right) {
      if (!List.copyOf(left.keySet()).equals(List.copyOf(right.keySet()))) {
        return false;
      }
      for (Map.Entry<?, ?> entry : left.entrySet()) {
        if (!matches(entry.getValue(), right.get(entry.getKey()), options)) {
          return false;
        }
      }
      return true;
    }
    return Values.equal(actual, expected);
  }

  private static boolean numbersMatch(Number actual, Number expected, AssertFrameOptions options) {
    boolean floating = isFloating(actual) || isFloating(expected);
    if (floating) {
      double left = actual.doubleValue();
      double right = expected.doubleValue();
      if (Double.isNaN(left) || Double.isNaN(right)) {
        return Double.isNaN(left) && Double.isNaN(right);
      }
      if (left == right) {
        return true;
      }
      if (options.checkExact() || Double.isInfinite(left) || Double.isInfinite(right)) {
        return false;
      }
      return Math.abs(left - right) <= options.atol() + options.rtol() * Math.abs(right);
    }
    return decimal(actual).compareTo(decimal(expected)) == 0;
  }

  private static boolean isFloating(Number number) {
    return number instanceof Double || number instanceof Float;
  }

  private static BigDecimal decimal(Number number) {
    return switch (number) {
      case BigDecimal big -> big;
      case BigInteger big -> new BigDecimal(big);
      default -> BigDecimal.valueOf(number.longValue());
    };
  }

  /** A total order over row values, for sorting rows before a multiset comparison. */
  static int compare(Object left, Object right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : -1) : 1;
    }
    if (left instanceof Number a && right instanceof Number b) {
      if (isFloating(a) || isFloating(b)) {
        return Double.compare(a.doubleValue(), b.doubleValue());
      }
      return decimal(a).compareTo(decimal(b));
    }
    if (left instanceof byte[] a && right instanceof byte[] b) {
      return Arrays.compareUnsigned(a, b);
    }
    if (left instanceof List<?> a && right instanceof List<?> b) {
      return compareRows(a, b);
    }
    if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
      return compareRows(List.copyOf(a.values()), List.copyOf(b.values()));
    }
    if (left instanceof Comparable<?> && left.getClass() == right.getClass()) {
      @SuppressWarnings("unchecked")
      Comparable<Object> comparable = (Comparable<Object>) left;
      return comparable.compareTo(right);
    }
    return Objects.toString(left).compareTo(Objects.toString(right));
  }

  static int compareRows(List<?> left, List<?> right) {
    for (int index = 0; index < Math.min(left.size(), right.size()); index++) {
      int order = compare(left.get(index), right.get(index));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.size(), right.size());
  }
}
