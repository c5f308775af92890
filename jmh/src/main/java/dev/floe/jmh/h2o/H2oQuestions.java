package dev.floe.jmh.h2o;

import static dev.floe.Floe.col;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The h2o.ai db-benchmark questions written with Floe's API as a Polars user writes them: the same
 * queries as {@code scripts/h2o/questions.py}, lazy and collected, with the same answer column
 * names, so one checksum over the measure columns compares Floe with Polars and DuckDB.
 */
public final class H2oQuestions {
  private H2oQuestions() {}

  /** A question: its id, db-benchmark's title, the checksum's measure columns and the query. */
  public record Question(String id, String title, List<String> measures,
      Function<Map<String, DataFrame>, DataFrame> query) {}

  /** Groupby q1..q10 over the table {@code x}. */
  public static final List<Question> GROUPBY = List.of(
      groupBy("q1", "sum v1 by id1", List.of("v1"),
          x -> x.lazy().groupBy("id1").agg(col("v1").sum()).collect()),
      groupBy("q2", "sum v1 by id1:id2", List.of("v1"),
          x -> x.lazy().groupBy("id1", "id2").agg(col("v1").sum()).collect()),
      groupBy("q3", "sum v1 mean v3 by id3", List.of("v1", "v3"),
          x -> x.lazy().groupBy("id3").agg(col("v1").sum(), col("v3").mean()).collect()),
      groupBy("q4", "mean v1:v3 by id4", List.of("v1", "v2", "v3"),
          x -> x.lazy().groupBy("id4").agg(col("v1", "v2", "v3").mean()).collect()),
      groupBy("q5", "sum v1:v3 by id6", List.of("v1", "v2", "v3"),
          x -> x.lazy().groupBy("id6").agg(col("v1", "v2", "v3").sum()).collect()),
      groupBy("q6", "median v3 sd v3 by id4 id5", List.of("median_v3", "sd_v3"),
          x -> x.lazy().groupBy("id4", "id5")
              .agg(col("v3").median().alias("median_v3"), col("v3").std().alias("sd_v3")).collect()),
      groupBy("q7", "max v1 - min v2 by id3", List.of("range_v1_v2"),
          x -> x.lazy().groupBy("id3").agg(col("v1").max().sub(col("v2").min()).alias("range_v1_v2"))
              .collect()),
      groupBy("q8", "largest two v3 by id6", List.of("largest2_v3"), H2oQuestions::largestTwo),
      groupBy("q9", "regression v1 v2 by id2 id4", List.of("r2"),
          x -> x.lazy().groupBy("id2", "id4").agg(Floe.corr("v1", "v2").pow(2).alias("r2")).collect()),
      groupBy("q10", "sum v3 count by id1:id6", List.of("v3", "count"),
          x -> x.lazy().groupBy("id1", "id2", "id3", "id4", "id5", "id6")
              .agg(col("v3").sum(), Floe.len().alias("count")).collect()));

  /** Join q1..q5: {@code x} with {@code small}, {@code medium} or {@code big}. */
  public static final List<Question> JOIN = List.of(
      join("q1", "small inner on int", "small", JoinOptions.on("id1")),
      join("q2", "medium inner on int", "medium", JoinOptions.on("id2")),
      join("q3", "medium outer on int", "medium", JoinOptions.on("id2").how(JoinType.LEFT)),
      join("q4", "medium inner on factor", "medium", JoinOptions.on("id5")),
      join("q5", "big inner on int", "big", JoinOptions.on("id3")));

  /** The question {@code id} of {@code task} ("groupby" or "join"). */
  public static Question find(String task, String id) {
    List<Question> questions = switch (task) {
      case "groupby" -> GROUPBY;
      case "join" -> JOIN;
      default -> throw new IllegalArgumentException("unknown task " + task + "; expected groupby or join");
    };
    return questions.stream().filter(question -> question.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown " + task + " question " + id));
  }

  /**
   * q8: {@code x.drop_nulls("v3").sort("v3", descending=True).group_by("id6")
   * .agg(pl.col("v3").head(2).alias("largest2_v3")).explode("largest2_v3")}.
   */
  private static DataFrame largestTwo(DataFrame x) {
    return x.lazy().dropNulls("v3")
        .sort(SortOptions.DEFAULT.withDescending(true), "v3")
        .groupBy("id6").agg(col("v3").head(2).alias("largest2_v3")).explode("largest2_v3").collect();
  }

  private static Question groupBy(String id, String title, List<String> measures,
      Function<DataFrame, DataFrame> query) {
    return new Question(id, title, measures, tables -> query.apply(tables.get("x")));
  }

  private static Question join(String id, String title, String right, JoinOptions options) {
    return new Question(id, title, List.of("v1", "v2"),
        tables -> tables.get("x").lazy().join(tables.get(right).lazy(), options).collect());
  }
}
