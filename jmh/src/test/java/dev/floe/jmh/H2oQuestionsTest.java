package dev.floe.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.jmh.h2o.H2oChecksum;
import dev.floe.jmh.h2o.H2oQuestions;
import dev.floe.jmh.h2o.H2oQuestions.Question;
import dev.floe.jmh.h2o.H2oSideBySide;
import dev.floe.testkit.LeakChecked;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Floe's 15 h2o questions ({@link H2oQuestions}) against Polars' ({@code scripts/h2o/questions.py})
 * on the same small files, written by {@code scripts/h2o/datagen.py}: the answers' shapes and
 * checksums ({@link H2oChecksum}, as {@code peers.py} computes them) must agree, floats to a
 * relative 1e-9 (most agree exactly), with Floe's string keys as read and cast to categorical (as
 * the side-by-side harness runs them by default). Also checks the checksum's exact float sum against
 * {@code math.fsum}.
 */
@LeakChecked
class H2oQuestionsTest {
  private static final String SCRIPT = """
      import sys
      from pathlib import Path
      root = Path(sys.argv[1])
      sys.path[:0] = [str(root / 'scripts' / 'h2o'), str(root / 'scripts')]
      import datagen, peers, questions
      data, rows = Path(sys.argv[2]), 20000
      tasks = {'groupby': (questions.GROUPBY, {'x': datagen.ensure_groupby(data, rows, 100)}),
               'join': (questions.JOIN, datagen.ensure_join(data, rows))}
      for task, (qs, paths) in tasks.items():
          for role, path in paths.items():
              print('path', task, role, path)
          engine = peers.PolarsEngine(paths, [])
          for qid, title, measures, query, sql in qs:
              shape = engine.run(qid, query, sql, task == 'groupby')
              sums = engine.checksum(measures)
              print('answer', task, qid, shape[0], shape[1], ' '.join(f'{k}={v!r}' for k, v in sums.items()))
      import math
      print('fsum', repr(math.fsum([0.1] * 10 + [1e100, 1.0, -1e100, 1e-300, 3.3333333333333335, -7.5])))
      """;

  @TempDir Path directory;

  @Test
  void floeAnswersTheH2oQuestionsAsPolarsDoes() throws Exception {
    List<String> lines = runPolars();
    Map<String, Map<String, Path>> paths = new LinkedHashMap<>();
    List<String> differences = new ArrayList<>();
    int answers = 0;
    for (String line : lines) {
      String[] parts = line.split(" ", 6);
      switch (parts[0]) {
        case "path" -> paths.computeIfAbsent(parts[1], task -> new LinkedHashMap<>()).put(parts[2], Path.of(parts[3]));
        case "answer" -> {
          answers++;
          String polars = parts[3] + " " + parts[4] + " " + (parts.length > 5 ? parts[5] : "");
          for (boolean categorical : new boolean[] {false, true}) {
            String floe = floeAnswer(parts[1], parts[2], paths.get(parts[1]), categorical);
            if (!agree(floe, polars)) {
              differences.add(parts[1] + " " + parts[2] + (categorical ? " (categorical keys)" : "") + ": floe "
                  + floe + " | polars " + polars);
            }
          }
        }
        case "fsum" -> assertThat(H2oChecksum.fsum(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 1e100, 1.0,
            -1e100, 1e-300, 3.3333333333333335, -7.5)).isEqualTo(Double.parseDouble(parts[1]));
        default -> { }
      }
    }
    assertThat(answers).isEqualTo(15);
    assertThat(differences).isEmpty();
  }

  private List<String> runPolars() throws Exception {
    Path root = Files.isDirectory(Path.of("scripts", "h2o")) ? Path.of("") : Path.of("..");
    Path script = directory.resolve("h2o_polars.py");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(BenchPython.executable(), script.toString(),
        root.toAbsolutePath().normalize().toString(), directory.resolve("data").toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("the Polars script failed: %s", output).isZero();
    return output.lines().toList();
  }

  /**
   * {@code rows cols name=value ...} of Floe's answer to one question over freshly read files, with
   * the string keys as read or cast to categorical as {@code H2oSideBySide} does by default.
   */
  private static String floeAnswer(String task, String id, Map<String, Path> paths, boolean categorical) {
    Map<String, DataFrame> tables = new LinkedHashMap<>();
    try {
      paths.forEach((role, path) -> {
        try (DataFrame read = Floe.readParquet(path)) {
          tables.put(role, categorical ? H2oSideBySide.withCategoricalKeys(read, task) : read.clone());
        }
      });
      Question question = H2oQuestions.find(task, id);
      try (DataFrame answer = question.query().apply(tables)) {
        return answer.height() + " " + answer.width() + " "
            + H2oChecksum.format(H2oChecksum.of(answer, question.measures()));
      }
    } finally {
      tables.values().forEach(DataFrame::close);
    }
  }

  /** Same shape, integers equal, floats within a relative 1e-9 (as peers.py's agree). */
  private static boolean agree(String floe, String polars) {
    String[] left = floe.strip().split(" ");
    String[] right = polars.strip().split(" ");
    if (left.length != right.length || !left[0].equals(right[0]) || !left[1].equals(right[1])) {
      return false;
    }
    for (int index = 2; index < left.length; index++) {
      String[] a = left[index].split("=");
      String[] b = right[index].split("=");
      if (!a[0].equals(b[0])) {
        return false;
      }
      boolean integers = a[1].matches("-?\\d+") && b[1].matches("-?\\d+");
      if (integers ? !a[1].equals(b[1]) : !close(Double.parseDouble(a[1]), Double.parseDouble(b[1]))) {
        return false;
      }
    }
    return true;
  }

  private static boolean close(double a, double b) {
    return a == b || Math.abs(a - b) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), 1e-9);
  }
}
