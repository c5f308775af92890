package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.json.JsonReadOptions;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code withRowIndex} and the readers' row index options, with Polars' names, types and errors. */
@LeakChecked
class RowIndexTest {
  @TempDir Path directory;

  @Test
  void withRowIndexPrependsU32NumbersAndSharesTheColumns() {
    try (DataFrame frame = DataFrame.of(Series.of("a", 1L, 2L, 3L));
        DataFrame indexed = frame.withRowIndex("i", 5)) {
      assertThat(indexed.columns()).containsExactly("i", "a");
      assertThat(indexed.column("i").dtype()).isEqualTo(DataType.UINT32);
      assertThat(indexed.column("i").toList()).containsExactly(5L, 6L, 7L);
      assertThat(indexed.column("a").toList()).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void invalidOffsetsAndNamesFailLikePolars() {
    try (DataFrame frame = DataFrame.of(Series.of("a", 1L, 2L))) {
      assertThatThrownBy(() -> frame.withRowIndex("i", -1))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessage("`offset` input for `with_row_index` cannot be negative, got -1");
      assertThatThrownBy(() -> frame.withRowIndex("i", 4_294_967_295L))
          .hasMessage("row index with offset 4294967295 overflows on dataframe with height 2");
      assertThatThrownBy(() -> frame.withRowIndex("i", 4_294_967_296L))
          .hasMessage("`offset` input for `with_row_index` cannot be greater than the maximum index value, got 4294967296");
      assertThatThrownBy(() -> frame.withRowIndex("a")).isInstanceOf(FloeException.class)
          .hasMessageContaining("duplicate column name 'a'");
    }
  }

  @Test
  void ipcAndJsonReadersNumberRows() throws Exception {
    Path ndjson = Files.writeString(directory.resolve("a.ndjson"), "{\"x\":1}\n{\"x\":2}\n");
    try (DataFrame frame = Floe.readNdjson(ndjson, JsonReadOptions.DEFAULT.withRowIndex("n", 10))) {
      assertThat(frame.columns()).containsExactly("n", "x");
      assertThat(frame.column("n").toList()).isEqualTo(List.of(10L, 11L));
      Path arrow = directory.resolve("a.arrow");
      frame.writeIpc(arrow);
      try (DataFrame again = Floe.readIpc(arrow, IpcReadOptions.DEFAULT.withRowIndex("m", 0))) {
        assertThat(again.columns()).containsExactly("m", "n", "x");
        assertThat(again.column("m").toList()).isEqualTo(List.of(0L, 1L));
      }
    }
  }
}
