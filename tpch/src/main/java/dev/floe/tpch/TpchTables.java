package dev.floe.tpch;

import dev.floe.Floe;
import dev.floe.LazyFrame;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The eight TPC-H tables of one scale factor as lazy Parquet scans ({@code lineitem.parquet} and
 * so on in one directory, as {@link TpchData} writes them). Each call makes a new scan, so a
 * query can read a table twice (the optimizer shares identical scans).
 */
public final class TpchTables {
  private final Path directory;

  public TpchTables(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  public LazyFrame lineitem() {
    return scan("lineitem");
  }

  public LazyFrame orders() {
    return scan("orders");
  }

  public LazyFrame customer() {
    return scan("customer");
  }

  public LazyFrame part() {
    return scan("part");
  }

  public LazyFrame partsupp() {
    return scan("partsupp");
  }

  public LazyFrame supplier() {
    return scan("supplier");
  }

  public LazyFrame nation() {
    return scan("nation");
  }

  public LazyFrame region() {
    return scan("region");
  }

  private LazyFrame scan(String table) {
    Path file = directory.resolve(table + ".parquet");
    if (!Files.isRegularFile(file)) {
      throw new dev.floe.errors.FloeIoException("no TPC-H table " + file + "; generate the data first (TpchData.generate, or ./floe tpch --data " + directory + ")");
    }
    return Floe.scanParquet(file.toString());
  }
}
