package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the components of Java records by name, for struct builders and type inference. The
 * accessors of each record class are looked up once and cached per class.
 */
final class RecordComponents {
  private static final ClassValue<RecordComponents> CACHE =
      new ClassValue<>() {
        @Override
        protected RecordComponents computeValue(Class<?> recordClass) {
          return new RecordComponents(recordClass);
        }
      };

  private final Class<?> recordClass;
  private final List<String> names;
  private final List<Class<?>> types;
  private final Method[] accessors;

  private RecordComponents(Class<?> recordClass) {
    this.recordClass = recordClass;
    RecordComponent[] components = recordClass.getRecordComponents();
    this.names = new ArrayList<>(components.length);
    this.types = new ArrayList<>(components.length);
    this.accessors = new Method[components.length];
    for (int componentIndex = 0; componentIndex < components.length; componentIndex++) {
      RecordComponent component = components[componentIndex];
      names.add(component.getName());
      types.add(component.getType());
      Method accessor = component.getAccessor();
      try {
        // Records declared private or in a non-exported package need this to be read.
        accessor.setAccessible(true);
      } catch (RuntimeException inaccessible) {
        // Keep the public accessor; invoking it reports the problem with the record's name.
      }
      accessors[componentIndex] = accessor;
    }
  }

  /** The components of {@code record}'s class (which must be a record class). */
  static RecordComponents of(Record record) {
    return CACHE.get(record.getClass());
  }

  List<String> names() {
    return names;
  }

  /** Declared component classes, in component order. */
  List<Class<?>> types() {
    return types;
  }

  int size() {
    return accessors.length;
  }

  /** The value of component {@code componentIndex} of {@code record}. */
  Object get(Record record, int componentIndex) {
    try {
      return accessors[componentIndex].invoke(record);
    } catch (IllegalAccessException failure) {
      throw new InvalidOperationException(
          "cannot read component '" + names.get(componentIndex) + "' of record "
              + recordClass.getName() + ": " + failure.getMessage(), failure);
    } catch (InvocationTargetException failure) {
      throw new InvalidOperationException(
          "the accessor of component '" + names.get(componentIndex) + "' of record "
              + recordClass.getName() + " threw " + failure.getCause(), failure.getCause());
    }
  }

  /** The index of the component called {@code name}, or -1. */
  int indexOf(String name) {
    return names.indexOf(name);
  }
}
