package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order-aware functions (cumSum, cumProd, cumMin, cumMax, cumCount, shift, diff, rank,
 * fillNan) and the reductions nUnique, median, quantile, argMin and argMax against Polars: seeded
 * random frames (i64, i32, u32, f64 with NaN, infinities and -0.0, str, bool, date; all with
 * nulls) and random expression trees nesting them with arithmetic, compared type and value.
 */
@LeakChecked
class SequenceDifferentialTest {
  private static final int FRAMES = 14;
  private static final int EXPRESSIONS_PER_FRAME = 100;

  @TempDir Path directory;

  @Test
  void floeAgreesWithPolarsOnSequenceFunctionsAndReductions() throws Exception {
    Random random = new Random(20251126);
    PolarsCases cases = new PolarsCases(directory);
    for (int frame = 0; frame < FRAMES; frame++) {
      int rows = frame == 0 ? 0 : frame == 1 ? 1 : 4 + random.nextInt(12);
      int index = cases.frame(randomFrame(random, rows));
      SequenceExprGen gen = new SequenceExprGen(random, rows);
      for (int expression = 0; expression < EXPRESSIONS_PER_FRAME; expression++) {
        SequenceExprGen.Gen generated = gen.any();
        cases.add(index, generated.expr(), generated.python());
      }
    }
    assertThat(cases.size()).isGreaterThanOrEqualTo(1000);
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    assertThat(cases.polarsErrors()).as("cases Polars rejects").isLessThan(cases.size() / 10);
  }

  /** Every function with its options over every input type Polars has for it (and some it lacks). */
  @Test
  void floeAgreesWithPolarsOnEveryInputType() throws Exception {
    Random random = new Random(20251127);
    PolarsCases cases = new PolarsCases(directory);
    for (int frame = 0; frame < 3; frame++) {
      int rows = frame == 2 ? 1 : 9;
      List<PolarsCases.TestColumn> columns = new ArrayList<>(randomFrame(random, rows));
      columns.addAll(SequenceTypeMatrix.moreTypes(random, rows, frame == 1));
      int index = cases.frame(columns);
      for (PolarsCases.TestColumn column : columns) {
        for (SequenceExprGen.Gen gen : SequenceTypeMatrix.functions(column.name())) {
          cases.add(index, gen.expr(), gen.python());
        }
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  static List<PolarsCases.TestColumn> randomFrame(Random random, int rows) {
    List<Object> i = new ArrayList<>();
    List<Object> i32 = new ArrayList<>();
    List<Object> u = new ArrayList<>();
    List<Object> f = new ArrayList<>();
    List<Object> s = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    List<Object> d = new ArrayList<>();
    boolean nulls = random.nextInt(4) != 0;
    for (int row = 0; row < rows; row++) {
      i.add(nullable(random, nulls, () -> (long) random.nextInt(41) - 20));
      i32.add(nullable(random, nulls, () -> switch (random.nextInt(12)) {
        case 0 -> Integer.MAX_VALUE;
        case 1 -> Integer.MIN_VALUE;
        default -> random.nextInt(101) - 50;
      }));
      u.add(nullable(random, nulls, () -> (long) random.nextInt(40)));
      f.add(nullable(random, nulls, () -> switch (random.nextInt(10)) {
        case 0 -> Double.NaN;
        case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        case 2 -> -0.0;
        case 3 -> 0.0;
        default -> (random.nextInt(801) - 400) / 8.0;
      }));
      s.add(nullable(random, nulls, () -> List.of("a", "b", "ab", "é", "", "zz").get(random.nextInt(6))));
      b.add(nullable(random, nulls, random::nextBoolean));
      d.add(nullable(random, nulls, () -> LocalDate.of(2000, 1, 1).plusDays(random.nextInt(12000))));
    }
    return List.of(
        new PolarsCases.TestColumn("i", DataType.INT64, "pl.Int64", i),
        new PolarsCases.TestColumn("i32", DataType.INT32, "pl.Int32", i32),
        new PolarsCases.TestColumn("u", DataType.UINT32, "pl.UInt32", u),
        new PolarsCases.TestColumn("f", DataType.FLOAT64, "pl.Float64", f),
        new PolarsCases.TestColumn("s", DataType.UTF8, "pl.String", s),
        new PolarsCases.TestColumn("b", DataType.BOOLEAN, "pl.Boolean", b),
        new PolarsCases.TestColumn("d", DataType.DATE32, "pl.Date", d));
  }

  private static Object nullable(
      Random random, boolean nulls, java.util.function.Supplier<Object> value) {
    return nulls && random.nextInt(5) == 0 ? null : value.get();
  }
}
