package dev.floe.internal;

import dev.floe.memory.column.ChunkedColumn;
import java.lang.ref.Cleaner;

/**
 * The safety net for handles that are never closed: when an owned series becomes unreachable
 * without {@code close()}, the cleaner thread releases its buffers, as {@code
 * ByteBuffer.allocateDirect} memory is released. Chained eager calls such as {@code
 * df.filter(...).select(...)} would otherwise leak the intermediate frame's off-heap memory for
 * good. Closing explicitly stays the rule (it frees at once, deterministically); with {@code
 * -Dfloe.memory.debug=true} each release by the collector is logged with the series' name.
 */
public final class UnclosedRelease implements Runnable {
  private static final Cleaner CLEANER =
      Cleaner.create(
          task -> {
            Thread thread = new Thread(task, "floe-cleaner");
            thread.setDaemon(true);
            return thread;
          });
  private static final boolean DEBUG = Boolean.getBoolean("floe.memory.debug");

  private final ChunkedColumn data;
  private final String name;
  private volatile boolean explicit;

  private UnclosedRelease(ChunkedColumn data, String name) {
    this.data = data;
    this.name = name;
  }

  /**
   * Registers {@code owner} (which must not be referenced by anything reachable from {@code data})
   * so that {@code data} is closed when {@code owner} becomes unreachable; returns the handle whose
   * {@link Cleaner.Cleanable#clean()} closes it now, exactly once.
   */
  public static Handle register(Object owner, ChunkedColumn data, String name) {
    UnclosedRelease release = new UnclosedRelease(data, name);
    return new Handle(release, CLEANER.register(owner, release));
  }

  @Override
  public void run() {
    if (!explicit && DEBUG) {
      System.getLogger("dev.floe.memory")
          .log(System.Logger.Level.WARNING,
              "series '" + name + "' was not closed; its buffers were released by the garbage collector");
    }
    data.close();
  }

  /** Closes the data now (idempotent). */
  public record Handle(UnclosedRelease release, Cleaner.Cleanable cleanable) {
    public void close() {
      release.explicit = true;
      cleanable.clean();
    }
  }
}
