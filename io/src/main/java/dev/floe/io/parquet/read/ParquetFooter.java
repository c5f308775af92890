package dev.floe.io.parquet.read;

import dev.floe.errors.FloeException;
import dev.floe.errors.FloeIoException;
import dev.floe.io.ipc.ArrowSchemaHints;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * A Parquet file's footer, parsed by parquet-mr's metadata converter straight from the mapping
 * (the footer is the only part copied to the heap), with the Floe schema and read plan of its
 * columns. pyarrow's {@code ARROW:schema} metadata is used for hints when present and readable.
 */
public record ParquetFooter(ParquetMetadata metadata, List<ReadNode> nodes, Schema schema) {
  private static final int MAGIC = 0x3152_4150; // "PAR1" little-endian

  /**
   * The footer of the file {@code path} mapped at {@code file}: parsed, or the one parsed before
   * when the file has not changed since ({@link FooterCache}).
   */
  public static ParquetFooter read(java.nio.file.Path path, MemorySegment file, String where) {
    return FooterCache.read(path, file, where);
  }

  /** Parses the footer of the file mapped at {@code file}. */
  public static ParquetFooter parse(MemorySegment file, String where) {
    long size = file.byteSize();
    if (size < 12 || file.get(ValueLayout.JAVA_INT_UNALIGNED, 0) != MAGIC
        || file.get(ValueLayout.JAVA_INT_UNALIGNED, size - 4) != MAGIC) {
      if (size >= 4 && file.get(ValueLayout.JAVA_INT_UNALIGNED, size - 4) == 0x4552_4150) {
        throw new FloeIoException(where + ": encrypted Parquet files (PARE) are not supported");
      }
      throw new FloeIoException(where + ": not a Parquet file (no PAR1 magic at both ends; " + size + " bytes)");
    }
    int length = file.get(ValueLayout.JAVA_INT_UNALIGNED, size - 8);
    if (length <= 0 || length > size - 12) {
      throw new FloeIoException(where + ": footer length " + Integer.toUnsignedString(length)
          + " does not fit the file of " + size + " bytes");
    }
    long start = size - 8 - length;
    ParquetMetadata metadata;
    try {
      metadata = new ParquetMetadataConverter().readParquetMetadata(new SegmentStream(file, start, size - 8),
          ParquetMetadataConverter.NO_FILTER);
    } catch (Exception | StackOverflowError | OutOfMemoryError failure) {
      throw new FloeIoException(where + ": cannot read the footer at byte " + start + " (" + length + " bytes): "
          + failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
    }
    List<ArrowSchemaHints.Hint> hints = null;
    Map<String, String> keyValues = metadata.getFileMetaData().getKeyValueMetaData();
    String arrow = keyValues == null ? null : keyValues.get("ARROW:schema");
    if (arrow != null) {
      try {
        hints = ArrowSchemaHints.decode(arrow, where);
      } catch (FloeException | IllegalArgumentException ignored) {
        // an unreadable hint only loses what it would restore; the Parquet types stand
      }
    }
    List<ReadNode> nodes;
    try {
      nodes = ParquetSchemas.map(metadata.getFileMetaData().getSchema(), hints, where);
    } catch (FloeException failure) {
      throw failure;
    } catch (RuntimeException failure) {
      throw new FloeIoException(where + ": invalid schema: " + failure.getMessage(), failure);
    }
    List<Field> fields = new ArrayList<>();
    for (ReadNode node : nodes) {
      fields.add(node.field());
    }
    return new ParquetFooter(metadata, nodes, new Schema(fields, Map.of()));
  }
}
