package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.parquet.read.ParquetFooter;
import dev.floe.memory.BufferAllocator;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's footer is parsed once while its bytes stay the same, and parsed again as soon as the
 * file is rewritten, even in place, at the same path and with the same size.
 */
@LeakChecked
class FooterCacheTest {
  @TempDir Path directory;

  private static ParquetFooter footer(Path path) throws IOException {
    try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      MemorySegment file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
      return ParquetFooter.read(path, file, "test file " + path);
    }
  }

  @Test
  void parsesAFileOnceWhileItsFooterIsTheSame() throws IOException {
    Path file = directory.resolve("t.parquet");
    TestParquetWriter.write(file, 100, 30, 7, CompressionCodecName.ZSTD, false);
    ParquetFooter first = footer(file);
    assertThat(footer(file)).isSameAs(first);
    assertThat(footer(directory.resolve("./t.parquet"))).isSameAs(first);
  }

  @Test
  void aRewrittenFileIsParsedAgainAndReadWithItsNewRowGroups(BufferAllocator allocator) throws IOException {
    Path file = directory.resolve("t.parquet");
    TestParquetWriter.write(file, 100, 30, 7, CompressionCodecName.ZSTD, false);
    ParquetFooter before = footer(file);
    assertThat(before.metadata().getBlocks()).hasSize(4);
    TestParquetWriter.write(file, 100, 50, 7, CompressionCodecName.ZSTD, false);
    ParquetFooter after = footer(file);
    assertThat(after).isNotSameAs(before);
    assertThat(after.metadata().getBlocks()).hasSize(2);
    try (ParquetTable table = ParquetReader.read(file, ParquetReadOptions.DEFAULT, RowGroupFilter.ALL, allocator)) {
      assertThat(table.batches()).hasSize(2);
      assertThat(table.statistics().rowsRead()).isEqualTo(100);
    }
  }

  @Test
  void twoFilesWithTheSameFooterBytesAtDifferentPathsAreKeptApart() throws IOException {
    Path one = directory.resolve("one.parquet");
    Path two = directory.resolve("two.parquet");
    TestParquetWriter.write(one, 60, 30, 7, CompressionCodecName.ZSTD, false);
    TestParquetWriter.write(two, 60, 30, 7, CompressionCodecName.ZSTD, false);
    ParquetFooter first = footer(one);
    assertThat(footer(two)).isNotSameAs(first);
    assertThat(footer(one)).isSameAs(first);
  }
}
