package dev.floe.io.parquet.write;

import dev.floe.errors.FloeException;
import dev.floe.errors.FloeIoException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.io.AtomicFileWrite;
import dev.floe.io.ProgressReporter;
import dev.floe.io.ipc.IpcSchemaMessage;
import dev.floe.io.parquet.ParquetCompression;
import dev.floe.io.parquet.ParquetWriteOptions;
import dev.floe.io.parquet.codec.FloeCodecFactory;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.types.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes columns as one Parquet file with parquet-mr's low-level writers (ParquetFileWriter,
 * ColumnChunkPageWriteStore, ColumnWriteStore) and Floe's Hadoop-free codecs, so page sizes,
 * statistics, dictionary encoding and its fallback to plain encoding are parquet-mr's. Values go
 * from the off-heap columns to the column writers with no row objects (see {@link RowGroupWriter}).
 * The Arrow schema is stored under {@code ARROW:schema}, as pyarrow and Polars store it, so Arrow
 * readers restore durations, view and large layouts and dictionaries. Atomic: a temporary file in the
 * target directory is renamed over the target on success and deleted on any failure.
 */
public final class ParquetWriter {
  /** The key-value metadata key of the base64 Arrow IPC schema message. */
  public static final String ARROW_SCHEMA_KEY = "ARROW:schema";

  private ParquetWriter() {}

  /** Writes {@code columns} (named and typed by {@code schema}, all of one length) to {@code path}. */
  public static void write(Path path, Schema schema, List<ChunkedColumn> columns, ParquetWriteOptions options) {
    ProgressReporter progress = dev.floe.io.IoProgress.reporter(
        options.progress() == dev.floe.io.ProgressListener.NONE ? null : options.progress(), "write parquet", path, -1);
    try {
      write(path, schema, columns, options, progress, true);
    } catch (RuntimeException failure) {
      try {
        progress.finish(); // the final report is sent whether the write succeeded or not
      } catch (RuntimeException listenerFailure) {
        failure.addSuppressed(listenerFailure);
      }
      throw failure;
    }
  }

  /**
   * Writes one file, reporting to {@code progress}; with {@code finish} the final report is sent
   * before the temporary file is renamed, so a listener that throws there cancels the write. A
   * partitioned write reports all its files as one operation and finishes once.
   */
  static void write(Path path, Schema schema, List<ChunkedColumn> columns, ParquetWriteOptions options,
      ProgressReporter progress, boolean finish) {
    if (schema.size() != columns.size()) {
      throw new SchemaMismatchException("the schema has " + schema.size() + " fields " + schema.names()
          + " but " + columns.size() + " columns were given");
    }
    long rows = columns.isEmpty() ? 0 : columns.getFirst().length();
    for (int index = 0; index < columns.size(); index++) {
      if (columns.get(index).length() != rows) {
        throw new SchemaMismatchException("column '" + schema.field(index).name() + "' has "
            + columns.get(index).length() + " rows, but column '" + schema.field(0).name() + "' has " + rows);
      }
    }
    MessageType message = ParquetSchemaMapper.messageType(schema);
    List<LeafPath> leaves = LeafPath.of(schema, message);
    String arrowSchema = Base64.getEncoder().encodeToString(IpcSchemaMessage.encode(schema));
    ParquetProperties properties = ParquetProperties.builder()
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
        .withPageSize(options.dataPageSize())
        .withDictionaryEncoding(options.dictionary())
        .withStatisticsEnabled(options.statistics())
        .withPageRowCountLimit(Integer.MAX_VALUE)
        .estimateRowCountForPageSizeCheck(false)
        .withMinRowCountForPageSizeCheck(blockRows(options.dataPageSize()))
        .withAllocator(HeapByteBufferAllocator.getInstance())
        .withValuesWriterFactory(new PlainFallbackValuesWriterFactory())
        .build();
    BytesInputCompressor compressor = compressor(options);
    try {
      AtomicFileWrite.write(path, temporary -> {
        ParquetFileWriter file = new ParquetFileWriter(new LocalOutputFile(temporary), message,
            ParquetFileWriter.Mode.OVERWRITE, 128L << 20, 0, properties.getColumnIndexTruncateLength(),
            properties.getStatisticsTruncateLength(), properties.getPageWriteChecksumEnabled());
        boolean ended = false;
        try {
          file.start();
          new RowGroupPipeline(file, () -> new RowGroupWriter(message, leaves, properties, compressor, columns,
              blockRows(options.dataPageSize())), progress).run(rows, options.rowGroupSize());
          file.end(Map.of(ARROW_SCHEMA_KEY, arrowSchema));
          ended = true;
          if (finish) {
            progress.finish();
          }
        } finally {
          if (!ended) {
            abandon(file);
          }
        }
      });
    } catch (IOException failure) {
      throw new FloeIoException("cannot write Parquet file " + path + ": " + failure.getMessage(), failure);
    } catch (FloeException failure) {
      throw failure;
    } catch (RuntimeException failure) {
      if (failure.getClass().getName().startsWith("org.apache.parquet")) {
        throw new FloeIoException("cannot write Parquet file " + path + ": " + failure.getMessage(), failure);
      }
      throw failure;
    }
  }

  /** The page compressor; uncompressed pages pass through without the codec factory's copies. */
  private static BytesInputCompressor compressor(ParquetWriteOptions options) {
    if (options.compression() == ParquetCompression.UNCOMPRESSED) {
      return new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) {
          return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
          return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {}
      };
    }
    return new FloeCodecFactory(options.effectiveCompressionLevel()).getCompressor(options.compression().codecName());
  }

  private static void abandon(ParquetFileWriter file) {
    try {
      file.abort();
      file.close();
    } catch (IOException | RuntimeException ignored) {
      // the failure that stopped the write is the one to report; the temporary file goes anyway
    }
  }

  /**
   * Rows handed to the column writers between two page-size checks. parquet-mr checks page sizes
   * between records, here after every block (its estimate of when to check next assumes values
   * arrive record by record, so it is turned off): a page overshoots its size by at most one
   * block of its column, and smaller pages get smaller blocks.
   */
  static int blockRows(int dataPageSize) {
    return Math.clamp(dataPageSize / 64, 16, 4096);
  }
}
