package dev.floe.io.parquet.read;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed footers of recently read Parquet files, so that a lazy query, which reads a file's footer
 * when the scan is made (its schema) and again when it runs (its row groups), and a query run
 * again, parse it once: parquet-mr took 5 to 9 ms (warm) to parse the 47 KB footer of TPC-H
 * {@code lineitem} at scale 1, twice per scan, against 0.03 ms to compare it with a cached one. An entry keeps the footer's bytes and is used only when the file's footer
 * is byte for byte the same (a comparison of memory, far cheaper than parquet-mr's parse), so a
 * file rewritten in any way gets its own footer; the parse depends on nothing else. At most
 * {@link #ENTRIES} footers of at most {@link #MAX_BYTES} bytes are kept, the least recently used
 * dropped first. {@code -Dfloe.parquet.footerCache=false} turns it off. (DuckDB keeps Parquet
 * metadata across queries in the same spirit, keyed by the file's modification time.)
 */
final class FooterCache {
  static final int ENTRIES = 64;
  static final int MAX_BYTES = 8 << 20;
  private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("floe.parquet.footerCache"));

  private record Cached(byte[] bytes, ParquetFooter footer) {}

  private static final Map<Path, Cached> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, Cached> eldest) {
      return size() > ENTRIES;
    }
  };

  private FooterCache() {}

  /** The footer of {@code file}, mapped from {@code path}: the cached one if its bytes are the same. */
  static ParquetFooter read(Path path, MemorySegment file, String where) {
    MemorySegment bytes = ENABLED ? footerBytes(file) : null;
    if (bytes == null) {
      return ParquetFooter.parse(file, where); // also the one that explains a malformed file
    }
    Path key = path.toAbsolutePath().normalize();
    synchronized (CACHE) {
      Cached entry = CACHE.get(key);
      if (entry != null && MemorySegment.mismatch(MemorySegment.ofArray(entry.bytes()), 0, entry.bytes().length,
          bytes, 0, bytes.byteSize()) < 0) {
        return entry.footer();
      }
    }
    ParquetFooter footer = ParquetFooter.parse(file, where);
    synchronized (CACHE) {
      CACHE.put(key, new Cached(bytes.toArray(ValueLayout.JAVA_BYTE), footer));
    }
    return footer;
  }

  /**
   * The footer's bytes with the length and magic after them, or null when the file is too small
   * or its length field is off (the parse then says what is wrong) or the footer is too large to keep.
   */
  private static MemorySegment footerBytes(MemorySegment file) {
    long size = file.byteSize();
    if (size < 12) {
      return null;
    }
    int length = file.get(ValueLayout.JAVA_INT_UNALIGNED, size - 8);
    if (length <= 0 || length > size - 12 || length > MAX_BYTES) {
      return null;
    }
    return file.asSlice(size - 8 - length, length + 8L);
  }

  /** Drops every cached footer. */
  static void clear() {
    synchronized (CACHE) {
      CACHE.clear();
    }
  }
}
