package dev.floe.io.parquet;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import dev.floe.errors.InvalidOperationException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The page compression of a Parquet file, as Polars' {@code write_parquet(compression=...)}:
 * {@code LZ4_RAW} is Polars' {@code "lz4"}. Levels apply to ZSTD (1..22, default 3), GZIP (0..9,
 * default 6) and BROTLI (0..11, default 1), with Polars' ranges and defaults.
 */
public enum ParquetCompression {
  UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED, 0, 0, 0),
  SNAPPY(CompressionCodecName.SNAPPY, 0, 0, 0),
  GZIP(CompressionCodecName.GZIP, 0, 9, 6),
  LZ4_RAW(CompressionCodecName.LZ4_RAW, 0, 0, 0),
  ZSTD(CompressionCodecName.ZSTD, 1, 22, 3),
  BROTLI(CompressionCodecName.BROTLI, 0, 11, 1);

  private final CompressionCodecName codec;
  private final int minLevel;
  private final int maxLevel;
  private final int defaultLevel;

  ParquetCompression(CompressionCodecName codec, int minLevel, int maxLevel, int defaultLevel) {
    this.codec = codec;
    this.minLevel = minLevel;
    this.maxLevel = maxLevel;
    this.defaultLevel = defaultLevel;
  }

  /** parquet-mr's name of this codec. */
  public CompressionCodecName codecName() {
    return codec;
  }

  /** True for the codecs that take a compression level (ZSTD, GZIP, BROTLI). */
  public boolean hasLevel() {
    return maxLevel > 0;
  }

  /** Polars' default level of this codec (0 for codecs without levels). */
  public int defaultLevel() {
    return defaultLevel;
  }

  /**
   * The level to use: {@code level} if it is in this codec's range, the default when null.
   *
   * @throws InvalidOperationException for a level out of range, or any level for a codec without
   *     levels, naming the codec, the value and the valid range
   */
  public int resolveLevel(Integer level) {
    if (level == null) {
      return defaultLevel;
    }
    if (!hasLevel()) {
      throw new InvalidOperationException("compressionLevel " + level + " is not valid for " + this
          + ", which takes no level; levels apply to ZSTD (1..22), GZIP (0..9) and BROTLI (0..11)");
    }
    if (level < minLevel || level > maxLevel) {
      throw new InvalidOperationException("compressionLevel " + level + " is out of range for " + this
          + ": valid levels are " + minLevel + ".." + maxLevel);
    }
    return level;
  }

  /**
   * Checks that this codec can be used here: BROTLI needs brotli4j's native library.
   *
   * @throws InvalidOperationException naming the reason and the codecs that work
   */
  public void requireAvailable() {
    if (this == BROTLI && !Brotli4jLoader.isAvailable()) {
      throw new InvalidOperationException("compression BROTLI needs brotli4j's native library, which did"
          + " not load on this platform (" + Brotli4jLoader.getUnavailabilityCause() + "); use one of "
          + "UNCOMPRESSED, SNAPPY, GZIP, LZ4_RAW, ZSTD");
    }
  }
}
