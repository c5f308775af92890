package dev.floe;

import dev.floe.errors.ShapeMismatchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The column operations of {@link DataFrame}: each builds the new frame's column list from shares
 * of the source's columns (no copies) plus any adopted series.
 */
final class FrameEdits {
  private FrameEdits() {}

  static DataFrame select(DataFrame frame, List<String> names) {
    for (String name : names) {
      frame.schema().indexOf(name); // throws ColumnNotFoundException before sharing anything
    }
    List<Series> selected = new ArrayList<>(names.size());
    for (String name : names) {
      selected.add(frame.owned(frame.schema().indexOf(name)).share());
    }
    return DataFrame.adopt(selected);
  }

  static DataFrame drop(DataFrame frame, List<String> names) {
    for (String name : names) {
      frame.schema().indexOf(name);
    }
    List<String> kept = new ArrayList<>(frame.columns());
    kept.removeAll(names);
    return select(frame, kept);
  }

  static DataFrame rename(DataFrame frame, Map<String, String> mapping) {
    for (String old : mapping.keySet()) {
      frame.schema().indexOf(old);
    }
    List<Series> renamed = new ArrayList<>(frame.width());
    for (int column = 0; column < frame.width(); column++) {
      Series series = frame.owned(column);
      renamed.add(series.rename(mapping.getOrDefault(series.name(), series.name())));
    }
    return DataFrame.adopt(renamed);
  }

  static DataFrame withColumn(DataFrame frame, Series series) {
    Series adopted = series.isBorrowed() ? series.share() : series;
    List<Series> result = new ArrayList<>(frame.width() + 1);
    try {
      if (frame.width() > 0 && adopted.len() != frame.height()) {
        throw new ShapeMismatchException(
            "cannot add column '" + adopted.name() + "' of length " + adopted.len()
                + " to a DataFrame of height " + frame.height() + "; lengths must match");
      }
      boolean replaced = false;
      for (int column = 0; column < frame.width(); column++) {
        Series existing = frame.owned(column);
        boolean same = existing.name().equals(adopted.name());
        result.add(same ? adopted : existing.share());
        replaced |= same;
      }
      if (!replaced) {
        result.add(adopted);
      }
    } catch (RuntimeException failure) {
      result.forEach(Series::close);
      adopted.close();
      throw failure;
    }
    return DataFrame.adopt(result);
  }

  static DataFrame hstack(DataFrame frame, Series... series) {
    List<Series> result = new ArrayList<>(frame.width() + series.length);
    try {
      for (int column = 0; column < frame.width(); column++) {
        result.add(frame.owned(column).share());
      }
    } catch (RuntimeException failure) {
      result.forEach(Series::close);
      Arrays.asList(series).forEach(Series::close);
      throw failure;
    }
    for (Series added : series) {
      result.add(added.isBorrowed() ? added.share() : added);
    }
    return DataFrame.adopt(result);
  }
}
