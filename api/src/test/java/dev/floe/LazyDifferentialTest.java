package dev.floe;

import static dev.floe.testing.FrameAssertions.assertFrameEqual;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.LazyPipelineGen.Step;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lazy == eager: seeded random pipelines of 1-6 steps (filter, select, withColumns, sort,
 * slice/head/tail, unique, concat via {@link Floe#concat(LazyFrame...)}, drop, rename, cache; see
 * {@link LazyPipelineGen}) over random frames with nulls, NaN, -0.0 and several chunks give the same
 * frame, or fail with the same exception type, when run eagerly with {@link DataFrame} operations
 * and lazily (a) with every optimizer rule, (b) with no optimization, (c) with every rule and
 * morsels of 7 rows, and (d) with one rule (chosen by the seed) switched off and a random morsel
 * size; {@code collectSchema()} must give the eager result's columns and types.
 *
 * <p>A failure lists every failing seed and prints the first one's pipeline and plans ({@code
 * explain(false)} and {@code explain()}); {@link #reproduce()} reruns one seed with {@code
 * -Dfloe.lazy.seed=N}. {@code -Dfloe.lazy.pipelines=N} and {@code -Dfloe.lazy.firstSeed=N} run more
 * or other seeds (50,000 pass).
 */
@LeakChecked
class LazyDifferentialTest {
  private static final long FIRST_SEED = Long.getLong("floe.lazy.firstSeed", 20_261_124L);
  private static final int PIPELINES = Integer.getInteger("floe.lazy.pipelines", 3_000);
  private static final List<String> RULES = dev.floe.planner.optimizer.Optimizer.defaults().ruleNames();

  /** What running a pipeline gave: a frame (owned) or a failure. */
  private record Outcome(DataFrame frame, RuntimeException failure) implements AutoCloseable {
    @Override
    public void close() {
      if (frame != null) {
        frame.close();
      }
    }

    String describe() {
      return frame != null ? "a frame of " + frame.height() + " rows" : failure.getClass().getName() + ": "
          + failure.getMessage();
    }
  }

  @Test
  void randomPipelinesGiveTheSameResultLazilyAndEagerly() {
    int invalid = 0;
    int failures = 0;
    long rows = 0;
    List<Long> failingSeeds = new ArrayList<>();
    AssertionError first = null;
    for (int index = 0; index < PIPELINES; index++) {
      long seed = FIRST_SEED + index;
      try {
        Counts counts = check(seed);
        invalid += counts.invalid ? 1 : 0;
        failures += counts.failed ? 1 : 0;
        rows += counts.rows;
      } catch (AssertionError difference) {
        failingSeeds.add(seed);
        first = first == null ? difference : first;
      }
    }
    if (first != null) {
      throw new AssertionError(failingSeeds.size() + " of " + PIPELINES + " pipelines differ, seeds "
          + failingSeeds + "; the first:\n" + first.getMessage(), first);
    }
    // the generator must exercise both results and errors
    assertThat(invalid).as("pipelines with an invalid step").isBetween(10, PIPELINES / 5);
    assertThat(failures).as("pipelines that failed").isGreaterThanOrEqualTo(invalid);
    assertThat(rows).as("result rows over all pipelines").isGreaterThan(PIPELINES * 10L);
  }

  /** Reruns one seed, for debugging a failure of the test above ({@code -Dfloe.lazy.seed=...}). */
  @Test
  void reproduce() {
    String seed = System.getProperty("floe.lazy.seed");
    if (seed != null) {
      check(Long.parseLong(seed));
    }
  }

  private record Counts(boolean invalid, boolean failed, long rows) {}

  private static Counts check(long seed) {
    LazyPipelineGen gen = new LazyPipelineGen(seed);
    try (DataFrame source = gen.frame()) {
      List<Step> steps = gen.pipeline(source);
      boolean invalid = steps.getLast().invalid();
      List<CollectOptions> modes = modes(seed);
      try (Outcome eager = eager(source, steps)) {
        for (CollectOptions mode : modes) {
          try (Outcome lazy = lazy(source, steps, mode)) {
            compare(seed, source, steps, mode, eager, lazy);
          }
        }
        return new Counts(invalid, eager.failure() != null, eager.frame() == null ? 0 : eager.frame().height());
      }
    }
  }

  private static List<CollectOptions> modes(long seed) {
    Random random = new Random(seed);
    String rule = RULES.get(random.nextInt(RULES.size()));
    return List.of(CollectOptions.DEFAULT, CollectOptions.DEFAULT.withNoOptimization(true),
        CollectOptions.DEFAULT.withMorselRows(7),
        CollectOptions.DEFAULT.withoutRules(rule).withMorselRows(1 + random.nextInt(64)));
  }

  private static Outcome eager(DataFrame source, List<Step> steps) {
    DataFrame current = source;
    try {
      for (Step step : steps) {
        DataFrame next = step.eager().apply(current);
        if (current != source) {
          current.close();
        }
        current = next;
      }
      return new Outcome(current == source ? source.clone() : current, null);
    } catch (RuntimeException failure) {
      if (current != source) {
        current.close();
      }
      return new Outcome(null, failure);
    }
  }

  private static LazyFrame build(DataFrame source, List<Step> steps) {
    LazyFrame lazy = source.lazy();
    for (Step step : steps) {
      lazy = step.lazy().apply(lazy);
    }
    return lazy;
  }

  private static Outcome lazy(DataFrame source, List<Step> steps, CollectOptions mode) {
    try {
      return new Outcome(build(source, steps).collect(mode), null);
    } catch (RuntimeException failure) {
      return new Outcome(null, failure);
    }
  }

  private static void compare(long seed, DataFrame source, List<Step> steps, CollectOptions mode, Outcome eager,
      Outcome lazy) {
    if (eager.failure() != null || lazy.failure() != null) {
      if (eager.failure() == null || lazy.failure() == null
          || eager.failure().getClass() != lazy.failure().getClass()) {
        AssertionError error = new AssertionError(context(seed, source, steps, mode)
            + "\neager: " + eager.describe() + "\nlazy:  " + lazy.describe());
        if (lazy.failure() != null) {
          error.initCause(lazy.failure());
        }
        throw error;
      }
      return;
    }
    try {
      assertFrameEqual(lazy.frame(), eager.frame());
      LazyFrame query = build(source, steps);
      dev.floe.memory.types.Schema schema = query.collectSchema();
      assertThat(schema.names()).as("collectSchema() names").isEqualTo(eager.frame().schema().names());
      assertThat(schema.types()).as("collectSchema() types").isEqualTo(eager.frame().schema().types());
      assertThat(query.explain()).as("explain()").contains("rules fired: ");
    } catch (AssertionError difference) {
      throw new AssertionError(context(seed, source, steps, mode) + "\n" + difference.getMessage(), difference);
    }
  }

  private static String context(long seed, DataFrame source, List<Step> steps, CollectOptions mode) {
    StringBuilder text = new StringBuilder();
    text.append("lazy != eager for seed ").append(seed).append(" (rerun with -Dfloe.lazy.seed=").append(seed)
        .append(" -Dtest=LazyDifferentialTest#reproduce)\ncollect options: ").append(mode)
        .append("\nsource: ").append(source.height()).append(" rows, ").append(source.schema())
        .append(", chunks ").append(chunks(source))
        .append("\npipeline: ").append(steps.stream().map(Step::text).collect(Collectors.joining("\n  .", "\n  .", "")));
    try {
      LazyFrame lazy = build(source, steps);
      text.append("\nplan as written:\n").append(lazy.explain(false));
      text.append("optimized plan:\n").append(lazy.explain());
    } catch (RuntimeException failure) {
      text.append("\n(no plan: ").append(failure).append(')');
    }
    return text.toString();
  }

  private static List<Integer> chunks(DataFrame frame) {
    List<Integer> counts = new ArrayList<>();
    for (int index = 0; index < frame.width(); index++) {
      counts.add(frame.owned(index).column().chunkCount());
    }
    return counts;
  }
}
