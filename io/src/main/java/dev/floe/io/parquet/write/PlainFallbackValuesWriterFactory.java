package dev.floe.io.parquet.write;

import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.column.values.plain.BooleanPlainValuesWriter;
import org.apache.parquet.column.values.plain.FixedLenByteArrayPlainValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;

/**
 * parquet-mr's value writers in the combination Polars and pyarrow write with version-1 data
 * pages: a dictionary with RLE_DICTIONARY indices (PLAIN dictionary page) that falls back to PLAIN
 * once the dictionary outgrows the dictionary page size, else PLAIN. parquet-mr's own version-1
 * factory would write the deprecated PLAIN_DICTIONARY encoding, its version-2 factory DELTA
 * encodings on fallback. Booleans are always PLAIN (no dictionary), as in both writers.
 */
final class PlainFallbackValuesWriterFactory implements ValuesWriterFactory {
  private ParquetProperties properties;

  @Override
  public void initialize(ParquetProperties parquetProperties) {
    this.properties = parquetProperties;
  }

  @Override
  public ValuesWriter newValuesWriter(ColumnDescriptor descriptor) {
    ValuesWriter plain = plain(descriptor);
    if (!properties.isDictionaryEnabled(descriptor)) {
      return plain;
    }
    int limit = properties.getDictionaryPageSizeThreshold();
    ByteBufferAllocator allocator = properties.getAllocator();
    Encoding data = Encoding.RLE_DICTIONARY;
    Encoding page = Encoding.PLAIN;
    DictionaryValuesWriter dictionary = switch (descriptor.getPrimitiveType().getPrimitiveTypeName()) {
      case BOOLEAN -> null;
      case INT32 -> new DictionaryValuesWriter.PlainIntegerDictionaryValuesWriter(limit, data, page, allocator);
      case INT64 -> new DictionaryValuesWriter.PlainLongDictionaryValuesWriter(limit, data, page, allocator);
      case FLOAT -> new DictionaryValuesWriter.PlainFloatDictionaryValuesWriter(limit, data, page, allocator);
      case DOUBLE -> new DictionaryValuesWriter.PlainDoubleDictionaryValuesWriter(limit, data, page, allocator);
      case BINARY, INT96 -> new DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter(limit, data, page, allocator);
      case FIXED_LEN_BYTE_ARRAY -> new DictionaryValuesWriter.PlainFixedLenArrayDictionaryValuesWriter(limit,
          descriptor.getPrimitiveType().getTypeLength(), data, page, allocator);
    };
    return dictionary == null ? plain : FallbackValuesWriter.of(dictionary, plain);
  }

  private ValuesWriter plain(ColumnDescriptor descriptor) {
    int initial = properties.getInitialSlabSize();
    int pageSize = properties.getPageSizeThreshold();
    ByteBufferAllocator allocator = properties.getAllocator();
    return switch (descriptor.getPrimitiveType().getPrimitiveTypeName()) {
      case BOOLEAN -> new BooleanPlainValuesWriter();
      case FIXED_LEN_BYTE_ARRAY ->
          new FixedLenByteArrayPlainValuesWriter(descriptor.getPrimitiveType().getTypeLength(), initial, pageSize, allocator);
      default -> new PlainValuesWriter(initial, pageSize, allocator);
    };
  }
}
