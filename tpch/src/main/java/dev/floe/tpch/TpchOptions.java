package dev.floe.tpch;

import dev.floe.errors.InvalidOperationException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link TpchRunner} runs: the scale factor, the queries, where the data is cached, where the
 * answers go, how many warm runs, and where the reference answers are.
 *
 * @param scale the TPC-H scale factor (1 is about 1 GB of text, 6 million lineitem rows)
 * @param queries the query numbers to run, in order; empty means every query present
 * @param data the directory holding (or receiving) the generated Parquet tables
 * @param output the directory each answer is written to as {@code qNN.parquet}, or null
 * @param runs the number of warm runs after the cold one (the median is reported)
 * @param answers the directory of reference answers {@code qNN.parquet} to check against, or null
 * @param json the file per-query timings are written to as JSON, or null
 */
public record TpchOptions(
    double scale, List<Integer> queries, Path data, Path output, int runs, Path answers, Path json) {

  /** The usage text of {@code ./floe tpch}. */
  public static final String USAGE =
      """
      usage: ./floe tpch [--scale 0.1] [--queries 1,3,5] [--data DIR] [--output DIR] [--runs N]
                         [--answers DIR] [--json FILE]
        --scale S      TPC-H scale factor, a positive number (default 1; 0.1 is a quick first run)
        --queries L    comma-separated query numbers 1 to 22 (default: every query written so far)
        --data DIR     where the generated Parquet tables are cached
                       (default ~/.cache/floe/tpch/sf<scale>; generated on first use)
        --output DIR   write each query's answer as DIR/qNN.parquet
        --runs N       warm runs per query after the cold one, 0 or more (default 3)
        --answers DIR  reference answers qNN.parquet of this scale; prints OK or DIFF per query
        --json FILE    write per-query cold and warm times as JSON (for scripts/tpch/peers.py)""";

  public TpchOptions {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new InvalidOperationException("--scale must be a positive number, got " + scale);
    }
    if (runs < 0) {
      throw new InvalidOperationException("--runs must be 0 or more, got " + runs);
    }
    queries = List.copyOf(queries);
    for (int number : queries) {
      if (number < 1 || number > 22) {
        throw new InvalidOperationException("--queries: TPC-H queries are numbered 1 to 22, got " + number);
      }
    }
  }

  /** The defaults at {@code scale}: every query, the cache directory, 3 warm runs, no output. */
  public static TpchOptions defaults(double scale) {
    return new TpchOptions(scale, List.of(), defaultData(scale), null, 3, null, null);
  }

  /** The scale as the directory names write it: {@code 0.1}, {@code 1}, {@code 10}. */
  public static String scaleName(double scale) {
    return new BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString();
  }

  /**
   * The default data directory: {@code $XDG_CACHE_HOME/floe/tpch/sf<scale>}, or {@code
   * ~/.cache/floe/tpch/sf<scale>} — outside the checkout, so it survives {@code mvn clean} and is
   * shared by the runner and the JMH benchmark.
   */
  public static Path defaultData(double scale) {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path root = cache == null || cache.isBlank()
        ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
    return root.resolve("floe").resolve("tpch").resolve("sf" + scaleName(scale));
  }

  /**
   * Parses the arguments after {@code tpch}. Throws {@link InvalidOperationException} naming the
   * flag and the value when one is wrong.
   */
  public static TpchOptions parse(String... args) {
    double scale = 1;
    List<Integer> queries = List.of();
    Path data = null;
    Path output = null;
    int runs = 3;
    Path answers = null;
    Path json = null;
    for (int index = 0; index < args.length; index++) {
      String flag = args[index];
      String value;
      int equals = flag.indexOf('=');
      if (flag.startsWith("--") && equals > 0) {
        value = flag.substring(equals + 1);
        flag = flag.substring(0, equals);
      } else {
        if (!flag.startsWith("--")) {
          throw new InvalidOperationException("unexpected argument '" + flag + "'; options are --scale, "
              + "--queries, --data, --output, --runs, --answers, --json");
        }
        if (index + 1 >= args.length) {
          throw new InvalidOperationException(flag + " needs a value");
        }
        value = args[++index];
      }
      switch (flag) {
        case "--scale" -> scale = number(flag, value, "a positive number such as 0.1, 1 or 10");
        case "--queries" -> queries = queries(value);
        case "--data" -> data = Path.of(value);
        case "--output" -> output = Path.of(value);
        case "--runs" -> runs = (int) whole(flag, value, "a whole number 0 or more such as 3");
        case "--answers" -> answers = Path.of(value);
        case "--json" -> json = Path.of(value);
        default -> throw new InvalidOperationException("unknown option '" + flag + "'; options are --scale, "
            + "--queries, --data, --output, --runs, --answers, --json");
      }
    }
    return new TpchOptions(scale, queries, data == null ? defaultData(scale) : data, output, runs, answers, json);
  }

  private static double number(String flag, String value, String valid) {
    try {
      double number = Double.parseDouble(value);
      if (number > 0 && Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InvalidOperationException(flag + " '" + value + "' is not valid; use " + valid);
  }

  private static long whole(String flag, String value, String valid) {
    try {
      long number = Long.parseLong(value.strip());
      if (number >= 0 && number <= Integer.MAX_VALUE) {
        return number;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InvalidOperationException(flag + " '" + value + "' is not valid; use " + valid);
  }

  private static List<Integer> queries(String value) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String text = part.strip().toLowerCase(java.util.Locale.ROOT);
      if (text.startsWith("q")) {
        text = text.substring(1);
      }
      int number;
      try {
        number = Integer.parseInt(text);
      } catch (NumberFormatException notNumber) {
        number = -1;
      }
      if (number < 1 || number > 22) {
        throw new InvalidOperationException("--queries '" + value + "' is not valid: '" + part.strip()
            + "' is not a query; use numbers 1 to 22 separated by commas, such as 1,3,5 or q6");
      }
      if (!numbers.contains(number)) {
        numbers.add(number);
      }
    }
    return numbers;
  }
}
