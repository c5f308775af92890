package dev.floe.jmh;

import dev.floe.DataFrame;
import dev.floe.errors.InvalidOperationException;
import dev.floe.tpch.TpchAnswers;
import dev.floe.tpch.TpchData;
import dev.floe.tpch.TpchOptions;
import dev.floe.tpch.TpchQueries;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The TPC-H queries, warm: each invocation builds query {@code query} and collects it over the
 * Parquet tables of scale factor {@code scale} (read from disk, so from the page cache once warm).
 *
 * <p>Data: generated in setup when missing, into the runner's cache ({@link
 * TpchOptions#defaultData}: {@code ~/.cache/floe/tpch/sf<scale>}), so {@code ./floe tpch} and this
 * benchmark share it. Answers: when the reference answers of the scale exist (directory {@code
 * -Dfloe.tpch.answers=DIR} holding {@code sf<scale>/qNN.parquet}; by default the repository's
 * {@code tpch/src/test/resources/answers} or the team's {@code shared/tpch/answers}, looked for in
 * the working directory and its parents), setup checks the query's answer against them and fails
 * on a difference.
 *
 * <p>All 22 queries are listed. A query not written yet fails clearly in setup (JMH reports the
 * error and goes on with the next parameter) rather than being skipped silently; run the written
 * ones with {@code -p query=1,6}. {@code EveryBenchmarkChecksItsAnswerTest} runs this at scale 0.1
 * and skips (visibly) the queries not written yet.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xmx8g"})
public class TpchBenchmark {
  @Param({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18",
      "19", "20", "21", "22"})
  public int query;

  @Param({"1"})
  public double scale;

  private TpchQuery tpchQuery;
  private TpchTables tables;

  @Setup(Level.Trial)
  public void setUp() {
    tpchQuery = TpchQueries.find(query);
    if (tpchQuery == null) {
      throw new InvalidOperationException("TPC-H Q" + query + " is not written yet (no class "
          + String.format("dev.floe.tpch.queries.Q%02d", query) + "); written: "
          + TpchQueries.all().stream().map(q -> Integer.toString(q.number())).collect(Collectors.joining(","))
          + " (run those with -p query=...)");
    }
    tables = new TpchTables(TpchData.generate(scale, TpchOptions.defaultData(scale)));
    Path answers = answers(scale);
    if (answers != null && Files.isRegularFile(TpchAnswers.referenceFile(answers, query))) {
      try (DataFrame answer = tpchQuery.build(tables).collect()) {
        List<String> differences = TpchAnswers.differences(answer, TpchAnswers.referenceFile(answers, query),
            tpchQuery.ordered());
        if (!differences.isEmpty()) {
          throw new IllegalStateException("TPC-H Q" + query + " at SF" + TpchOptions.scaleName(scale)
              + " differs from " + answers + ": " + String.join("; ", differences));
        }
      }
    }
  }

  @Benchmark
  public long collect() {
    try (DataFrame answer = tpchQuery.build(tables).collect()) {
      return answer.height();
    }
  }

  /** The reference answers of {@code scale}, or null when none are found. */
  static Path answers(double scale) {
    String configured = System.getProperty("floe.tpch.answers");
    String directory = "sf" + TpchOptions.scaleName(scale);
    if (configured != null) {
      return Path.of(configured).resolve(directory);
    }
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      for (Path candidate : List.of(at.resolve("tpch/src/test/resources/answers").resolve(directory),
          at.resolve("shared/tpch/answers").resolve(directory))) {
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }
}
