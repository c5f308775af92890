package dev.floe.ffi.cdata;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The two structures of the Arrow C Data Interface as FFM layouts, with a {@link VarHandle} per
 * member (https://arrow.apache.org/docs/format/CDataInterface.html, "Structure definitions").
 *
 * <pre>
 * struct ArrowSchema {                struct ArrowArray {
 *   const char* format;      //  0      int64_t length;             //  0
 *   const char* name;        //  8      int64_t null_count;         //  8
 *   const char* metadata;    // 16      int64_t offset;             // 16
 *   int64_t flags;           // 24      int64_t n_buffers;          // 24
 *   int64_t n_children;      // 32      int64_t n_children;         // 32
 *   ArrowSchema** children;  // 40      const void** buffers;       // 40
 *   ArrowSchema* dictionary; // 48      ArrowArray** children;      // 48
 *   void (*release)(...);    // 56      ArrowArray* dictionary;     // 56
 *   void* private_data;      // 64      void (*release)(...);       // 64
 * };                         // 72      void* private_data;         // 72
 *                                     };                            // 80
 * </pre>
 *
 * <p>Pointers are declared as 64-bit integers ({@code JAVA_LONG}): Floe runs on 64-bit platforms
 * only (checked when this class loads), and plain addresses avoid a {@code MemorySegment} per read.
 * Every handle takes the structure's segment and a base offset ({@code 0L}).
 */
public final class ArrowStructs {
  /** {@code ARROW_FLAG_DICTIONARY_ORDERED}: the dictionary's values are ordered. */
  public static final long FLAG_DICTIONARY_ORDERED = 1;
  /** {@code ARROW_FLAG_NULLABLE}: the field may contain nulls. */
  public static final long FLAG_NULLABLE = 2;
  /** {@code ARROW_FLAG_MAP_KEYS_SORTED}: only meaningful for maps, which Floe does not have. */
  public static final long FLAG_MAP_KEYS_SORTED = 4;

  /** The {@code struct ArrowSchema} layout (72 bytes). */
  public static final StructLayout SCHEMA =
      MemoryLayout.structLayout(
          ValueLayout.JAVA_LONG.withName("format"),
          ValueLayout.JAVA_LONG.withName("name"),
          ValueLayout.JAVA_LONG.withName("metadata"),
          ValueLayout.JAVA_LONG.withName("flags"),
          ValueLayout.JAVA_LONG.withName("n_children"),
          ValueLayout.JAVA_LONG.withName("children"),
          ValueLayout.JAVA_LONG.withName("dictionary"),
          ValueLayout.JAVA_LONG.withName("release"),
          ValueLayout.JAVA_LONG.withName("private_data"))
          .withName("ArrowSchema");

  /** The {@code struct ArrowArray} layout (80 bytes). */
  public static final StructLayout ARRAY =
      MemoryLayout.structLayout(
          ValueLayout.JAVA_LONG.withName("length"),
          ValueLayout.JAVA_LONG.withName("null_count"),
          ValueLayout.JAVA_LONG.withName("offset"),
          ValueLayout.JAVA_LONG.withName("n_buffers"),
          ValueLayout.JAVA_LONG.withName("n_children"),
          ValueLayout.JAVA_LONG.withName("buffers"),
          ValueLayout.JAVA_LONG.withName("children"),
          ValueLayout.JAVA_LONG.withName("dictionary"),
          ValueLayout.JAVA_LONG.withName("release"),
          ValueLayout.JAVA_LONG.withName("private_data"))
          .withName("ArrowArray");

  public static final long SCHEMA_SIZE = SCHEMA.byteSize();
  public static final long ARRAY_SIZE = ARRAY.byteSize();

  static final VarHandle SCHEMA_FORMAT = schemaHandle("format");
  static final VarHandle SCHEMA_NAME = schemaHandle("name");
  static final VarHandle SCHEMA_METADATA = schemaHandle("metadata");
  static final VarHandle SCHEMA_FLAGS = schemaHandle("flags");
  static final VarHandle SCHEMA_N_CHILDREN = schemaHandle("n_children");
  static final VarHandle SCHEMA_CHILDREN = schemaHandle("children");
  static final VarHandle SCHEMA_DICTIONARY = schemaHandle("dictionary");
  static final VarHandle SCHEMA_RELEASE = schemaHandle("release");
  static final VarHandle SCHEMA_PRIVATE_DATA = schemaHandle("private_data");

  static final VarHandle ARRAY_LENGTH = arrayHandle("length");
  static final VarHandle ARRAY_NULL_COUNT = arrayHandle("null_count");
  static final VarHandle ARRAY_OFFSET = arrayHandle("offset");
  static final VarHandle ARRAY_N_BUFFERS = arrayHandle("n_buffers");
  static final VarHandle ARRAY_N_CHILDREN = arrayHandle("n_children");
  static final VarHandle ARRAY_BUFFERS = arrayHandle("buffers");
  static final VarHandle ARRAY_CHILDREN = arrayHandle("children");
  static final VarHandle ARRAY_DICTIONARY = arrayHandle("dictionary");
  static final VarHandle ARRAY_RELEASE = arrayHandle("release");
  static final VarHandle ARRAY_PRIVATE_DATA = arrayHandle("private_data");

  static {
    if (ValueLayout.ADDRESS.byteSize() != 8 || SCHEMA_SIZE != 72 || ARRAY_SIZE != 80) {
      throw new ExceptionInInitializerError(
          "the Arrow C Data Interface needs 64-bit pointers; this platform has "
              + ValueLayout.ADDRESS.byteSize() * 8 + "-bit pointers");
    }
  }

  private ArrowStructs() {}

  /**
   * A new zeroed {@code ArrowSchema} (release NULL) from the C heap, for a caller that has none;
   * free it with {@link #free} after its content has been released or moved.
   */
  public static MemorySegment allocateSchema() {
    return NativeHeap.view(NativeHeap.callocOrThrow(SCHEMA_SIZE, "an ArrowSchema"), SCHEMA_SIZE);
  }

  /** A new zeroed {@code ArrowArray} (release NULL) from the C heap; free it with {@link #free}. */
  public static MemorySegment allocateArray() {
    return NativeHeap.view(NativeHeap.callocOrThrow(ARRAY_SIZE, "an ArrowArray"), ARRAY_SIZE);
  }

  /**
   * A new zeroed {@code ArrowArrayStream} (40 bytes, release NULL) from the C heap, for an export
   * ({@code DataFrame.exportArrowStream(out)}); free it with {@link #free} after its consumer
   * released it, or hand it to a consumer that frees it (a Python capsule does).
   */
  public static MemorySegment allocateStream() {
    return StreamStruct.allocate();
  }

  /** Frees a structure from {@link #allocateSchema}, {@link #allocateArray} or {@link #allocateStream} (not its content). */
  public static void free(MemorySegment struct) {
    NativeHeap.free(struct.address());
  }

  /** True if the schema's release member is NULL (released, moved, or never filled). */
  public static boolean isSchemaReleased(MemorySegment schema) {
    return (long) SCHEMA_RELEASE.get(schema, 0L) == 0;
  }

  /** True if the array's release member is NULL (released, moved, or never filled). */
  public static boolean isArrayReleased(MemorySegment array) {
    return (long) ARRAY_RELEASE.get(array, 0L) == 0;
  }

  /**
   * Calls the schema's release callback if it is not released yet (a consumer giving up a schema
   * it will not import). Afterwards the release member is NULL.
   */
  public static void releaseSchema(MemorySegment schema) {
    Releases.releaseSchemaStruct(schema.address());
  }

  /** Calls the array's release callback if it is not released yet; afterwards release is NULL. */
  public static void releaseArray(MemorySegment array) {
    Releases.releaseArrayStruct(array.address());
  }

  private static VarHandle schemaHandle(String member) {
    return SCHEMA.varHandle(MemoryLayout.PathElement.groupElement(member));
  }

  private static VarHandle arrayHandle(String member) {
    return ARRAY.varHandle(MemoryLayout.PathElement.groupElement(member));
  }
}
