package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Floe#concat(List, ConcatHow)} (and the lazy {@link Floe#concatLazy}) in every how against
 * Polars 1.44's {@code pl.concat(how=...)}: each case cuts one random frame (nulls, NaN, -0.0) into
 * one to three slices, each with its own columns (subsets, orders, casts, renames), and stacks them.
 * Some cases are meant to fail (schemas that differ for a strict how, duplicate names side by side):
 * both sides failing counts as agreement.
 */
@LeakChecked
class ConcatDifferentialTest {
  private static final List<String> NAMES = List.of("i", "f", "s", "b");

  /** A column of a part: the source column, an optional cast and an optional new name. */
  private record PartColumn(String source, DataType cast, String pythonCast, String alias) {
    Expr java() {
      Expr expr = col(source);
      if (cast != null) {
        expr = expr.cast(cast);
      }
      return alias == null ? expr : expr.alias(alias);
    }

    String python() {
      String expr = "pl.col('" + source + "')";
      if (cast != null) {
        expr += ".cast(" + pythonCast + ")";
      }
      return alias == null ? expr : expr + ".alias('" + alias + "')";
    }
  }

  private record Part(int offset, int length, List<PartColumn> columns) {
    String python() {
      return "df.slice(" + offset + ", " + length + ").select(["
          + String.join(", ", columns.stream().map(PartColumn::python).toList()) + "])";
    }

    DataFrame java(DataFrame frame) {
      try (DataFrame slice = frame.slice(offset, length)) {
        return slice.select(columns.stream().map(PartColumn::java).toArray(Expr[]::new));
      }
    }
  }

  @TempDir Path directory;

  @Test
  void concatAgreesWithPolarsInEveryHow() throws Exception {
    Random random = new Random(31337);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    ConcatHow[] hows = ConcatHow.values();
    int[] failures = new int[hows.length];
    for (int index = 0; index < 320; index++) {
      ConcatHow how = hows[index % hows.length];
      int rows = random.nextInt(16);
      List<PolarsCases.TestColumn> frame = ReshapeGen.frame(random, rows);
      List<Part> parts = new ArrayList<>();
      int partCount = 1 + random.nextInt(3);
      for (int part = 0; part < partCount; part++) {
        int offset = random.nextInt(rows + 1);
        int length = random.nextInt(rows - offset + 1);
        parts.add(new Part(offset, length, columns(how, part, random)));
      }
      String python = "pl.concat([" + String.join(", ", parts.stream().map(Part::python).toList())
          + "], how='" + how.name().toLowerCase(java.util.Locale.ROOT) + "')";
      boolean lazy = how != ConcatHow.HORIZONTAL && random.nextInt(3) == 0;
      cases.add(frame, df -> {
        try {
          return concat(df, parts, how, lazy);
        } catch (dev.floe.errors.FloeException failure) {
          failures[how.ordinal()]++;
          throw failure;
        }
      }, python, false);
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    // most cases must succeed (a failure on both sides agrees, but tests little)
    for (ConcatHow how : hows) {
      assertThat(failures[how.ordinal()]).as("failed %s cases", how).isLessThan(20);
    }
    System.out.println("concat cases failing on both sides, per how: " + java.util.Arrays.toString(failures));
  }

  private static DataFrame concat(DataFrame frame, List<Part> parts, ConcatHow how, boolean lazy) {
    List<DataFrame> frames = new ArrayList<>();
    try {
      for (Part part : parts) {
        frames.add(part.java(frame));
      }
      if (lazy) {
        return Floe.concatLazy(frames.stream().map(DataFrame::lazy).toList(), how).collect();
      }
      return Floe.concat(frames, how);
    } finally {
      frames.forEach(DataFrame::close);
    }
  }

  /** The columns of part {@code part}: what {@code how} accepts, and now and then what it rejects. */
  private static List<PartColumn> columns(ConcatHow how, int part, Random random) {
    List<String> names = new ArrayList<>(NAMES);
    boolean mismatch = random.nextInt(8) == 0; // a part a strict how should reject
    switch (how) {
      case VERTICAL, VERTICAL_RELAXED -> {
        if (mismatch && part > 0) {
          Collections.shuffle(names, random);
          names = names.subList(0, 1 + random.nextInt(4));
        }
      }
      case DIAGONAL, DIAGONAL_RELAXED, HORIZONTAL -> {
        Collections.shuffle(names, random);
        names = names.subList(0, 1 + random.nextInt(4));
      }
    }
    List<PartColumn> columns = new ArrayList<>();
    for (String name : names) {
      DataType cast = null;
      String pythonCast = null;
      boolean castIt = how == ConcatHow.VERTICAL_RELAXED || how == ConcatHow.DIAGONAL_RELAXED
          ? random.nextInt(3) == 0 : mismatch && random.nextInt(3) == 0;
      if (castIt) {
        switch (name) {
          case "i" -> {
            int pick = random.nextInt(3);
            cast = pick == 0 ? DataType.FLOAT64 : pick == 1 ? DataType.INT32 : DataType.INT16;
            pythonCast = pick == 0 ? "pl.Float64" : pick == 1 ? "pl.Int32" : "pl.Int16";
          }
          case "f" -> {
            cast = DataType.FLOAT32;
            pythonCast = "pl.Float32";
          }
          case "b" -> {
            cast = DataType.INT64;
            pythonCast = "pl.Int64";
          }
          default -> { }
        }
      }
      String alias = null;
      if (how == ConcatHow.HORIZONTAL) {
        // distinct names side by side, unless the case should fail (part 0's names again)
        alias = name + (mismatch ? 0 : part);
      }
      columns.add(new PartColumn(name, cast, pythonCast, alias));
    }
    return columns;
  }
}
