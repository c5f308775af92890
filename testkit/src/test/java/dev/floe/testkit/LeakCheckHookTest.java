package dev.floe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.floe.memory.BufferAllocator;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs the jqwik sample properties below through the jqwik engine and checks the leak reports. */
class LeakCheckHookTest {
  static final List<BufferAllocator> SEEN = new CopyOnWriteArrayList<>();

  @Test
  void aLeakingTryFalsifiesThePropertyWithTheExactByteCount() {
    Throwable failure = onlyFailure(run("leaks100BytesPerTry"));
    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("allocator 'leaks100BytesPerTry' closed with 128 bytes")
        .hasMessageContaining("in 1 buffer(s)");
  }

  @Test
  void aLeakOnlyInSomeTriesIsFoundAndShrunk() {
    // Leaks only from 50 bytes up; shrinking settles on the smallest leaking size, 50 -> 64 bytes.
    Throwable failure = onlyFailure(run("leaksLargeRequestsThroughCurrent"));
    assertThat(failure).hasMessageContaining("closed with 64 bytes still allocated in 1 buffer(s)");
  }

  @Test
  void cleanTriesPassEachWithItsOwnClosedAllocator() {
    SEEN.clear();
    EngineExecutionResults results = run("cleanTries");
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(SEEN).hasSize(25).doesNotHaveDuplicates()
        .allSatisfy(allocator -> assertThat(allocator.isClosed()).isTrue());
  }

  private static EngineExecutionResults run(String property) {
    System.setProperty(LeakCheckExtensionTest.RUN_SAMPLES, "true");
    try {
      // The engine test kit does not read system properties: keep jqwik's database in the build folder.
      return EngineTestKit.engine("jqwik")
          .configurationParameter("jqwik.database",
              System.getProperty("jqwik.database", "target/jqwik-database"))
          .selectors(selectMethod(Samples.class, findMethod(property)))
          .execute();
    } finally {
      System.clearProperty(LeakCheckExtensionTest.RUN_SAMPLES);
    }
  }

  private static Method findMethod(String name) {
    for (Method method : Samples.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new IllegalArgumentException("no sample property " + name);
  }

  private static Throwable onlyFailure(EngineExecutionResults results) {
    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    return results.testEvents().failed().list().getFirst()
        .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  /** Skips the samples unless this test runs them. */
  public static final class OnlyWhenRequested implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return Boolean.getBoolean(LeakCheckExtensionTest.RUN_SAMPLES)
          ? SkipResult.doNotSkip()
          : SkipResult.skip("a sample run by LeakCheckHookTest");
    }
  }

  @LeakCheckedProperty
  @AddLifecycleHook(OnlyWhenRequested.class)
  static class Samples {
    @Property(tries = 10, seed = "42")
    void leaks100BytesPerTry(@ForAll int ignored, BufferAllocator allocator) {
      allocator.allocate(100);
    }

    @Property(tries = 100, seed = "42")
    void leaksLargeRequestsThroughCurrent(@ForAll @IntRange(min = 0, max = 1000) int bytes) {
      var buffer = BufferAllocator.current().allocate(bytes);
      if (bytes < 50) {
        buffer.release();
      }
    }

    @Property(tries = 25, seed = "42")
    void cleanTries(@ForAll @IntRange(min = 0, max = 100_000) int bytes, BufferAllocator allocator) {
      assertThat(BufferAllocator.current()).isSameAs(allocator);
      assertThat(allocator.parent()).isNull();
      SEEN.add(allocator);
      allocator.allocate(bytes).release();
    }
  }
}
