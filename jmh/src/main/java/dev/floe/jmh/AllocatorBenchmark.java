package dev.floe.jmh;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Allocating and releasing one buffer from a child allocator of a root (the per-operator pattern),
 * against the FFM arenas as same-run peers. {@code Arena.allocate} zeroes its memory, so the fair
 * peer of the arenas is {@link #floeAllocateZeroedRelease}; {@link #floeAllocateRelease} leaves the
 * contents uninitialized as builders use it. Target: 4 KiB allocate + release under 1 us.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class AllocatorBenchmark {
  private static final long ALIGNMENT = 64;

  /** 4 KiB and 1 MiB. */
  @Param({"4096", "1048576"})
  public long bytes;

  private BufferAllocator root;
  private BufferAllocator child;

  @Setup(Level.Trial)
  public void setUp() {
    root = BufferAllocator.newRoot("benchmark", Long.MAX_VALUE);
    child = root.newChild("operator", Long.MAX_VALUE);
    verifyAnswers();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    child.close(); // throws if any benchmark leaked a buffer
    root.close();
  }

  @Benchmark
  public long floeAllocateRelease() {
    Buffer buffer = child.allocate(bytes);
    long address = buffer.address();
    buffer.release();
    return address;
  }

  @Benchmark
  public long floeAllocateZeroedRelease() {
    Buffer buffer = child.allocateZeroed(bytes);
    long address = buffer.address();
    buffer.release();
    return address;
  }

  @Benchmark
  public long confinedArenaAllocateClose() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment segment = arena.allocate(bytes, ALIGNMENT);
      return segment.address();
    }
  }

  @Benchmark
  public long sharedArenaAllocateClose() {
    try (Arena arena = Arena.ofShared()) {
      MemorySegment segment = arena.allocate(bytes, ALIGNMENT);
      return segment.address();
    }
  }

  /** Each variant returns aligned memory of the right size, accounted and then fully returned. */
  void verifyAnswers() {
    Buffer buffer = child.allocateZeroed(bytes);
    check(buffer.capacity() == bytes, "capacity " + buffer.capacity() + " != " + bytes);
    check(buffer.address() % ALIGNMENT == 0, "buffer not 64-byte aligned");
    check(child.allocatedBytes() == bytes && root.allocatedBytes() == bytes,
        "child and root must account " + bytes + " bytes: " + child + ", " + root);
    check(buffer.segment().get(java.lang.foreign.ValueLayout.JAVA_LONG, bytes - 8) == 0, "not zeroed");
    buffer.release();
    check(floeAllocateRelease() % ALIGNMENT == 0, "unaligned");
    check(floeAllocateZeroedRelease() % ALIGNMENT == 0, "unaligned");
    check(confinedArenaAllocateClose() % ALIGNMENT == 0, "unaligned confined arena segment");
    check(sharedArenaAllocateClose() % ALIGNMENT == 0, "unaligned shared arena segment");
    check(root.allocatedBytes() == 0, "memory still accounted after release: " + root);
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("benchmark answer is wrong: " + message);
    }
  }
}
