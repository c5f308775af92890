package dev.floe.io.json;

/**
 * How {@code writeNdjson} writes a file, as Polars' {@code write_ndjson} keyword arguments.
 * Immutable; change it with the withers:
 * {@code JsonWriteOptions.DEFAULT.withCompression(JsonWriteOptions.Compression.GZIP)}.
 *
 * @param compression the compression of the whole file
 * @param compressionLevel the gzip level 0..9, or null for the default (6)
 * @param checkExtension require the file name to end in ".gz" exactly when compressing with gzip
 */
public record JsonWriteOptions(Compression compression, Integer compressionLevel, boolean checkExtension) {
  /** Uncompressed, extension checked: Polars' defaults. */
  public static final JsonWriteOptions DEFAULT = new JsonWriteOptions(Compression.UNCOMPRESSED, null, true);

  /** The compressions Polars offers; zstd is not supported by Floe yet (no dependency for it). */
  public enum Compression {
    UNCOMPRESSED,
    GZIP,
    ZSTD
  }

  public JsonWriteOptions {
    java.util.Objects.requireNonNull(compression, "compression");
    if (compressionLevel != null && (compressionLevel < 0 || compressionLevel > 9)) {
      throw new IllegalArgumentException("gzip compressionLevel must be 0..9, got " + compressionLevel);
    }
  }

  public JsonWriteOptions withCompression(Compression which) {
    return new JsonWriteOptions(which, compressionLevel, checkExtension);
  }

  public JsonWriteOptions withCompressionLevel(Integer level) {
    return new JsonWriteOptions(compression, level, checkExtension);
  }

  public JsonWriteOptions withCheckExtension(boolean check) {
    return new JsonWriteOptions(compression, compressionLevel, check);
  }
}
