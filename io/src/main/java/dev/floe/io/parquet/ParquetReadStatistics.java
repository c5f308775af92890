package dev.floe.io.parquet;

/**
 * What a Parquet read touched.
 *
 * @param rowGroupsTotal row groups in the file
 * @param rowGroupsRead row groups decoded (the others were pruned by the filter or past nRows)
 * @param bytesRead compressed bytes of the column chunks decoded (projected columns only)
 * @param fileSize the file's size in bytes
 * @param rowsRead rows returned
 */
public record ParquetReadStatistics(int rowGroupsTotal, int rowGroupsRead, long bytesRead, long fileSize,
    long rowsRead) {
  /** {@link #bytesRead} as a fraction of {@link #fileSize}. */
  public double fractionRead() {
    return fileSize == 0 ? 0 : (double) bytesRead / fileSize;
  }
}
