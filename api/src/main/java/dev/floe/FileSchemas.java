package dev.floe;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema checks of a multi-file read, with a per-file diff against the first file when the
 * schemas cannot be combined.
 */
final class FileSchemas {
  private FileSchemas() {}

  /** Fails unless every frame has the first frame's column names in the same order. */
  static void requireSameNames(List<Path> files, List<DataFrame> frames) {
    List<String> expected = frames.getFirst().columns();
    for (int index = 1; index < frames.size(); index++) {
      List<String> got = frames.get(index).columns();
      if (!got.equals(expected)) {
        String detail = firstNameDifference(expected, got);
        throw new SchemaMismatchException("schema names differ: " + detail + "\n" + diff(files, frames));
      }
    }
  }

  /** Fails unless every frame also has the first frame's types (Arrow IPC: no widening, as Polars). */
  static void requireSameTypes(List<Path> files, List<DataFrame> frames) {
    requireSameNames(files, frames);
    DataFrame first = frames.getFirst();
    for (int index = 1; index < frames.size(); index++) {
      DataFrame frame = frames.get(index);
      for (int column = 0; column < first.width(); column++) {
        DataType want = first.getColumns().get(column).dtype();
        DataType got = frame.getColumns().get(column).dtype();
        if (!sameType(want, got)) {
          throw new SchemaMismatchException("data type mismatch for column "
              + first.columns().get(column) + ": incoming: " + got + " != target: " + want
              + " (file '" + files.get(index) + "')\n" + diff(files, frames));
        }
      }
    }
  }

  static boolean sameType(DataType left, DataType right) {
    return left.equals(right) || (left.isString() && right.isString());
  }

  private static String firstNameDifference(List<String> expected, List<String> got) {
    for (int index = 0; index < Math.min(expected.size(), got.size()); index++) {
      if (!expected.get(index).equals(got.get(index))) {
        return "got " + got.get(index) + ", expected " + expected.get(index);
      }
    }
    return "got " + got.size() + " columns, expected " + expected.size();
  }

  /** Per file that differs from the first: missing, extra and retyped columns. */
  static String diff(List<Path> files, List<DataFrame> frames) {
    DataFrame first = frames.getFirst();
    StringBuilder out = new StringBuilder("schema of the first file '" + files.getFirst() + "': "
        + describe(first) + "; files that differ:");
    for (int index = 1; index < frames.size(); index++) {
      DataFrame frame = frames.get(index);
      List<String> parts = new ArrayList<>();
      for (Series series : first.getColumns()) {
        if (!frame.columns().contains(series.name())) {
          parts.add("missing " + series.name() + ": " + series.dtype());
        } else {
          DataType got = frame.column(series.name()).dtype();
          if (!sameType(series.dtype(), got)) {
            parts.add(series.name() + ": " + got + " (first file: " + series.dtype() + ")");
          }
        }
      }
      for (Series series : frame.getColumns()) {
        if (!first.columns().contains(series.name())) {
          parts.add("extra " + series.name() + ": " + series.dtype());
        }
      }
      if (parts.isEmpty() && !frame.columns().equals(first.columns())) {
        parts.add("column order " + frame.columns());
      }
      if (!parts.isEmpty()) {
        out.append("\n  '").append(files.get(index)).append("': ").append(String.join(", ", parts));
      }
    }
    return out.toString();
  }

  private static String describe(DataFrame frame) {
    List<String> parts = new ArrayList<>();
    for (Series series : frame.getColumns()) {
      parts.add(series.name() + ": " + series.dtype());
    }
    return "(" + String.join(", ", parts) + ")";
  }
}
