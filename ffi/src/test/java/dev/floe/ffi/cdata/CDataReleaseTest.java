package dev.floe.ffi.cdata;

import static dev.floe.ffi.cdata.CDataRoundTripTest.build;
import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Release callbacks: exactly once, from other threads, for foreign producers and for Floe's own. */
@LeakChecked
@SuppressWarnings("restricted")
class CDataReleaseTest {
  private static final AtomicInteger FOREIGN_RELEASES = new AtomicInteger();
  private static final MemorySegment FOREIGN_RELEASE;

  static {
    try {
      MethodHandle handle = MethodHandles.lookup().findStatic(
          CDataReleaseTest.class, "foreignRelease", MethodType.methodType(void.class, long.class));
      FOREIGN_RELEASE = Linker.nativeLinker().upcallStub(
          handle, FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG), Arena.global());
    } catch (ReflectiveOperationException failure) {
      throw new ExceptionInInitializerError(failure);
    }
  }

  /** A test producer's release: counts and marks the array released. */
  static void foreignRelease(long struct) {
    FOREIGN_RELEASES.incrementAndGet();
    ArrowStructs.ARRAY_RELEASE.set(NativeHeap.view(struct, ArrowStructs.ARRAY_SIZE), 0L, 0L);
  }

  @Test
  void aForeignProducersReleaseRunsExactlyOnceAfterTheLastFloeBuffer(BufferAllocator allocator) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment values = arena.allocate(4 * 5, 64);
      for (int index = 0; index < 5; index++) {
        values.setAtIndex(ValueLayout.JAVA_INT, index, index * 10);
      }
      MemorySegment validity = arena.allocate(64, 64);
      validity.set(ValueLayout.JAVA_BYTE, 0, (byte) 0b11101); // index 1 null
      MemorySegment buffers = arena.allocate(16, 8);
      buffers.setAtIndex(ValueLayout.JAVA_LONG, 0, validity.address());
      buffers.setAtIndex(ValueLayout.JAVA_LONG, 1, values.address());
      MemorySegment array = arena.allocate(ArrowStructs.ARRAY);
      ArrowStructs.ARRAY_LENGTH.set(array, 0L, 4L);
      ArrowStructs.ARRAY_NULL_COUNT.set(array, 0L, -1L);
      ArrowStructs.ARRAY_OFFSET.set(array, 0L, 1L);
      ArrowStructs.ARRAY_N_BUFFERS.set(array, 0L, 2L);
      ArrowStructs.ARRAY_BUFFERS.set(array, 0L, buffers.address());
      ArrowStructs.ARRAY_RELEASE.set(array, 0L, FOREIGN_RELEASE.address());
      int before = FOREIGN_RELEASES.get();

      Column imported = new CDataImporter(allocator).importColumn(array, Field.of("x", DataType.INT32));
      assertThat(ArrowStructs.isArrayReleased(array)).as("moved out").isTrue();
      assertThat(imported.nullCount()).as("null_count -1 is computed").isEqualTo(1);
      assertThat(imported.buffers().get(1).address()).isEqualTo(values.address());
      Column slice = imported.slice(1, 2);
      imported.close();
      assertThat(FOREIGN_RELEASES.get() - before).as("a slice still holds the memory").isZero();
      assertColumnEquals(slice, Arrays.asList(20, 30));
      slice.close();
      assertThat(FOREIGN_RELEASES.get() - before).isEqualTo(1);
      assertThat(allocator.allocatedBytes()).isZero();
    }
  }

  @Test
  void floeReleaseCallbackWorksWhenCalledOnANativeThread(BufferAllocator allocator) throws Throwable {
    Schema schema = Schema.of(Field.of("a", DataType.INT64), Field.of("b", DataType.LARGE_UTF8));
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schemaStruct = ArrowStructs.allocateSchema();
    long failuresBefore = ReleaseFailures.count();
    try (RecordBatch batch = new RecordBatch(schema, List.of(
        build(DataType.INT64, allocator, 7L, null), build(DataType.LARGE_UTF8, allocator, "u", "v")), 2)) {
      CDataExporter.exportBatch(batch, array, schemaStruct);
      assertThat(batch.column(1).buffers().get(2).referenceCount()).isEqualTo(2);
      long arrayRelease = (long) ArrowStructs.ARRAY_RELEASE.get(array, 0L);
      long schemaRelease = (long) ArrowStructs.SCHEMA_RELEASE.get(schemaStruct, 0L);
      runOnNewThread(arrayRelease, array.address());
      runOnNewThread(schemaRelease, schemaStruct.address());
      assertThat(ArrowStructs.isArrayReleased(array)).isTrue();
      assertThat(ArrowStructs.isSchemaReleased(schemaStruct)).isTrue();
      assertThat(batch.column(1).buffers().get(2).referenceCount()).isEqualTo(1);
      assertThat(batch.column(0).buffers().get(1).referenceCount()).isEqualTo(1);
      assertThat(ReleaseFailures.count()).isEqualTo(failuresBefore);
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schemaStruct);
    }
  }

  /**
   * Calls {@code function(argument)} on a thread created by the C library ({@code pthread_create}),
   * as a consumer's worker thread would; falls back to a new Java thread calling through a downcall.
   */
  private static void runOnNewThread(long function, long argument) throws Throwable {
    Linker linker = Linker.nativeLinker();
    var create = linker.defaultLookup().find("pthread_create");
    var join = linker.defaultLookup().find("pthread_join");
    if (System.getProperty("os.name", "").startsWith("Linux")) {
      assertThat(create).as("glibc exports pthread_create").isPresent();
    }
    if (create.isPresent() && join.isPresent()) {
      MethodHandle pthreadCreate = linker.downcallHandle(create.get(), FunctionDescriptor.of(
          ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
          ValueLayout.JAVA_LONG));
      MethodHandle pthreadJoin = linker.downcallHandle(join.get(), FunctionDescriptor.of(
          ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment thread = arena.allocate(ValueLayout.JAVA_LONG);
        // release has the shape void(void*); as a start routine its return value is not used
        int created = (int) pthreadCreate.invokeExact(thread, 0L, function, argument);
        assertThat(created).isZero();
        int joined = (int) pthreadJoin.invokeExact(thread.get(ValueLayout.JAVA_LONG, 0), 0L);
        assertThat(joined).isZero();
      }
      return;
    }
    MethodHandle call = linker.downcallHandle(FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG));
    Throwable[] failure = new Throwable[1];
    Thread worker = Thread.ofPlatform().start(() -> {
      try {
        call.invokeExact(MemorySegment.ofAddress(function), argument);
      } catch (Throwable thrown) {
        failure[0] = thrown;
      }
    });
    worker.join();
    if (failure[0] != null) {
      throw failure[0];
    }
  }
}
