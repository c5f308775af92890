package dev.floe.ffi.python;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Release callbacks of structs the bridge wraps run exactly once, whoever ends up owning them. */
@SuppressWarnings("restricted") // a Java release callback as a C function pointer
class CapsuleReleaseTest {
  private static final AtomicInteger RELEASES = new AtomicInteger();
  private static final MemorySegment RELEASE = releaseStub();

  private final PythonBridge bridge = TestPython.bridge();

  private static MemorySegment releaseStub() {
    try {
      var target = MethodHandles.lookup().findStatic(CapsuleReleaseTest.class, "release",
          MethodType.methodType(void.class, MemorySegment.class));
      return Linker.nativeLinker().upcallStub(target, FunctionDescriptor.ofVoid(ADDRESS), Arena.global());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static void release(MemorySegment struct) {
    try {
      RELEASES.incrementAndGet();
      struct.reinterpret(CapsuleStructs.STREAM_SIZE).set(ADDRESS, CapsuleStructs.STREAM_RELEASE, MemorySegment.NULL);
    } catch (Throwable ignored) {
      // never let an exception escape an upcall
    }
  }

  /** A stream struct with only a release callback (consumers here never read it). */
  private static MemorySegment fakeStream() {
    MemorySegment stream = CapsuleStructs.allocate(CapsuleStructs.STREAM_SIZE);
    stream.set(ADDRESS, CapsuleStructs.STREAM_RELEASE, RELEASE);
    return stream;
  }

  @Test
  void anUnconsumedWrapperReleasesOnClose() {
    int before = RELEASES.get();
    bridge.wrapArrowStream(fakeStream()).close();
    assertThat(RELEASES.get() - before).isEqualTo(1);
  }

  @Test
  void aCapsuleTakenByPythonReleasesWhenPythonDropsIt() {
    int before = RELEASES.get();
    try (PyObjectRef wrapped = bridge.wrapArrowStream(fakeStream())) {
      bridge.exec("kept = []");
      bridge.call("lambda o: kept.append(o.__arrow_c_stream__())", wrapped);
    }
    assertThat(RELEASES.get() - before).isZero(); // the capsule is still alive in `kept`
    bridge.exec("del kept");
    assertThat(RELEASES.get() - before).isEqualTo(1);
  }

  @Test
  void takingBackAWrappedStreamMovesOwnershipToJava() {
    int before = RELEASES.get();
    MemorySegment taken;
    try (PyObjectRef wrapped = bridge.wrapArrowStream(fakeStream())) {
      taken = bridge.takeArrowStream(wrapped);
    }
    assertThat(RELEASES.get() - before).isZero(); // the capsule only freed its moved-out copy
    assertThat(ArrowStreamCalls.isLive(taken, CapsuleStructs.STREAM_RELEASE)).isTrue();
    CapsuleStructs.releaseAndFree(taken, CapsuleStructs.STREAM_RELEASE);
    assertThat(RELEASES.get() - before).isEqualTo(1);
  }

  @Test
  void anUnclosedWrapperIsReleasedAfterItBecomesUnreachable() throws InterruptedException {
    int before = RELEASES.get();
    bridge.wrapArrowStream(fakeStream()); // dropped without close
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (RELEASES.get() == before && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
      bridge.eval("None"); // the cleaner's decref is queued on the Python thread
    }
    assertThat(RELEASES.get() - before).isEqualTo(1);
  }
}
