package dev.floe.ffi.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PythonThreadingTest {
  private final PythonBridge bridge = TestPython.bridge();

  @Test
  void callsFromManyJavaThreadsAreSerializedSafely() throws Exception {
    bridge.exec("threading-ns",
        "counter = 0\ndef bump(n):\n    global counter\n    counter += n\n    return counter\n");
    int threads = 8;
    int calls = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          long last = 0;
          for (int i = 0; i < calls; i++) {
            last = (Long) bridge.callIn("threading-ns", "bump", 1);
            assertThat(bridge.eval("threading-ns", "[str(i) for i in range(3)]")).isEqualTo(List.of("0", "1", "2"));
          }
          return last;
        }));
      }
      for (Future<Long> future : futures) {
        assertThat(future.get(120, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(bridge.eval("threading-ns", "counter")).isEqualTo((long) threads * calls);
  }

  @Test
  void virtualThreadsCanCallToo() throws Exception {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int value = i;
        futures.add(pool.submit(() -> bridge.call("abs", -value)));
      }
      for (int i = 0; i < 50; i++) {
        assertThat(futures.get(i).get(60, TimeUnit.SECONDS)).isEqualTo((long) i);
      }
    }
  }

  @Test
  void workSubmittedFromThePythonThreadRunsDirectly() {
    PythonRuntime runtime = PythonRuntime.start(PythonOptions.of(TestPython.executable()));
    Object nested = runtime.run(() -> {
      assertThat(runtime.onPythonThread()).isTrue();
      return bridge.eval("6 * 7"); // would deadlock if it were queued behind this task
    });
    assertThat(nested).isEqualTo(42L);
    assertThat(runtime.onPythonThread()).isFalse();
  }

  @Test
  void pythonThreadsRunBetweenBridgeCalls() {
    bridge.exec("import threading, time\nresults = []\n"
        + "def work():\n    time.sleep(0.05)\n    results.append(threading.current_thread().name)\n"
        + "worker = threading.Thread(target=work, name='py-worker')\nworker.start()\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!bridge.eval("results").equals(List.of("py-worker")) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    bridge.exec("worker.join()");
    assertThat(bridge.eval("results")).isEqualTo(List.of("py-worker"));
  }
}
