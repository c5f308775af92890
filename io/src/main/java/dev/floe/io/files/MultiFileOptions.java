package dev.floe.io.files;

/**
 * How a glob, directory or list of paths is read as one frame. Immutable; change it with the
 * withers: {@code MultiFileOptions.DEFAULT.withIncludeFilePaths("path")}.
 *
 * @param hivePartitioning whether {@code key=value} directories become columns (Polars'
 *     {@code hive_partitioning}: {@link Hive#AUTO} is {@code None}, on only when a directory is read)
 * @param includeFilePaths the name of a String column holding each row's source path, appended
 *     last, or {@code null} for none (Polars' {@code include_file_paths})
 */
public record MultiFileOptions(Hive hivePartitioning, String includeFilePaths) {
  /** Polars' {@code hive_partitioning} values: {@code None}, {@code True}, {@code False}. */
  public enum Hive {
    /** On when the source is a directory, off for a glob or a list of paths. */
    AUTO,
    /** Always parse {@code key=value} directories into columns. */
    TRUE,
    /** Never add partition columns. */
    FALSE
  }

  /** Hive partitioning {@link Hive#AUTO}, no file path column. */
  public static final MultiFileOptions DEFAULT = new MultiFileOptions(Hive.AUTO, null);

  /** Validates the options. */
  public MultiFileOptions {
    if (hivePartitioning == null) {
      throw new IllegalArgumentException("hivePartitioning must not be null (use Hive.AUTO)");
    }
    if (includeFilePaths != null && includeFilePaths.isEmpty()) {
      throw new IllegalArgumentException("includeFilePaths must be a column name or null");
    }
  }

  /** A copy with {@code hivePartitioning} replaced. */
  public MultiFileOptions withHivePartitioning(Hive value) {
    return new MultiFileOptions(value, includeFilePaths);
  }

  /** A copy that adds a String column named {@code name} with each row's file, or none if null. */
  public MultiFileOptions withIncludeFilePaths(String name) {
    return new MultiFileOptions(hivePartitioning, name);
  }

  /** Whether partition columns are added for a source that is ({@code directory}) or is not a directory. */
  public boolean hiveEnabled(boolean directory) {
    return switch (hivePartitioning) {
      case AUTO -> directory;
      case TRUE -> true;
      case FALSE -> false;
    };
  }
}
