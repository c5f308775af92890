package dev.floe.tpch;

import dev.floe.DataFrame;
import dev.floe.errors.FloeIoException;
import dev.floe.errors.InvalidOperationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs TPC-H queries end to end, the job behind {@code ./floe tpch}: generates the tables of the
 * scale factor on first use (cached in {@link TpchOptions#data()}), runs each query once cold and
 * then {@link TpchOptions#runs()} times warm, prints each answer's first five rows and a timing
 * table, checks each answer against the reference when {@link TpchOptions#answers()} is given, and
 * writes the answers ({@code --output}) and the timings ({@code --json}) when asked. A query that
 * throws is reported ({@code ERROR} in the table) and the others still run.
 */
public final class TpchRunner {
  private TpchRunner() {}

  /**
   * One query's outcome.
   *
   * @param query the query number
   * @param rows the number of rows of its answer
   * @param coldMillis the first run's time (plan, read, compute), in milliseconds
   * @param warmMillis each warm run's time, in milliseconds
   * @param check {@code OK}, {@code DIFF}, {@code no reference}, {@code -} (no answers given) or
   *     {@code ERROR} (the query threw; rows -1, times NaN)
   */
  public record Result(int query, long rows, double coldMillis, double[] warmMillis, String check) {
    /** The median warm time, or the cold time when there were no warm runs. */
    public double warmMedianMillis() {
      if (warmMillis.length == 0) {
        return coldMillis;
      }
      double[] sorted = warmMillis.clone();
      Arrays.sort(sorted);
      int middle = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** True unless the query failed or its answer was checked and differs. */
    public boolean passed() {
      return !check.equals("DIFF") && !check.equals("ERROR");
    }
  }

  /** Runs the queries of {@code options}, printing progress, answers and the table to {@code out}. */
  public static List<Result> run(TpchOptions options, PrintStream out) {
    return run(queries(options.queries()), options, out);
  }

  /** Runs {@code queries} (in place of {@link TpchOptions#queries()}) as {@link #run(TpchOptions, PrintStream)}. */
  static List<Result> run(List<TpchQuery> queries, TpchOptions options, PrintStream out) {
    String scale = TpchOptions.scaleName(options.scale());
    if (!TpchData.generated(options.scale(), options.data())) {
      out.println("generating TPC-H SF" + scale + " into " + options.data() + " (once; cached) ...");
      long start = System.nanoTime();
      TpchData.generate(options.scale(), options.data());
      out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
    TpchTables tables = new TpchTables(options.data());
    if (options.output() != null) {
      createDirectories(options.output());
    }
    List<Result> results = new ArrayList<>();
    for (TpchQuery query : queries) {
      try {
        results.add(runOne(query, tables, options, out));
      } catch (RuntimeException failure) {
        out.printf(Locale.ROOT, "%nQ%02d failed: %s%n", query.number(), failure);
        results.add(new Result(query.number(), -1, Double.NaN, new double[0], "ERROR"));
      }
    }
    out.println();
    out.print(table(results, scale, options.runs()));
    if (options.json() != null) {
      TpchJson.write(options, results);
      out.println("timings written to " + options.json());
    }
    return results;
  }

  private static Result runOne(TpchQuery query, TpchTables tables, TpchOptions options, PrintStream out) {
    String name = String.format(Locale.ROOT, "q%02d", query.number());
    long start = System.nanoTime();
    long rows;
    String check = "-";
    try (DataFrame answer = query.build(tables).collect()) {
      double cold = (System.nanoTime() - start) / 1e6;
      rows = answer.height();
      out.printf(Locale.ROOT, "%n%s: %d rows, cold %.1f ms%n", name.toUpperCase(Locale.ROOT), rows, cold);
      try (DataFrame head = answer.head(5)) {
        out.println(head);
      }
      if (options.answers() != null) {
        check = check(query, answer, options.answers(), out);
      }
      if (options.output() != null) {
        answer.writeParquet(options.output().resolve(name + ".parquet"));
      }
      double[] warm = new double[options.runs()];
      for (int run = 0; run < warm.length; run++) {
        long begin = System.nanoTime();
        try (DataFrame again = query.build(tables).collect()) {
          warm[run] = (System.nanoTime() - begin) / 1e6;
          if (again.height() != rows) {
            throw new IllegalStateException(name + " returned " + again.height() + " rows on warm run "
                + (run + 1) + " but " + rows + " cold");
          }
        }
      }
      return new Result(query.number(), rows, cold, warm, check);
    }
  }

  private static String check(TpchQuery query, DataFrame answer, Path answers, PrintStream out) {
    Path reference = TpchAnswers.referenceFile(answers, query.number());
    if (!Files.isRegularFile(reference)) {
      return "no reference";
    }
    List<String> differences = TpchAnswers.differences(answer, reference, query.ordered());
    if (differences.isEmpty()) {
      return "OK";
    }
    out.println("differs from " + reference + ":");
    differences.forEach(difference -> out.println("  " + difference));
    return "DIFF";
  }

  /** The queries numbered {@code numbers}, or every query present when it is empty. */
  static List<TpchQuery> queries(List<Integer> numbers) {
    if (numbers.isEmpty()) {
      List<TpchQuery> all = TpchQueries.all();
      if (all.isEmpty()) {
        throw new InvalidOperationException("no TPC-H query is written yet (dev.floe.tpch.queries.Q01 to Q22)");
      }
      return all;
    }
    List<TpchQuery> queries = new ArrayList<>();
    for (int number : numbers) {
      TpchQuery query = TpchQueries.find(number);
      if (query == null) {
        throw new InvalidOperationException("--queries: query " + number + " is not written yet; written: "
            + TpchQueries.all().stream().map(q -> Integer.toString(q.number())).collect(Collectors.joining(",")));
      }
      queries.add(query);
    }
    return queries;
  }

  /** The timing table: query, rows, cold ms, warm median ms, answer check, and a total line. */
  static String table(List<Result> results, String scale, int runs) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "TPC-H SF%s, %d warm run%s per query%n", scale, runs, runs == 1 ? "" : "s"));
    text.append(String.format(Locale.ROOT, "%-5s %10s %10s %15s  %s%n", "query", "rows", "cold ms", "warm median ms", "answer"));
    double cold = 0;
    double warm = 0;
    for (Result result : results) {
      if (result.rows() < 0) {
        text.append(String.format(Locale.ROOT, "%-5s %10s %10s %15s  %s%n",
            String.format(Locale.ROOT, "Q%02d", result.query()), "-", "-", "-", result.check()));
        continue;
      }
      text.append(String.format(Locale.ROOT, "%-5s %10d %10.1f %15.1f  %s%n",
          String.format(Locale.ROOT, "Q%02d", result.query()), result.rows(), result.coldMillis(),
          result.warmMedianMillis(), result.check()));
      cold += result.coldMillis();
      warm += result.warmMedianMillis();
    }
    text.append(String.format(Locale.ROOT, "%-5s %10s %10.1f %15.1f%n", "total", "", cold, warm));
    return text.toString();
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException failure) {
      throw new FloeIoException("--output: cannot create " + directory + ": " + failure.getMessage(), failure);
    }
  }
}
