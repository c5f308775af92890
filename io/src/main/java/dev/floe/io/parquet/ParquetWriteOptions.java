package dev.floe.io.parquet;

import dev.floe.errors.InvalidOperationException;
import dev.floe.io.ProgressListener;
import java.util.List;
import java.util.Objects;

/**
 * How {@code DataFrame.writeParquet} writes, as Polars' {@code write_parquet} keyword arguments.
 * Immutable; change it with the withers: {@code ParquetWriteOptions.DEFAULT.withCompression(SNAPPY)}.
 * Invalid values fail at once with an {@link InvalidOperationException} naming the option, the
 * value and what is valid.
 *
 * @param compression the page codec (Polars' default: ZSTD)
 * @param compressionLevel the codec's level, or null for Polars' default of the codec (ZSTD 3,
 *     GZIP 6, BROTLI 1); ranges: ZSTD 1..22, GZIP 0..9, BROTLI 0..11
 * @param statistics write min, max and null count per page and column chunk (Polars: {@code True})
 * @param rowGroupSize rows per row group (Polars' default: 512^2)
 * @param dataPageSize the target size of a data page in bytes before compression (Polars' default:
 *     1024^2)
 * @param dictionary dictionary-encode columns, falling back to plain encoding when a column chunk's
 *     dictionary outgrows the dictionary page size (1 MiB), as parquet-mr does
 * @param progress receives progress reports; its exceptions abort the write
 * @param partitionBy for a directory write: the columns whose distinct values make the hive
 *     partitions ({@code col=value/}); empty for one file
 */
public record ParquetWriteOptions(
    ParquetCompression compression,
    Integer compressionLevel,
    boolean statistics,
    int rowGroupSize,
    int dataPageSize,
    boolean dictionary,
    ProgressListener progress,
    List<String> partitionBy) {

  /** Polars' default rows per row group. */
  public static final int DEFAULT_ROW_GROUP_SIZE = 512 * 512;

  /** Polars' default data page size in bytes. */
  public static final int DEFAULT_DATA_PAGE_SIZE = 1024 * 1024;

  /** Polars' defaults: ZSTD level 3, statistics, 512^2-row groups, 1 MiB pages, dictionaries. */
  public static final ParquetWriteOptions DEFAULT = new ParquetWriteOptions(ParquetCompression.ZSTD, null,
      true, DEFAULT_ROW_GROUP_SIZE, DEFAULT_DATA_PAGE_SIZE, true, ProgressListener.NONE, List.of());

  public ParquetWriteOptions {
    if (compression == null) {
      throw new InvalidOperationException("compression must not be null; use one of UNCOMPRESSED, SNAPPY,"
          + " GZIP, LZ4_RAW, ZSTD, BROTLI");
    }
    compression.resolveLevel(compressionLevel);
    compression.requireAvailable();
    if (rowGroupSize < 1) {
      throw new InvalidOperationException("rowGroupSize must be at least 1 row, got " + rowGroupSize);
    }
    if (dataPageSize < 1) {
      throw new InvalidOperationException("dataPageSize must be at least 1 byte, got " + dataPageSize);
    }
    progress = progress == null ? ProgressListener.NONE : progress;
    Objects.requireNonNull(partitionBy, "partitionBy");
    partitionBy = List.copyOf(partitionBy);
  }

  /** The compression level to use (the explicit one or the codec's default). */
  public int effectiveCompressionLevel() {
    return compression.resolveLevel(compressionLevel);
  }

  public ParquetWriteOptions withCompression(ParquetCompression value) {
    return new ParquetWriteOptions(value, compressionLevel, statistics, rowGroupSize, dataPageSize, dictionary, progress, partitionBy);
  }

  /** A codec and its level together (a level valid for one codec may be invalid for another). */
  public ParquetWriteOptions withCompression(ParquetCompression value, int level) {
    return new ParquetWriteOptions(value, level, statistics, rowGroupSize, dataPageSize, dictionary, progress, partitionBy);
  }

  public ParquetWriteOptions withCompressionLevel(Integer value) {
    return new ParquetWriteOptions(compression, value, statistics, rowGroupSize, dataPageSize, dictionary, progress, partitionBy);
  }

  public ParquetWriteOptions withStatistics(boolean value) {
    return new ParquetWriteOptions(compression, compressionLevel, value, rowGroupSize, dataPageSize, dictionary, progress, partitionBy);
  }

  public ParquetWriteOptions withRowGroupSize(int value) {
    return new ParquetWriteOptions(compression, compressionLevel, statistics, value, dataPageSize, dictionary, progress, partitionBy);
  }

  public ParquetWriteOptions withDataPageSize(int value) {
    return new ParquetWriteOptions(compression, compressionLevel, statistics, rowGroupSize, value, dictionary, progress, partitionBy);
  }

  public ParquetWriteOptions withDictionary(boolean value) {
    return new ParquetWriteOptions(compression, compressionLevel, statistics, rowGroupSize, dataPageSize, value, progress, partitionBy);
  }

  public ParquetWriteOptions withProgress(ProgressListener value) {
    return new ParquetWriteOptions(compression, compressionLevel, statistics, rowGroupSize, dataPageSize, dictionary, value, partitionBy);
  }

  /** Polars' {@code partition_by}: one file per distinct combination of these columns' values. */
  public ParquetWriteOptions withPartitionBy(String... columns) {
    return new ParquetWriteOptions(compression, compressionLevel, statistics, rowGroupSize, dataPageSize, dictionary, progress, List.of(columns));
  }
}
