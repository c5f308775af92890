package dev.floe.testkit;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy shared by the JUnit and jqwik leak checks: one fresh, unlimited root allocator per test
 * (or per try), closed afterwards; a close that finds live memory becomes an {@link AssertionError}
 * carrying the allocator's report (bytes and buffers leaked, allocation sites in debug mode).
 *
 * <p>Memory that code under test takes from {@link BufferAllocator#global()} instead (for example
 * on a thread it started, where the test's binding does not reach) and does not give back by the
 * end of the test is a leak too: the check compares the global allocator before and after.
 */
public final class LeakChecks {
  private static final Map<BufferAllocator, Long> GLOBAL_BEFORE = new ConcurrentHashMap<>();

  private LeakChecks() {}

  /** A fresh root allocator named after the test, with no limit. */
  public static BufferAllocator newTestAllocator(String testName) {
    BufferAllocator allocator = BufferAllocator.newRoot(testName, Long.MAX_VALUE);
    GLOBAL_BEFORE.put(allocator, BufferAllocator.global().allocatedBytes());
    return allocator;
  }

  /**
   * Closes {@code allocator} and returns the leak as an assertion error, or null when nothing
   * leaked. Any other failure of {@code close()} propagates.
   */
  public static AssertionError closeAndCheck(BufferAllocator allocator) {
    Long globalBefore = GLOBAL_BEFORE.remove(allocator);
    try {
      allocator.close();
      long globalGrowth =
          globalBefore == null ? 0 : BufferAllocator.global().allocatedBytes() - globalBefore;
      if (globalGrowth > 0) {
        return new AssertionError(
            "memory leak: " + globalGrowth + " bytes taken from the global allocator during '"
                + allocator.name() + "' are still allocated (code that ran outside the test's"
                + " allocator, e.g. on another thread, did not close what it made)");
      }
      return null;
    } catch (InvalidOperationException leak) {
      AssertionError failure = new AssertionError(leak.getMessage());
      failure.initCause(leak);
      return failure;
    }
  }

  /** Closes {@code allocator} and throws the leak as an assertion error if memory is still held. */
  public static void closeAndAssertNoLeak(BufferAllocator allocator) {
    AssertionError leak = closeAndCheck(allocator);
    if (leak != null) {
      throw leak;
    }
  }
}
