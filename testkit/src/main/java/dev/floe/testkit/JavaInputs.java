package dev.floe.testkit;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an expected value (as {@code getObject} returns it) into one {@code appendObject} accepts.
 * They agree except for UInt64: {@code getObject} returns the unsigned bits in a {@code Long}, which
 * is negative above 2^63 - 1, while {@code appendObject} wants such values as a {@link BigInteger}.
 */
final class JavaInputs {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private JavaInputs() {}

  static Object toInput(DataType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case DataType.UInt64 t when value instanceof Long bits && bits < 0 ->
          BigInteger.valueOf(bits).add(TWO_TO_64);
      case DataType.ListType list -> listInput(list.valueType(), value);
      case DataType.LargeListType list -> listInput(list.valueType(), value);
      case DataType.FixedSizeListType list -> listInput(list.valueType(), value);
      case DataType.StructType struct -> structInput(struct.fields(), value);
      case DataType.Dictionary dictionary -> toInput(dictionary.valueType(), value);
      default -> value;
    };
  }

  private static Object listInput(DataType valueType, Object value) {
    List<?> list = (List<?>) value;
    List<Object> inputs = new ArrayList<>(list.size());
    for (Object element : list) {
      inputs.add(toInput(valueType, element));
    }
    return Collections.unmodifiableList(inputs);
  }

  private static Object structInput(List<Field> fields, Object value) {
    Map<?, ?> row = (Map<?, ?>) value;
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (Field field : fields) {
      inputs.put(field.name(), toInput(field.type(), row.get(field.name())));
    }
    return Collections.unmodifiableMap(inputs);
  }
}
