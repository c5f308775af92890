package dev.floe.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.FloeConfig;
import dev.floe.Series;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakCheckExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random string tables (accents, CJK, emoji, spaces, newlines, nulls, long names; some under
 * narrower widths, fewer rows or shorter strings) printed by Polars 1.44.2
 * ({@code polars-random-tables.txt}), against Floe's layout of the same frames. This exercises
 * comfy-table's column arrangement and wrapping far beyond the hand-written goldens.
 */
@ExtendWith(LeakCheckExtension.class)
class RandomTableLayoutTest {

  @Test
  void matchesPolarsOnRandomTables() throws IOException {
    compare("polars-random-tables.txt");
  }

  /** Random i64, f64, bool, str, date, datetime and list[i64] columns, with nulls. */
  @Test
  void matchesPolarsOnRandomMixedTypeTables() throws IOException {
    compare("polars-random-mixed.txt");
  }

  private static void compare(String resource) throws IOException {
    List<String> mismatches = new ArrayList<>();
    List<List<String>> cases = cases(resource);
    for (List<String> lines : cases) {
      String actual = render(lines);
      String expected = String.join("\n", lines.subList(lines.indexOf("#expected") + 1, lines.size()));
      if (!actual.equals(expected)) {
        mismatches.add(lines.getFirst() + "\nexpected:\n" + expected + "\nactual:\n" + actual);
      }
    }
    assertThat(cases).hasSizeGreaterThan(50);
    assertThat(mismatches).as("%d of %d tables differ", mismatches.size(), cases.size()).isEmpty();
  }

  @SuppressWarnings("try") // the scope is used for its side effect
  private static String render(List<String> lines) {
    DisplayOptions options = DisplayOptions.DEFAULTS;
    for (String setting : lines.getFirst().substring("#case".length()).trim().split(" ")) {
      if (setting.isEmpty()) {
        continue;
      }
      int value = Integer.parseInt(setting.substring(setting.indexOf('=') + 1));
      options = switch (setting.substring(0, setting.indexOf('='))) {
        case "tbl_width_chars" -> options.withTblWidth(value);
        case "tbl_rows" -> options.withTblRows(value);
        case "fmt_str_lengths" -> options.withStrLen(value);
        default -> throw new IllegalArgumentException(setting);
      };
    }
    List<String> names = decodeRow(lines.get(1));
    List<List<Object>> columns = new ArrayList<>();
    names.forEach(name -> columns.add(new ArrayList<>()));
    for (String row : lines.subList(2, lines.indexOf("#expected"))) {
      List<String> values = decodeRow(row);
      for (int column = 0; column < names.size(); column++) {
        columns.get(column).add(values.get(column));
      }
    }
    List<Series> series = new ArrayList<>();
    for (int column = 0; column < names.size(); column++) {
      String name = names.get(column);
      DataType type = typeOf(name);
      List<Object> values = new ArrayList<>();
      for (Object text : columns.get(column)) {
        values.add(text == null ? null : parse((String) text, type));
      }
      series.add(Series.ofList(name, type, values));
    }
    FloeConfig.ConfigOverride override = Floe.config().withTblRows(options.tblRows())
        .withTblWidth(options.tblWidth()).withStrLen(options.strLen());
    try (DataFrame frame = DataFrame.of(series); FloeConfig.Scope scope = override.apply()) {
      return frame.toString();
    }
  }

  /** The mixed-type file names columns {@code i64_0}, {@code list_3}, ...; others are strings. */
  private static DataType typeOf(String name) {
    return switch (name.substring(0, Math.max(0, name.lastIndexOf('_')))) {
      case "i64" -> DataType.INT64;
      case "f64" -> DataType.FLOAT64;
      case "bool" -> DataType.BOOLEAN;
      case "date" -> DataType.DATE32;
      case "datetime" -> new DataType.Timestamp(TimeUnit.MICROSECOND, null);
      case "list" -> DataType.ListType.of(DataType.INT64);
      default -> DataType.UTF8;
    };
  }

  private static Object parse(String text, DataType type) {
    return switch (type) {
      case DataType.Int64 t -> Long.parseLong(text);
      case DataType.Float64 t -> Double.longBitsToDouble(Long.parseUnsignedLong(text, 16));
      case DataType.BooleanType t -> Boolean.parseBoolean(text);
      case DataType.Date32 t -> LocalDate.parse(text);
      case DataType.Timestamp t -> LocalDateTime.parse(text);
      case DataType.ListType t -> text.isEmpty()
          ? List.of()
          : Arrays.stream(text.split(",")).map(Long::parseLong).toList();
      default -> text;
    };
  }

  private static List<String> decodeRow(String line) {
    List<String> values = new ArrayList<>();
    for (String field : line.split("\t", -1)) {
      values.add(field.equals("\\N") ? null : unescape(field));
    }
    return values;
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int index = 0; index < text.length(); index++) {
      char next = text.charAt(index);
      if (next == '\\' && index + 1 < text.length()) {
        char escaped = text.charAt(++index);
        out.append(switch (escaped) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> escaped;
        });
      } else {
        out.append(next);
      }
    }
    return out.toString();
  }

  private static List<List<String>> cases(String resource) throws IOException {
    List<List<String>> cases = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(RandomTableLayoutTest.class.getResourceAsStream(resource)),
        StandardCharsets.UTF_8))) {
      List<String> current = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#case")) {
          current = new ArrayList<>();
          current.add(line);
        } else if (line.equals("#end")) {
          cases.add(current);
        } else if (current != null) {
          current.add(line);
        }
      }
    }
    return cases;
  }
}
