package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.io.Progress;
import dev.floe.io.parquet.ParquetWriteOptions;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.StructColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed Parquet write leaves no destination file and no temporary file, and an existing
 * destination keeps its bytes: the writer works in a temporary file renamed only on success.
 */
@LeakChecked
class ParquetWriteAtomicityTest {
  @TempDir Path directory;

  private static DataFrame frame() {
    return DataFrame.of(
        Series.of("id", 1L, 2L, null, 4L),
        Series.of("name", "a", null, "c", "d"));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.sorted().toList();
    }
  }

  @Test
  void aListenerThatThrowsCancelsTheWriteBeforeTheRename() throws IOException {
    Path target = directory.resolve("out.parquet");
    List<Progress> reports = new ArrayList<>();
    ParquetWriteOptions cancelling = ParquetWriteOptions.DEFAULT.withRowGroupSize(1).withProgress(progress -> {
      reports.add(progress);
      throw new IllegalStateException("cancelled by the user");
    });
    try (DataFrame frame = frame()) {
      assertThatThrownBy(() -> frame.writeParquet(target, cancelling))
          .isInstanceOf(IllegalStateException.class).hasMessage("cancelled by the user");
    }
    assertThat(files()).isEmpty();
    assertThat(reports).hasSize(1);
    assertThat(reports.getFirst().finished()).isTrue();
    assertThat(reports.getFirst().rowsDone()).isEqualTo(4);
    assertThat(reports.getFirst().bytesDone()).isPositive();
  }

  @Test
  void anExistingDestinationKeepsItsBytesWhenAWriteFails() throws IOException {
    Path target = directory.resolve("out.parquet");
    byte[] old = "old content".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(target, old);
    ParquetWriteOptions cancelling = ParquetWriteOptions.DEFAULT.withProgress(progress -> {
      throw new IllegalStateException("stop");
    });
    try (DataFrame frame = frame()) {
      assertThatThrownBy(() -> frame.writeParquet(target, cancelling)).hasMessage("stop");
      assertThat(Files.readAllBytes(target)).isEqualTo(old);
      assertThat(files()).containsExactly(target);
      frame.writeParquet(target);
    }
    assertThat(Files.readAllBytes(target)).startsWith("PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(files()).containsExactly(target);
  }

  @Test
  void aColumnThatCannotBeWrittenAfterValidOnesLeavesNothing() throws IOException {
    Path target = directory.resolve("out.parquet");
    try (DataFrame valid = frame();
        DataFrame frame = valid.hstack(Series.fromChunked("empty",
            ChunkedColumn.of(new StructColumn(DataType.StructType.of(), 0, 4, 0, null, List.of()))))) {
      assertThatThrownBy(() -> frame.writeParquet(target))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("column 'empty'")
          .hasMessageContaining("a struct with no fields cannot be written");
    }
    assertThat(files()).isEmpty();
  }

  @Test
  void partitioningByAnUnknownColumnNamesTheColumns() throws IOException {
    try (DataFrame frame = frame()) {
      assertThatThrownBy(() -> frame.writeParquet(directory.resolve("dataset"),
          ParquetWriteOptions.DEFAULT.withPartitionBy("nope")))
          .isInstanceOf(ColumnNotFoundException.class)
          .hasMessageContaining("nope")
          .hasMessageContaining("id");
    }
    assertThat(files()).isEmpty();
  }
}
