package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.json.JsonReadOptions;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON and NDJSON against Polars 1.44.2: {@code src/test/polars/json_interop.py} builds random
 * nested frames (every scalar type Polars writes, lists, structs, lists of structs, nulls at every
 * level), writes them with {@code write_json}/{@code write_ndjson} and reads them back. Floe must
 * read each file to the frame Polars reads (dtypes, inferred struct/list types and values), and,
 * reading the NDJSON with the frame's own schema, write files byte-identical to Polars' own.
 */
@LeakChecked
class JsonInteropTest {
  private static final int CASES = 250;

  @TempDir Path directory;

  @Test
  void readsWhatPolarsWritesAndWritesWhatPolarsWrites() throws Exception {
    Process process = new ProcessBuilder(PolarsPython.executable(),
            Path.of("src/test/polars/json_interop.py").toAbsolutePath().toString(),
            directory.toString(), Integer.toString(CASES), "7")
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("the Polars script failed: %s", output).isZero();
    List<String> mismatches = new ArrayList<>();
    for (int index = 0; index < CASES; index++) {
      Path base = directory.resolve(Integer.toString(index));
      for (String ext : List.of("json", "ndjson")) {
        Path file = Path.of(base + "." + ext);
        String expected = Files.readString(Path.of(file + ".expected"));
        try (DataFrame frame = ext.equals("json") ? Floe.readJson(file) : Floe.readNdjson(file)) {
          String actual = describe(frame);
          if (!actual.equals(expected)) {
            mismatches.add(file + " read:\n  floe:   " + actual + "\n  polars: " + expected
                + "\n  file: " + Files.readString(file));
          }
        }
      }
      Schema schema = schema(Path.of(base + ".schema"));
      JsonReadOptions typed = JsonReadOptions.DEFAULT.withSchema(schema);
      try (DataFrame frame = Floe.readNdjson(Path.of(base + ".ndjson"), typed)) {
        assertThat(frame.schema()).isEqualTo(schema);
        Path ours = directory.resolve("floe-" + index + ".ndjson");
        frame.writeNdjson(ours);
        compareBytes(mismatches, ours, Path.of(base + ".ndjson"));
        Path oursJson = directory.resolve("floe-" + index + ".json");
        frame.writeJson(oursJson);
        compareBytes(mismatches, oursJson, Path.of(base + ".json"));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static void compareBytes(List<String> mismatches, Path ours, Path polars)
      throws Exception {
    String a = Files.readString(ours);
    String b = Files.readString(polars);
    if (!a.equals(b)) {
      mismatches.add(polars + " written:\n  floe:   " + a + "\n  polars: " + b);
    }
  }

  /** One line per column: name TAB dtype TAB values, formatted as the Python script does. */
  static String describe(DataFrame frame) {
    StringBuilder text = new StringBuilder();
    for (Series series : frame.getColumns()) {
      List<String> values = new ArrayList<>();
      series.toList().forEach(value -> values.add(format(value)));
      text.append(escape(series.name())).append('\t').append(series.dtype()).append('\t')
          .append(String.join("|", values)).append('\n');
    }
    return text.toString();
  }

  static String format(Object value) {
    return switch (value) {
      case null -> "null";
      case Boolean bool -> bool ? "True" : "False";
      case Double number -> pythonRepr(number);
      case Float number -> pythonRepr(number.doubleValue());
      case String text -> escape(text);
      case List<?> list -> "[" + String.join(", ", list.stream().map(JsonInteropTest::format).toList()) + "]";
      case Map<?, ?> map -> {
        List<String> entries = new ArrayList<>();
        map.forEach((key, entry) -> entries.add(escape((String) key) + ": " + format(entry)));
        yield "{" + String.join(", ", entries) + "}";
      }
      default -> String.valueOf(value);
    };
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  /** Python's repr of a float: shortest digits, scientific below 1e-4 and from 1e16. */
  static String pythonRepr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    if (Math.abs(value) < Double.MIN_NORMAL) { // Java keeps two digits where one reads back
      for (java.math.RoundingMode mode : java.math.RoundingMode.values()) {
        if (mode == java.math.RoundingMode.UNNECESSARY) {
          continue;
        }
        BigDecimal shorter = exact.round(new java.math.MathContext(1, mode));
        if (Double.parseDouble(shorter.toString()) == Math.abs(value)) {
          exact = shorter.stripTrailingZeros();
          break;
        }
      }
    }
    String digits = exact.unscaledValue().toString();
    int point = digits.length() - exact.scale(); // value = 0.digits * 10^point
    int exponent = point - 1;
    String sign = value < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int magnitude = Math.abs(exponent);
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "")
          + magnitude;
    }
    if (point <= 0) {
      return sign + "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return sign + digits + "0".repeat(point - digits.length()) + ".0";
    }
    return sign + digits.substring(0, point) + "." + digits.substring(point);
  }

  private static Schema schema(Path file) throws Exception {
    List<Field> fields = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      fields.add(Field.of(line.substring(0, tab), new TypeText(line.substring(tab + 1)).type()));
    }
    return new Schema(fields);
  }

  /** Parses the script's type notation: {@code list<i64>}, {@code struct<f0=str,f1=date>}, ... */
  private static final class TypeText {
    private final String text;
    private int pos;

    TypeText(String text) {
      this.text = text;
    }

    DataType type() {
      if (text.startsWith("list<", pos)) {
        pos += 5;
        DataType inner = type();
        pos++; // '>'
        return DataType.ListType.of(inner);
      }
      if (text.startsWith("struct<", pos)) {
        pos += 7;
        List<Field> fields = new ArrayList<>();
        while (text.charAt(pos) != '>') {
          int equals = text.indexOf('=', pos);
          String name = text.substring(pos, equals);
          pos = equals + 1;
          fields.add(Field.of(name, type()));
          if (text.charAt(pos) == ',') {
            pos++;
          }
        }
        pos++;
        return new DataType.StructType(fields);
      }
      int end = pos;
      while (end < text.length() && ",>".indexOf(text.charAt(end)) < 0) {
        end++;
      }
      String word = text.substring(pos, end);
      pos = end;
      String[] parts = word.split(":", -1);
      return switch (parts[0]) {
        case "null" -> DataType.NULL;
        case "bool" -> DataType.BOOLEAN;
        case "i64" -> DataType.INT64;
        case "i32" -> DataType.INT32;
        case "u8" -> DataType.UINT8;
        case "f64" -> DataType.FLOAT64;
        case "f32" -> DataType.FLOAT32;
        case "str" -> DataType.UTF8;
        case "date" -> DataType.DATE32;
        case "time" -> new DataType.Time64(dev.floe.memory.types.TimeUnit.NANOSECOND);
        case "datetime" -> new DataType.Timestamp(unit(parts[1]), parts[2].isEmpty() ? null : parts[2]);
        case "duration" -> new DataType.Duration(unit(parts[1]));
        case "decimal" -> new DataType.Decimal128(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        default -> throw new IllegalArgumentException(word);
      };
    }

    private static dev.floe.memory.types.TimeUnit unit(String name) {
      return switch (name) {
        case "ms" -> dev.floe.memory.types.TimeUnit.MILLISECOND;
        case "us" -> dev.floe.memory.types.TimeUnit.MICROSECOND;
        default -> dev.floe.memory.types.TimeUnit.NANOSECOND;
      };
    }
  }
}
