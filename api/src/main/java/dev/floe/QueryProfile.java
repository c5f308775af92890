package dev.floe;

/**
 * What {@link LazyFrame#profile()} returns, as Polars' {@code profile()}: the query's result and a
 * frame of the nodes that ran, one row each: {@code node} (the plan line; a fused pipeline lists
 * its nodes top first, joined by " <- "), {@code start} and {@code end} (microseconds since the
 * query started; a node's interval contains its inputs'), {@code rows} (rows it produced) and
 * {@code peak_memory} (the most bytes its own operators held at once, in bytes; not its inputs'),
 * in the order they finished; the last row, {@code query}, is the whole query, and its peak is
 * the query's. Closing the profile closes both frames.
 */
public record QueryProfile(DataFrame result, DataFrame timings) implements AutoCloseable {
  @Override
  public void close() {
    try (timings) {
      result.close();
    }
  }
}
