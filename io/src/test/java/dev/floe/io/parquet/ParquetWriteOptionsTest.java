package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.io.ProgressListener;
import dev.floe.testkit.LeakChecked;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parquet write options: Polars' defaults and its validation of codec levels and sizes. */
@LeakChecked
class ParquetWriteOptionsTest {
  @Test
  void defaultsArePolars() {
    ParquetWriteOptions options = ParquetWriteOptions.DEFAULT;
    assertThat(options.compression()).isEqualTo(ParquetCompression.ZSTD);
    assertThat(options.effectiveCompressionLevel()).isEqualTo(3);
    assertThat(options.statistics()).isTrue();
    assertThat(options.rowGroupSize()).isEqualTo(512 * 512);
    assertThat(options.dataPageSize()).isEqualTo(1024 * 1024);
    assertThat(options.dictionary()).isTrue();
    assertThat(options.progress()).isSameAs(ProgressListener.NONE);
    assertThat(options.partitionBy()).isEmpty();
    assertThat(options.withCompression(ParquetCompression.GZIP).effectiveCompressionLevel()).isEqualTo(6);
    assertThat(options.withCompression(ParquetCompression.BROTLI).effectiveCompressionLevel()).isEqualTo(1);
  }

  @Test
  void withersChangeOneOption() {
    ParquetWriteOptions options = ParquetWriteOptions.DEFAULT.withCompression(ParquetCompression.GZIP, 9)
        .withStatistics(false).withRowGroupSize(10).withDataPageSize(4096).withDictionary(false)
        .withPartitionBy("a", "b");
    assertThat(options.compressionLevel()).isEqualTo(9);
    assertThat(options.statistics()).isFalse();
    assertThat(options.rowGroupSize()).isEqualTo(10);
    assertThat(options.dataPageSize()).isEqualTo(4096);
    assertThat(options.dictionary()).isFalse();
    assertThat(options.partitionBy()).isEqualTo(List.of("a", "b"));
    assertThat(options.withCompressionLevel(null).effectiveCompressionLevel()).isEqualTo(6);
  }

  @ParameterizedTest(name = "{0} level {1}")
  @CsvSource({"ZSTD, 1", "ZSTD, 22", "GZIP, 0", "GZIP, 9", "BROTLI, 0", "BROTLI, 11"})
  void levelsAtTheEndsOfEachRangeAreAccepted(ParquetCompression codec, int level) {
    assertThat(ParquetWriteOptions.DEFAULT.withCompression(codec, level).effectiveCompressionLevel()).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} level {1}")
  @CsvSource({"ZSTD, 0, 1..22", "ZSTD, 23, 1..22", "GZIP, -1, 0..9", "GZIP, 10, 0..9", "BROTLI, 12, 0..11"})
  void levelsOutOfRangeNameTheCodecTheValueAndTheRange(ParquetCompression codec, int level, String range) {
    assertThatThrownBy(() -> ParquetWriteOptions.DEFAULT.withCompression(codec, level))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("compressionLevel " + level)
        .hasMessageContaining(codec.name())
        .hasMessageContaining("valid levels are " + range);
  }

  @ParameterizedTest
  @CsvSource({"SNAPPY", "LZ4_RAW", "UNCOMPRESSED"})
  void codecsWithoutLevelsRejectALevel(ParquetCompression codec) {
    assertThatThrownBy(() -> ParquetWriteOptions.DEFAULT.withCompression(codec, 3))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("compressionLevel 3 is not valid for " + codec)
        .hasMessageContaining("ZSTD (1..22), GZIP (0..9) and BROTLI (0..11)");
  }

  @Test
  void aZstdLevelDoesNotSurviveASwitchToGzipUnlessItFits() {
    ParquetWriteOptions zstd = ParquetWriteOptions.DEFAULT.withCompressionLevel(15);
    assertThatThrownBy(() -> zstd.withCompression(ParquetCompression.GZIP))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("compressionLevel 15 is out of range for GZIP");
  }

  @Test
  void sizesMustBePositive() {
    assertThatThrownBy(() -> ParquetWriteOptions.DEFAULT.withRowGroupSize(0))
        .isInstanceOf(InvalidOperationException.class).hasMessage("rowGroupSize must be at least 1 row, got 0");
    assertThatThrownBy(() -> ParquetWriteOptions.DEFAULT.withDataPageSize(-5))
        .isInstanceOf(InvalidOperationException.class).hasMessage("dataPageSize must be at least 1 byte, got -5");
    assertThatThrownBy(() -> ParquetWriteOptions.DEFAULT.withCompression(null))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("SNAPPY");
  }
}
