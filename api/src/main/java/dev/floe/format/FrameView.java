package dev.floe.format;

import dev.floe.memory.types.DataType;

/** What the formatters read from a frame: its shape, column names and types, and values. */
public interface FrameView {
  long height();

  int width();

  String name(int column);

  DataType type(int column);

  /** The Java value at {@code row} of {@code column} (see {@code Column.getObject}), or null. */
  Object value(int column, long row);
}
