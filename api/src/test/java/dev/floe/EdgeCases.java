package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The case plumbing of the relational edge-case tests: an operation given eagerly, lazily and as
 * Polars text, added once eagerly and once per lazy collect option (5-row morsels on one and two
 * threads; 1,000-row morsels for the large frames), and the check that nothing differs and nothing
 * passes by failing on both sides.
 */
final class EdgeCases {
  private EdgeCases() {}

  /** A lazy query, the eager one when the API has it (else the lazy one collected), and Polars' text. */
  record Op(Function<DataFrame, DataFrame> eager, UnaryOperator<LazyFrame> lazy, String python,
      boolean unordered) {
    /** The eager side run through its own steps (sort, then unique), closing the middle frame. */
    Op eagerSorted() {
      UnaryOperator<LazyFrame> plan = lazy;
      return new Op(df -> plan.apply(df.lazy()).collect(CollectOptions.DEFAULT.withNoOptimization(true)), lazy,
          python, unordered);
    }

    Op eagerOnly() {
      return new Op(eager, null, python, unordered);
    }

    /** Only the column {@code key} of the result (null: all of it). */
    Op narrowed(String key) {
      if (key == null) {
        return this;
      }
      Function<DataFrame, DataFrame> whole = eager;
      UnaryOperator<LazyFrame> plan = lazy;
      return new Op(df -> {
        try (DataFrame result = whole.apply(df)) {
          return result.select(key);
        }
      }, frame -> plan.apply(frame).select(key), python, unordered);
    }
  }

  static final List<CollectOptions> LAZY = List.of(CollectOptions.DEFAULT,
      CollectOptions.DEFAULT.withMorselRows(5).withThreads(1),
      CollectOptions.DEFAULT.withMorselRows(5).withThreads(2));

  /** For the large frames: morsels of 1,000 rows still cross many boundaries. */
  static final List<CollectOptions> BIG = List.of(CollectOptions.DEFAULT.withThreads(1),
      CollectOptions.DEFAULT.withMorselRows(1000).withThreads(2));

  static void addAll(PolarsFrameCases cases, EdgeFrames.Named frame, Op op) {
    cases.add(frame.columns(), op.eager(), op.python(), op.unordered());
    if (op.lazy() == null) {
      return;
    }
    boolean big = frame.columns().getFirst().values().size() > 1000;
    for (CollectOptions options : big ? BIG : LAZY) {
      cases.add(frame.columns(), df -> op.lazy().apply(df.lazy()).collect(options), op.python(), op.unordered());
    }
  }

  static void check(PolarsFrameCases cases) throws Exception {
    List<String> mismatches = cases.mismatches();
    assertThat(mismatches).as("differences from Polars out of " + cases.size() + ":\n"
        + String.join("\n", mismatches.subList(0, Math.min(10, mismatches.size())).stream()
            .map(EdgeCases::shorten).toList())).isEmpty();
    // every case here is valid in Polars: none may pass by failing on both sides
    assertThat(cases.bothFailed()).as("cases failing on both sides").isZero();
  }

  static String shorten(String text) {
    return text.lines().map(line -> line.length() > 700 ? line.substring(0, 700) + "..." : line)
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  static String py(boolean value) {
    return value ? "True" : "False";
  }
}
