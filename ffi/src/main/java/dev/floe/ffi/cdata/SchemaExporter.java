package dev.floe.ffi.cdata;

import static dev.floe.ffi.cdata.ArrowStructs.SCHEMA_SIZE;

import dev.floe.errors.InternalFloeException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Fills {@code ArrowSchema} structures from Floe fields. Each node gets one block from the C heap
 * holding, in order: its children pointer array, its child structures, its dictionary structure,
 * its format string and its name. {@code private_data} is that block's address, so the release
 * callback needs no Java-side state: it releases the children and dictionary that are still
 * there (a consumer may have moved some out, leaving their release NULL, as the spec allows),
 * frees the block and sets release to NULL. Metadata is not exported (always NULL).
 */
@SuppressWarnings("restricted") // the upcall stub or downcall handle is this class's purpose
final class SchemaExporter {
  /** The release callback, an upcall stub created once for the life of the JVM. */
  static final MemorySegment RELEASE_STUB;

  static {
    try {
      var handle = MethodHandles.lookup().findStatic(
          SchemaExporter.class, "release", MethodType.methodType(void.class, long.class));
      RELEASE_STUB = Linker.nativeLinker().upcallStub(
          handle, FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG), Arena.global());
    } catch (ReflectiveOperationException failure) {
      throw new ExceptionInInitializerError(failure);
    }
  }

  private SchemaExporter() {}

  /** Fills the schema at {@code target} with {@code field}; on failure nothing is left allocated. */
  static void export(Field field, long target) {
    DataType type = field.type();
    long flags = field.nullable() ? ArrowStructs.FLAG_NULLABLE : 0;
    List<Field> children = children(type);
    Field dictionary = null;
    if (type instanceof DataType.Dictionary encoded) {
      dictionary = Field.of("", encoded.valueType());
      if (encoded.ordered()) {
        flags |= ArrowStructs.FLAG_DICTIONARY_ORDERED;
      }
    }
    fill(target, type.arrowFormat(), field.name(), flags, children, dictionary);
  }

  /** Fills the schema at {@code target} as a struct ({@code +s}) of {@code fields}, unnamed. */
  static void exportStruct(List<Field> fields, long target) {
    fill(target, "+s", "", 0, fields, null);
  }

  /** The child fields of a nested type in Arrow's order (none for other types). */
  static List<Field> children(DataType type) {
    return switch (type) {
      case DataType.ListType list -> List.of(list.valueField());
      case DataType.LargeListType list -> List.of(list.valueField());
      case DataType.FixedSizeListType list -> List.of(list.valueField());
      case DataType.StructType struct -> struct.fields();
      default -> List.of();
    };
  }

  private static void fill(
      long target, String format, String name, long flags, List<Field> children, Field dictionary) {
    byte[] formatBytes = NativeHeap.cString(format);
    byte[] nameBytes = NativeHeap.cString(name);
    int childCount = children.size();
    long childArrayBytes = childCount * 8L;
    long childStructs = childArrayBytes;
    long dictionaryStruct = childStructs + childCount * SCHEMA_SIZE;
    long formatAt = dictionaryStruct + (dictionary == null ? 0 : SCHEMA_SIZE);
    long nameAt = formatAt + formatBytes.length;
    long total = nameAt + nameBytes.length;
    long block = NativeHeap.mallocOrThrow(total, "an exported ArrowSchema");
    MemorySegment memory = NativeHeap.view(block, total);
    int filled = 0;
    boolean dictionaryFilled = false;
    try {
      for (; filled < childCount; filled++) {
        long child = block + childStructs + filled * SCHEMA_SIZE;
        memory.set(ValueLayout.JAVA_LONG, filled * 8L, child);
        export(children.get(filled), child);
      }
      if (dictionary != null) {
        export(dictionary, block + dictionaryStruct);
        dictionaryFilled = true;
      }
    } catch (RuntimeException | Error failure) {
      for (int index = 0; index < filled; index++) {
        release(block + childStructs + index * SCHEMA_SIZE);
      }
      if (dictionaryFilled) {
        release(block + dictionaryStruct);
      }
      NativeHeap.free(block);
      throw failure;
    }
    MemorySegment.copy(formatBytes, 0, memory, ValueLayout.JAVA_BYTE, formatAt, formatBytes.length);
    MemorySegment.copy(nameBytes, 0, memory, ValueLayout.JAVA_BYTE, nameAt, nameBytes.length);
    MemorySegment schema = NativeHeap.view(target, SCHEMA_SIZE);
    ArrowStructs.SCHEMA_FORMAT.set(schema, 0L, block + formatAt);
    ArrowStructs.SCHEMA_NAME.set(schema, 0L, block + nameAt);
    ArrowStructs.SCHEMA_METADATA.set(schema, 0L, 0L);
    ArrowStructs.SCHEMA_FLAGS.set(schema, 0L, flags);
    ArrowStructs.SCHEMA_N_CHILDREN.set(schema, 0L, (long) childCount);
    ArrowStructs.SCHEMA_CHILDREN.set(schema, 0L, childCount == 0 ? 0L : block);
    ArrowStructs.SCHEMA_DICTIONARY.set(schema, 0L, dictionary == null ? 0L : block + dictionaryStruct);
    ArrowStructs.SCHEMA_PRIVATE_DATA.set(schema, 0L, block);
    ArrowStructs.SCHEMA_RELEASE.set(schema, 0L, RELEASE_STUB.address());
  }

  /**
   * The release callback ({@code void release(struct ArrowSchema*)}). Runs on any thread and
   * never throws: failures go to {@link ReleaseFailures}. Release is NULL afterwards.
   */
  static void release(long struct) {
    MemorySegment schema = null;
    try {
      schema = NativeHeap.view(struct, SCHEMA_SIZE);
      if ((long) ArrowStructs.SCHEMA_RELEASE.get(schema, 0L) == 0) {
        Releases.record(new InternalFloeException(
            "release called on an ArrowSchema that is already released (0x"
                + Long.toHexString(struct) + ")"));
        return;
      }
      long count = (long) ArrowStructs.SCHEMA_N_CHILDREN.get(schema, 0L);
      long children = (long) ArrowStructs.SCHEMA_CHILDREN.get(schema, 0L);
      if (count > 0) {
        MemorySegment pointers = NativeHeap.view(children, count * 8);
        for (long index = 0; index < count; index++) {
          long child = pointers.getAtIndex(ValueLayout.JAVA_LONG, index);
          if (child != 0) {
            Releases.releaseSchemaStruct(child);
          }
        }
      }
      long dictionary = (long) ArrowStructs.SCHEMA_DICTIONARY.get(schema, 0L);
      if (dictionary != 0) {
        Releases.releaseSchemaStruct(dictionary);
      }
      NativeHeap.free((long) ArrowStructs.SCHEMA_PRIVATE_DATA.get(schema, 0L));
      ArrowStructs.SCHEMA_RELEASE.set(schema, 0L, 0L);
    } catch (Throwable failure) {
      Releases.record(failure);
      if (schema != null) {
        try {
          ArrowStructs.SCHEMA_RELEASE.set(schema, 0L, 0L);
        } catch (Throwable ignored) {
          // nothing more can be done without throwing into native code
        }
      }
    }
  }
}
