package dev.floe;

/**
 * What {@link LazyFrame#profile()} returns, as Polars' {@code profile()}: the query's result and a
 * frame of the nodes that ran, one row each: {@code node} (the plan line; a fused pipeline lists
 * its nodes top first, joined by " <- "), {@code start} and {@code end} (microseconds since the
 * query started; a node's interval contains its inputs') and {@code rows} (rows it produced), in
 * the order they finished. Closing the profile closes both frames.
 */
public record QueryProfile(DataFrame result, DataFrame timings) implements AutoCloseable {
  @Override
  public void close() {
    try (timings) {
      result.close();
    }
  }
}
