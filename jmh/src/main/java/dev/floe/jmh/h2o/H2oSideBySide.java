package dev.floe.jmh.h2o;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.jmh.h2o.H2oQuestions.Question;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Floe's half of {@code scripts/h2o/peers.py}: a long-lived process that loads the h2o Parquet
 * files of one task into memory ({@link Floe#readParquet}) before any timing, casts the string keys
 * Polars casts to {@code pl.Categorical} (groupby id1..id3, join id4..id6) to {@link
 * DataType#CATEGORICAL} unless {@code -Dfloe.h2o.categorical=false} (then they stay Utf8), then answers one question per line of standard input, so the script can alternate Floe, Polars
 * and DuckDB repetition by repetition.
 *
 * <p>Usage: {@code java ... dev.floe.jmh.h2o.H2oSideBySide TASK ROLE=PATH...}, e.g. {@code groupby
 * x=target/h2o/G1_1e7_1e2_0_0.parquet} or {@code join x=... small=... medium=... big=...}. Once
 * loaded it prints {@code ready ROWS} (rows of {@code x}). Each request is a question id ({@code
 * q1}..{@code q10} for groupby, {@code q1}..{@code q5} for join); the answer is one line {@code
 * millis \t rows \t cols \t name=value ...} (the checksum of {@link H2oChecksum}, taken outside the
 * timed region), or {@code error \t message}. {@code quit} or end of input stops. Threads: {@code
 * -Dfloe.threads=N}.
 */
public final class H2oSideBySide {
  private final String task;
  private final Map<String, DataFrame> tables;

  H2oSideBySide(String task, Map<String, DataFrame> tables) {
    this.task = task;
    this.tables = tables;
  }

  public static void main(String[] args) throws java.io.IOException {
    if (args.length < 2) {
      System.err.println("usage: H2oSideBySide groupby|join ROLE=PATH...");
      System.exit(2);
    }
    Map<String, DataFrame> tables = load(args);
    try {
      H2oSideBySide server = new H2oSideBySide(args[0], tables);
      System.out.println("ready " + tables.get("x").height());
      System.out.flush();
      BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = input.readLine(); line != null && !line.strip().equals("quit"); line = input.readLine()) {
        System.out.println(server.answer(line.strip()));
        System.out.flush();
      }
    } finally {
      tables.values().forEach(DataFrame::close);
    }
  }

  /** The string keys peers.py casts to Polars' Categorical, per task. */
  public static List<String> categoricalKeys(String task) {
    return task.equals("groupby") ? List.of("id1", "id2", "id3") : List.of("id4", "id5", "id6");
  }

  /**
   * The tables named on the command line ({@code role=path}), read whole into memory, their
   * {@link #categoricalKeys} cast to categorical when {@code floe.h2o.categorical} is true (the
   * default, as peers.py does for Polars).
   */
  static Map<String, DataFrame> load(String[] args) {
    boolean categorical = Boolean.parseBoolean(System.getProperty("floe.h2o.categorical", "true"));
    Map<String, DataFrame> tables = new LinkedHashMap<>();
    try {
      for (int index = 1; index < args.length; index++) {
        int equals = args[index].indexOf('=');
        if (equals < 1) {
          throw new IllegalArgumentException("expected ROLE=PATH, got " + args[index]);
        }
        DataFrame read = Floe.readParquet(Path.of(args[index].substring(equals + 1)));
        if (categorical) {
          try (DataFrame plain = read) {
            read = withCategoricalKeys(plain, args[0]);
          }
        }
        tables.put(args[index].substring(0, equals), read);
      }
    } catch (RuntimeException failure) {
      tables.values().forEach(DataFrame::close);
      throw failure;
    }
    return tables;
  }

  /**
   * {@code frame} with those of the task's {@link #categoricalKeys} it has cast to categorical (a
   * new frame; {@code frame} stays open and owned by the caller).
   */
  public static DataFrame withCategoricalKeys(DataFrame frame, String task) {
    List<Expr> casts = new ArrayList<>();
    for (String key : categoricalKeys(task)) {
      if (frame.columns().contains(key)) {
        casts.add(Floe.col(key).cast(DataType.CATEGORICAL));
      }
    }
    return casts.isEmpty() ? frame.clone() : frame.withColumns(casts.toArray(Expr[]::new));
  }

  /** Runs one question and formats the answer line. */
  String answer(String id) {
    try {
      Question question = H2oQuestions.find(task, id);
      long start = System.nanoTime();
      DataFrame result = question.query().apply(tables);
      long elapsed = System.nanoTime() - start;
      try (result) {
        return String.format(Locale.ROOT, "%.3f\t%d\t%d\t%s", elapsed / 1e6, result.height(), result.width(),
            H2oChecksum.format(H2oChecksum.of(result, question.measures())));
      }
    } catch (RuntimeException | LinkageError failure) {
      return "error\t" + failure.toString().replace('\n', ' ').replace('\t', ' ');
    }
  }
}
