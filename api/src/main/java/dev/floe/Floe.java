package dev.floe;

import dev.floe.internal.Stacking;
import java.util.List;

/**
 * Static entry points, for {@code import static dev.floe.Floe.*}.
 *
 * <pre>{@code
 * try (DataFrame all = concat(january, february)) { ... }
 * config().setTblRows(20);
 * }</pre>
 */
public final class Floe {
  private Floe() {}

  /**
   * The frames one under the other, sharing their buffers. All must have the same column names and
   * types in the same order; the frames passed in stay open and owned by the caller.
   *
   * @throws dev.floe.errors.SchemaMismatchException naming the first column that differs
   * @throws dev.floe.errors.InvalidOperationException when no frame is given
   */
  public static DataFrame concat(DataFrame... frames) {
    return concat(List.of(frames));
  }

  /** {@link #concat(DataFrame...)} over a list. */
  public static DataFrame concat(List<DataFrame> frames) {
    return Stacking.vertical(frames);
  }

  /** The process-wide display settings. */
  public static FloeConfig config() {
    return FloeConfig.INSTANCE;
  }
}
