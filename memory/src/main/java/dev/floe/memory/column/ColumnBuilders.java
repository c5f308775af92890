package dev.floe.memory.column;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;

/**
 * Creates the builder for any {@link DataType}; nested types get nested builders (a list of
 * structs gets a {@link ListBuilder} whose values builder is a {@link StructBuilder}, and so on).
 * The switch names every variant, so a new DataType fails to compile here until it has a builder.
 */
public final class ColumnBuilders {
  private ColumnBuilders() {}

  /** A new, empty builder of {@code type} allocating from {@code allocator}; caller closes it. */
  public static ColumnBuilder forType(DataType type, BufferAllocator allocator) {
    return switch (type) {
      case DataType.NullType t -> new NullBuilder(allocator);
      case DataType.BooleanType t -> new BooleanBuilder(allocator);
      case DataType.Int8 t -> new FixedWidthBuilder(type, allocator);
      case DataType.Int16 t -> new FixedWidthBuilder(type, allocator);
      case DataType.Int32 t -> new FixedWidthBuilder(type, allocator);
      case DataType.Int64 t -> new FixedWidthBuilder(type, allocator);
      case DataType.UInt8 t -> new FixedWidthBuilder(type, allocator);
      case DataType.UInt16 t -> new FixedWidthBuilder(type, allocator);
      case DataType.UInt32 t -> new FixedWidthBuilder(type, allocator);
      case DataType.UInt64 t -> new FixedWidthBuilder(type, allocator);
      case DataType.Float32 t -> new FixedWidthBuilder(type, allocator);
      case DataType.Float64 t -> new FixedWidthBuilder(type, allocator);
      case DataType.Decimal128 t -> new FixedWidthBuilder(type, allocator);
      case DataType.Date32 t -> new FixedWidthBuilder(type, allocator);
      case DataType.Time64 t -> new FixedWidthBuilder(type, allocator);
      case DataType.Timestamp t -> new FixedWidthBuilder(type, allocator);
      case DataType.Duration t -> new FixedWidthBuilder(type, allocator);
      case DataType.Utf8 t -> new VarBinaryBuilder(type, allocator);
      case DataType.LargeUtf8 t -> new VarBinaryBuilder(type, allocator);
      case DataType.Binary t -> new VarBinaryBuilder(type, allocator);
      case DataType.LargeBinary t -> new VarBinaryBuilder(type, allocator);
      case DataType.Utf8View t -> new ViewBuilder(type, allocator);
      case DataType.BinaryView t -> new ViewBuilder(type, allocator);
      case DataType.FixedSizeBinary binary -> new FixedSizeBinaryBuilder(binary, allocator);
      case DataType.ListType t -> new ListBuilder(type, allocator);
      case DataType.LargeListType t -> new ListBuilder(type, allocator);
      case DataType.FixedSizeListType list -> new FixedSizeListBuilder(list, allocator);
      case DataType.StructType struct -> new StructBuilder(struct, allocator);
      case DataType.Dictionary dictionary -> new DictionaryBuilder(dictionary, allocator);
    };
  }

  /** The error of a builder given a Java value it cannot store. */
  static SchemaMismatchException mismatch(DataType type, Object value) {
    return new SchemaMismatchException(
        "cannot store " + describe(value) + " (" + value.getClass().getSimpleName()
            + ") in a column of " + type);
  }

  private static String describe(Object value) {
    String text = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
