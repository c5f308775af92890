package dev.floe.ffi.cdata;

import static dev.floe.ffi.cdata.ArrowStructs.ARRAY_SIZE;

import dev.floe.errors.InternalFloeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.Layout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills {@code ArrowArray} structures from Floe columns, zero-copy: buffer pointers are the Floe
 * buffers' addresses and the column's own offset becomes {@code offset}. Each exported buffer is
 * retained; the release callback releases each exactly once.
 *
 * <p>Each node gets one block from the C heap holding its buffer pointer array, the variadic
 * buffer sizes of a view column (an int64 array, exported as the last buffer as the spec's
 * "Binary view arrays" section requires), its children pointer array and child structures, and
 * its dictionary structure. {@code private_data} is an id into a map of the retained buffers; the
 * children release on their own (a consumer may move one out), so the parent's release only
 * releases those still present.
 */
@SuppressWarnings("restricted") // the upcall stub or downcall handle is this class's purpose
final class ArrayExporter {
  /** The release callback, an upcall stub created once for the life of the JVM. */
  static final MemorySegment RELEASE_STUB;

  private static final ConcurrentHashMap<Long, Node> NODES = new ConcurrentHashMap<>();
  private static final AtomicLong IDS = new AtomicLong();

  /** What a node's release frees: its block and its retained buffers. */
  private record Node(long block, Buffer[] buffers) {}

  static {
    try {
      var handle = MethodHandles.lookup().findStatic(
          ArrayExporter.class, "release", MethodType.methodType(void.class, long.class));
      RELEASE_STUB = Linker.nativeLinker().upcallStub(
          handle, FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG), Arena.global());
    } catch (ReflectiveOperationException failure) {
      throw new ExceptionInInitializerError(failure);
    }
  }

  private ArrayExporter() {}

  /** Exported nodes not yet released (for tests and leak diagnostics). */
  static int liveNodes() {
    return NODES.size();
  }

  /** Fills the array at {@code target} with {@code column}; on failure nothing stays retained. */
  static void export(Column column, long target) {
    Layout layout = column.type().layout();
    Buffer[] buffers = column.buffers().toArray(new Buffer[0]);
    long[] variadicSizes = null;
    if (layout == Layout.VIEW) {
      variadicSizes = new long[buffers.length - 2];
      for (int index = 0; index < variadicSizes.length; index++) {
        variadicSizes[index] = buffers[index + 2].capacity();
      }
    }
    List<Column> children = column.children();
    Column dictionary = null;
    if (layout == Layout.DICTIONARY) {
      dictionary = children.getFirst();
      children = List.of();
    }
    fill(target, column.length(), column.nullCount(), column.offset(), buffers, variadicSizes,
        children, dictionary);
  }

  /** Fills the array at {@code target} as a struct without nulls over {@code columns}. */
  static void exportStruct(List<Column> columns, int length, long target) {
    fill(target, length, 0, 0, new Buffer[] {null}, null, columns, null);
  }

  private static void fill(long target, long length, long nullCount, long offset, Buffer[] buffers,
      long[] variadicSizes, List<Column> children, Column dictionary) {
    int sizeCount = variadicSizes == null ? 0 : variadicSizes.length;
    int bufferCount = buffers.length + (variadicSizes == null ? 0 : 1);
    int childCount = children.size();
    long sizesAt = bufferCount * 8L;
    long childrenAt = sizesAt + sizeCount * 8L;
    long childStructs = childrenAt + childCount * 8L;
    long dictionaryStruct = childStructs + childCount * ARRAY_SIZE;
    long total = dictionaryStruct + (dictionary == null ? 0 : ARRAY_SIZE);
    retainAll(buffers);
    long block;
    try {
      block = NativeHeap.mallocOrThrow(total, "an exported ArrowArray");
    } catch (RuntimeException failure) {
      releaseAll(buffers);
      throw failure;
    }
    MemorySegment memory = NativeHeap.view(block, Math.max(total, 1));
    for (int index = 0; index < buffers.length; index++) {
      Buffer buffer = buffers[index];
      memory.setAtIndex(ValueLayout.JAVA_LONG, index, buffer == null ? 0L : buffer.address());
    }
    if (variadicSizes != null) {
      memory.setAtIndex(ValueLayout.JAVA_LONG, buffers.length, block + sizesAt);
      MemorySegment.copy(variadicSizes, 0, memory, ValueLayout.JAVA_LONG, sizesAt, sizeCount);
    }
    int filled = 0;
    boolean dictionaryFilled = false;
    try {
      for (; filled < childCount; filled++) {
        long child = block + childStructs + filled * ARRAY_SIZE;
        memory.set(ValueLayout.JAVA_LONG, childrenAt + filled * 8L, child);
        export(children.get(filled), child);
      }
      if (dictionary != null) {
        export(dictionary, block + dictionaryStruct);
        dictionaryFilled = true;
      }
    } catch (RuntimeException | Error failure) {
      for (int index = 0; index < filled; index++) {
        release(block + childStructs + index * ARRAY_SIZE);
      }
      if (dictionaryFilled) {
        release(block + dictionaryStruct);
      }
      NativeHeap.free(block);
      releaseAll(buffers);
      throw failure;
    }
    long id = IDS.incrementAndGet();
    NODES.put(id, new Node(block, buffers));
    MemorySegment array = NativeHeap.view(target, ARRAY_SIZE);
    ArrowStructs.ARRAY_LENGTH.set(array, 0L, length);
    ArrowStructs.ARRAY_NULL_COUNT.set(array, 0L, nullCount);
    ArrowStructs.ARRAY_OFFSET.set(array, 0L, offset);
    ArrowStructs.ARRAY_N_BUFFERS.set(array, 0L, (long) bufferCount);
    ArrowStructs.ARRAY_N_CHILDREN.set(array, 0L, (long) childCount);
    ArrowStructs.ARRAY_BUFFERS.set(array, 0L, bufferCount == 0 ? 0L : block);
    ArrowStructs.ARRAY_CHILDREN.set(array, 0L, childCount == 0 ? 0L : block + childrenAt);
    ArrowStructs.ARRAY_DICTIONARY.set(array, 0L, dictionary == null ? 0L : block + dictionaryStruct);
    ArrowStructs.ARRAY_PRIVATE_DATA.set(array, 0L, id);
    ArrowStructs.ARRAY_RELEASE.set(array, 0L, RELEASE_STUB.address());
  }

  /** Retains every non-null buffer, or none (a buffer of a closed column cannot be retained). */
  private static void retainAll(Buffer[] buffers) {
    for (int index = 0; index < buffers.length; index++) {
      if (buffers[index] == null) {
        continue;
      }
      try {
        buffers[index].retain();
      } catch (RuntimeException failure) {
        for (int undo = 0; undo < index; undo++) {
          if (buffers[undo] != null) {
            buffers[undo].release();
          }
        }
        throw new InvalidOperationException(
            "cannot export a column whose buffers were released (was it closed?)", failure);
      }
    }
  }

  private static void releaseAll(Buffer[] buffers) {
    for (Buffer buffer : buffers) {
      if (buffer == null) {
        continue;
      }
      try {
        buffer.release();
      } catch (Throwable failure) {
        Releases.record(failure);
      }
    }
  }

  /**
   * The release callback ({@code void release(struct ArrowArray*)}). Runs on any thread and
   * never throws: failures go to {@link ReleaseFailures}. Release is NULL afterwards.
   */
  static void release(long struct) {
    MemorySegment array = null;
    try {
      array = NativeHeap.view(struct, ARRAY_SIZE);
      if ((long) ArrowStructs.ARRAY_RELEASE.get(array, 0L) == 0) {
        Releases.record(new InternalFloeException(
            "release called on an ArrowArray that is already released (0x"
                + Long.toHexString(struct) + ")"));
        return;
      }
      long count = (long) ArrowStructs.ARRAY_N_CHILDREN.get(array, 0L);
      if (count > 0) {
        long children = (long) ArrowStructs.ARRAY_CHILDREN.get(array, 0L);
        MemorySegment pointers = NativeHeap.view(children, count * 8);
        for (long index = 0; index < count; index++) {
          long child = pointers.getAtIndex(ValueLayout.JAVA_LONG, index);
          if (child != 0) {
            Releases.releaseArrayStruct(child);
          }
        }
      }
      long dictionary = (long) ArrowStructs.ARRAY_DICTIONARY.get(array, 0L);
      if (dictionary != 0) {
        Releases.releaseArrayStruct(dictionary);
      }
      long id = (long) ArrowStructs.ARRAY_PRIVATE_DATA.get(array, 0L);
      Node node = NODES.remove(id);
      if (node == null) {
        Releases.record(new InternalFloeException(
            "release of an ArrowArray with unknown private_data " + id));
      } else {
        releaseAll(node.buffers());
        NativeHeap.free(node.block());
      }
      ArrowStructs.ARRAY_RELEASE.set(array, 0L, 0L);
    } catch (Throwable failure) {
      Releases.record(failure);
      if (array != null) {
        try {
          ArrowStructs.ARRAY_RELEASE.set(array, 0L, 0L);
        } catch (Throwable ignored) {
          // nothing more can be done without throwing into native code
        }
      }
    }
  }
}
