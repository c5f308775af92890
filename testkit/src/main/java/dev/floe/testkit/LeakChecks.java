package dev.floe.testkit;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;

/**
 * The policy shared by the JUnit and jqwik leak checks: one fresh, unlimited root allocator per test
 * (or per try), closed afterwards; a close that finds live memory becomes an {@link AssertionError}
 * carrying the allocator's report (bytes and buffers leaked, allocation sites in debug mode).
 */
public final class LeakChecks {
  private LeakChecks() {}

  /** A fresh root allocator named after the test, with no limit. */
  public static BufferAllocator newTestAllocator(String testName) {
    return BufferAllocator.newRoot(testName, Long.MAX_VALUE);
  }

  /**
   * Closes {@code allocator} and returns the leak as an assertion error, or null when nothing
   * leaked. Any other failure of {@code close()} propagates.
   */
  public static AssertionError closeAndCheck(BufferAllocator allocator) {
    try {
      allocator.close();
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
