package dev.floe.kernels.hashing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slow path of grouping for nested and dictionary keys: a value as {@code getObject} returns
 * it, rewritten so that Java's {@code equals}/{@code hashCode} follow key equality at every level
 * (bytes by content, every NaN one NaN, -0.0 as 0.0).
 */
final class DeepValues {
  private DeepValues() {}

  static Object normalize(Object value) {
    return switch (value) {
      case null -> null;
      case Double number when number.isNaN() -> Double.NaN;
      case Double number -> number + 0.0;
      case Float number when number.isNaN() -> Float.NaN;
      case Float number -> number + 0.0f;
      case byte[] bytes -> ByteBuffer.wrap(bytes);
      case List<?> list -> {
        List<Object> normalized = new ArrayList<>(list.size());
        list.forEach(element -> normalized.add(normalize(element)));
        yield normalized;
      }
      case Map<?, ?> map -> {
        Map<Object, Object> normalized = new LinkedHashMap<>();
        map.forEach((key, element) -> normalized.put(key, normalize(element)));
        yield normalized;
      }
      default -> value;
    };
  }
}
