package dev.floe.io.json;

/**
 * How {@code writeNdjson} writes a file, as Polars' {@code write_ndjson} keyword arguments.
 * Immutable; change it with the withers:
 * {@code JsonWriteOptions.DEFAULT.withCompression(JsonWriteOptions.Compression.GZIP)}.
 *
 * @param compression the compression of the whole file
 * @param compressionLevel the gzip level 0..9 (default 6) or the zstd level 0..22 (0 and the default
 *     are zstd's default, 3); null for the default
 * @param checkExtension require the file name to end in ".gz" (gzip) or ".zst" (zstd) exactly when
 *     compressing
 */
public record JsonWriteOptions(Compression compression, Integer compressionLevel, boolean checkExtension) {
  /** Uncompressed, extension checked: Polars' defaults. */
  public static final JsonWriteOptions DEFAULT = new JsonWriteOptions(Compression.UNCOMPRESSED, null, true);

  /** The compressions Polars offers. */
  public enum Compression {
    UNCOMPRESSED,
    GZIP,
    ZSTD
  }

  public JsonWriteOptions {
    java.util.Objects.requireNonNull(compression, "compression");
    int max = compression == Compression.ZSTD ? 22 : 9;
    if (compressionLevel != null && (compressionLevel < 0 || compressionLevel > max)) {
      throw new IllegalArgumentException(compression.name().toLowerCase(java.util.Locale.ROOT)
          + " compressionLevel must be 0.." + max + ", got " + compressionLevel);
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
