package dev.floe.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import dev.floe.tpch.TpchQueries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs every JMH benchmark class once per parameter combination, with its {@code rows} parameter
 * at the smallest value and its {@code scale} parameter (TPC-H) at 0.1, the smallest scale with
 * reference answers: {@code @Setup} (where each benchmark checks its answer), every
 * {@code @Benchmark} method once, then {@code @TearDown} (which closes its allocators and so fails
 * on a leak). A benchmark added later is covered without touching this test. A TPC-H query not
 * written yet is skipped (reported as aborted), since {@link TpchBenchmark} lists all 22.
 */
@LeakChecked
class EveryBenchmarkChecksItsAnswerTest {
  private static final String BLACKHOLE_CONSENT =
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

  @TestFactory
  Stream<DynamicTest> everyBenchmarkRunsAndChecksItsAnswer() throws Exception {
    List<Class<?>> classes = benchmarkClasses();
    assertThat(classes).extracting(Class::getSimpleName)
        .contains("AllocatorBenchmark", "Int64BuilderBenchmark", "CompareBenchmark", "AggregateBenchmark");
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<?> type : classes) {
      for (List<String[]> combination : combinations(paramFields(type))) {
        String name = type.getSimpleName() + combination.stream().map(p -> " " + p[0] + "=" + p[1]).toList();
        tests.add(DynamicTest.dynamicTest(name, () -> runOnce(type, combination)));
      }
    }
    return tests.stream();
  }

  private static void runOnce(Class<?> type, List<String[]> parameters) throws Exception {
    for (String[] parameter : parameters) {
      if (type == TpchBenchmark.class && parameter[0].equals("query")) {
        Assumptions.assumeTrue(TpchQueries.find(Integer.parseInt(parameter[1])) != null,
            "TPC-H Q" + parameter[1] + " is not written yet");
      }
    }
    Object benchmark = type.getDeclaredConstructor().newInstance();
    for (String[] parameter : parameters) {
      Field field = type.getField(parameter[0]);
      field.set(benchmark, convert(field.getType(), parameter[1]));
    }
    invokeAll(benchmark, Setup.class);
    try {
      for (Method method : annotated(type, Benchmark.class)) {
        Object[] arguments = new Object[method.getParameterCount()];
        for (int index = 0; index < arguments.length; index++) {
          arguments[index] = new Blackhole(BLACKHOLE_CONSENT);
        }
        unwrap(() -> method.invoke(benchmark, arguments));
      }
    } finally {
      invokeAll(benchmark, TearDown.class);
    }
  }

  private static void invokeAll(Object benchmark, Class<? extends java.lang.annotation.Annotation> kind)
      throws Exception {
    for (Method method : annotated(benchmark.getClass(), kind)) {
      unwrap(() -> method.invoke(benchmark));
    }
  }

  private interface Invocation {
    Object call() throws ReflectiveOperationException;
  }

  private static void unwrap(Invocation invocation) throws Exception {
    try {
      invocation.call();
    } catch (InvocationTargetException failure) {
      if (failure.getCause() instanceof Exception exception) {
        throw exception;
      }
      throw new AssertionError(failure.getCause());
    }
  }

  private static List<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> kind) {
    return Arrays.stream(type.getMethods())
        .filter(method -> method.isAnnotationPresent(kind))
        .sorted(Comparator.comparing(Method::getName))
        .toList();
  }

  /** Each @Param field with its values; {@code rows} keeps only its smallest value. */
  private static List<List<String[]>> paramFields(Class<?> type) {
    List<List<String[]>> fields = new ArrayList<>();
    for (Field field : type.getFields()) {
      Param param = field.getAnnotation(Param.class);
      if (param == null) {
        continue;
      }
      List<String> values = Arrays.asList(param.value());
      if (field.getName().equals("rows")) {
        values = List.of(values.stream().min(Comparator.comparingLong(Long::parseLong)).orElseThrow());
      } else if (field.getName().equals("scale")) {
        values = List.of("0.1");
      }
      fields.add(values.stream().map(value -> new String[] {field.getName(), value}).toList());
    }
    return fields;
  }

  private static List<List<String[]>> combinations(List<List<String[]>> fields) {
    List<List<String[]>> result = new ArrayList<>();
    result.add(List.of());
    for (List<String[]> choices : fields) {
      List<List<String[]>> next = new ArrayList<>();
      for (List<String[]> prefix : result) {
        for (String[] choice : choices) {
          List<String[]> extended = new ArrayList<>(prefix);
          extended.add(choice);
          next.add(extended);
        }
      }
      result = next;
    }
    return result;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object convert(Class<?> type, String text) {
    if (type == int.class) {
      return Integer.parseInt(text);
    } else if (type == long.class) {
      return Long.parseLong(text);
    } else if (type == double.class) {
      return Double.parseDouble(text);
    } else if (type == boolean.class) {
      return Boolean.parseBoolean(text);
    } else if (type.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) type, text);
    }
    return text;
  }

  private static List<Class<?>> benchmarkClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(AllocatorBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path directory = root.resolve("dev/floe/jmh");
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$") || name.contains("jmhType")) {
          continue;
        }
        Class<?> type = Class.forName("dev.floe.jmh." + name.substring(0, name.length() - 6));
        if (!annotated(type, Benchmark.class).isEmpty()) {
          classes.add(type);
        }
      }
    }
    return classes;
  }
}
