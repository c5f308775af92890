package dev.floe.ffi.cdata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What went wrong inside release callbacks. A callback runs on whatever thread the consumer
 * chooses and must never throw, so failures (a buffer released twice, an unknown private_data)
 * land here instead: a count since start-up and the most recent {@value #KEPT} failures.
 */
public final class ReleaseFailures {
  /** How many recent failures are kept. */
  public static final int KEPT = 16;

  private static final AtomicLong COUNT = new AtomicLong();
  private static final ConcurrentLinkedDeque<Throwable> RECENT = new ConcurrentLinkedDeque<>();

  private ReleaseFailures() {}

  /** The number of failures recorded since the JVM started. */
  public static long count() {
    return COUNT.get();
  }

  /** The most recent failures, oldest first. */
  public static List<Throwable> recent() {
    return new ArrayList<>(RECENT);
  }

  static void record(Throwable failure) {
    try {
      COUNT.incrementAndGet();
      RECENT.addLast(failure);
      while (RECENT.size() > KEPT) {
        RECENT.pollFirst();
      }
    } catch (Throwable ignored) {
      // recording must not throw either (e.g. out of memory): the count is best effort
    }
  }
}
