package dev.floe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs the sample tests below through the Jupiter engine and checks what the extension reports. */
class LeakCheckExtensionTest {
  static final String RUN_SAMPLES = "floe.testkit.runSamples";
  static final List<BufferAllocator> SEEN = new CopyOnWriteArrayList<>();
  static final List<Buffer> GLOBAL_LEAK = new CopyOnWriteArrayList<>();

  @Test
  void aLeakFailsTheTestWithTheExactByteCount() {
    // allocate(100) is padded to a multiple of 64 bytes: the buffer holds 128 bytes.
    Throwable failure =
        onlyFailure(run(selectMethod(Samples.class, "leaks100Bytes", BufferAllocator.class.getName())));
    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("allocator 'leaks100Bytes(BufferAllocator)' closed with 128 bytes")
        .hasMessageContaining("in 1 buffer(s)");
  }

  @Test
  void aLeakThroughTheCurrentAllocatorIsCaughtWithoutAParameter() {
    Throwable failure = onlyFailure(run(selectMethod(Samples.class, "leaksThroughCurrent")));
    assertThat(failure).hasMessageContaining("closed with 192 bytes still allocated in 2 buffer(s)");
  }

  @Test
  void aFailingTestKeepsItsFailureAndCarriesTheLeakAsSuppressed() {
    Throwable failure = onlyFailure(run(selectMethod(Samples.class, "failsAndLeaks")));
    assertThat(failure).hasMessage("the test's own failure");
    assertThat(failure.getSuppressed()).singleElement()
        .satisfies(leak -> assertThat(leak).hasMessageContaining("closed with 64 bytes"));
  }

  @Test
  void memoryLeftInTheGlobalAllocatorByAnotherThreadFailsTheTest() {
    try {
      Throwable failure = onlyFailure(run(selectMethod(Samples.class, "leaksIntoGlobalFromAThread")));
      assertThat(failure)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("memory leak: 256 bytes taken from the global allocator")
          .hasMessageContaining("'leaksIntoGlobalFromAThread()'");
    } finally {
      GLOBAL_LEAK.forEach(Buffer::release);
      GLOBAL_LEAK.clear();
    }
  }

  @Test
  void cleanTestsPassAndTheirAllocatorsAreClosed() {
    SEEN.clear();
    EngineExecutionResults results = run(selectClass(CleanSamples.class));
    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
    assertThat(SEEN).hasSize(4).allSatisfy(allocator -> assertThat(allocator.isClosed()).isTrue());
  }

  static EngineExecutionResults run(DiscoverySelector selector) {
    System.setProperty(RUN_SAMPLES, "true");
    try {
      return EngineTestKit.engine("junit-jupiter").selectors(selector).execute();
    } finally {
      System.clearProperty(RUN_SAMPLES);
    }
  }

  static Throwable onlyFailure(EngineExecutionResults results) {
    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Event failed = results.testEvents().failed().list().getFirst();
    return failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  @LeakChecked
  @EnabledIfSystemProperty(named = RUN_SAMPLES, matches = "true")
  static class Samples {
    @Test
    void leaks100Bytes(BufferAllocator allocator) {
      allocator.allocate(100);
    }

    @Test
    void leaksThroughCurrent() {
      BufferAllocator.current().allocate(100);
      BufferAllocator.current().allocate(1);
    }

    @Test
    void leaksIntoGlobalFromAThread() throws InterruptedException {
      // The test's binding does not reach threads it starts: this allocates from global().
      Thread.ofPlatform().start(() -> GLOBAL_LEAK.add(BufferAllocator.current().allocate(200))).join();
    }

    @Test
    void failsAndLeaks() {
      BufferAllocator.current().allocate(64);
      throw new AssertionError("the test's own failure");
    }
  }

  @LeakChecked
  @EnabledIfSystemProperty(named = RUN_SAMPLES, matches = "true")
  static class CleanSamples {
    private Buffer fixture;
    private BufferAllocator beforeEachAllocator;

    @BeforeEach
    void allocateFixture(BufferAllocator allocator) {
      assertThat(BufferAllocator.current()).isSameAs(allocator);
      beforeEachAllocator = allocator;
      fixture = BufferAllocator.current().allocate(1000);
    }

    @AfterEach
    void releaseFixture() {
      assertThat(BufferAllocator.current()).isSameAs(beforeEachAllocator);
      fixture.release();
    }

    @Test
    void currentIsTheTestsOwnRoot(BufferAllocator allocator) {
      SEEN.add(allocator);
      assertThat(allocator).isSameAs(beforeEachAllocator).isNotSameAs(BufferAllocator.global());
      assertThat(allocator.parent()).isNull();
      assertThat(allocator.name()).isEqualTo("currentIsTheTestsOwnRoot(BufferAllocator)");
      assertThat(allocator.allocatedBytes()).isEqualTo(1024);
    }

    @Test
    void releasedBuffersAreNotLeaks() {
      SEEN.add(BufferAllocator.current());
      BufferAllocator.current().allocate(4096).release();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void parameterizedTestsAreBoundToo(int bytes) {
      SEEN.add(BufferAllocator.current());
      assertThat(BufferAllocator.current()).isSameAs(beforeEachAllocator);
      BufferAllocator.current().allocate(bytes).release();
    }
  }
}
