package dev.floe;

/**
 * The shape of a frame: its number of rows and columns. Prints as Polars prints a shape,
 * {@code (3, 2)}.
 */
public record Shape(long rows, int columns) {
  @Override
  public String toString() {
    return "(" + rows + ", " + columns + ")";
  }
}
