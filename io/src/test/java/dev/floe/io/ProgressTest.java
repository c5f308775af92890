package dev.floe.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.csv.CsvReader;
import dev.floe.io.csv.CsvTable;
import dev.floe.io.csv.CsvWriteOptions;
import dev.floe.io.csv.CsvWriter;
import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.ipc.IpcReader;
import dev.floe.io.ipc.IpcTable;
import dev.floe.io.ipc.IpcWriteOptions;
import dev.floe.io.ipc.IpcWriter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.LeakChecked;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads and writes report bytes and rows to the scoped listener; a throwing listener cancels. */
@LeakChecked
class ProgressTest {
  @TempDir Path directory;

  private Path csv(int rows) throws Exception {
    StringBuilder text = new StringBuilder("a,b\n");
    for (int row = 0; row < rows; row++) {
      text.append(row).append(",x").append(row % 7).append('\n');
    }
    return Files.writeString(directory.resolve("in.csv"), text);
  }

  @Test
  void csvReadReportsEveryByteAndRowAndFinishesOnce() throws Exception {
    Path file = csv(300_000);
    List<Progress> reports = new CopyOnWriteArrayList<>();
    try (CsvTable table = IoProgress.withListener(reports::add,
        () -> CsvReader.read(file, CsvReadOptions.DEFAULT, BufferAllocator.current()))) {
      assertThat(table.columns().getFirst().length()).isEqualTo(300_000);
    }
    Progress last = reports.getLast();
    assertThat(last.finished()).isTrue();
    assertThat(reports.stream().filter(Progress::finished)).hasSize(1);
    assertThat(last.operation()).isEqualTo("read csv");
    assertThat(last.file()).isEqualTo(file);
    assertThat(last.rowsDone()).isEqualTo(300_000);
    assertThat(last.bytesTotal()).isEqualTo(Files.size(file));
    assertThat(last.bytesDone()).isEqualTo(Files.size(file));
    assertThat(last.fraction()).isGreaterThan(0.99);
  }

  @Test
  void writesReportBytesAndRowsAndAThrowingListenerLeavesNoFile() throws Exception {
    Path source = csv(50_000);
    try (CsvTable table = CsvReader.read(source, CsvReadOptions.DEFAULT, BufferAllocator.current())) {
      Path target = directory.resolve("out.csv");
      List<Progress> reports = new CopyOnWriteArrayList<>();
      IoProgress.withListener(reports::add, () -> {
        CsvWriter.write(target, table.names(), table.columns(), CsvWriteOptions.DEFAULT);
        return null;
      });
      assertThat(reports.getLast().rowsDone()).isEqualTo(50_000);
      assertThat(reports.getLast().bytesDone()).isEqualTo(Files.size(target));
      assertThat(reports.getLast().bytesTotal()).isEqualTo(-1);

      Path cancelled = directory.resolve("cancelled.arrow");
      Schema schema = new Schema(List.of(Field.of("a", table.columns().get(0).type()),
          Field.of("b", table.columns().get(1).type())));
      assertThatThrownBy(() -> IoProgress.withListener(progress -> {
        if (progress.rowsDone() > 0 || progress.finished()) {
          throw new IllegalStateException("cancelled by the user");
        }
      }, () -> {
        IpcWriter.writeFile(cancelled, schema, table.columns(),
            IpcWriteOptions.DEFAULT.withRecordBatchSize(1000), BufferAllocator.current());
        return null;
      })).hasMessage("cancelled by the user");
      try (Stream<Path> files = Files.list(directory)) {
        assertThat(files.map(path -> path.getFileName().toString()))
            .containsExactlyInAnyOrder("in.csv", "out.csv");
      }
    }
  }

  @Test
  void ipcReadReportsRowsPerBatch() throws Exception {
    Path source = csv(20_000);
    Path arrow = directory.resolve("t.arrow");
    try (CsvTable table = CsvReader.read(source, CsvReadOptions.DEFAULT, BufferAllocator.current())) {
      Schema schema = new Schema(List.of(Field.of("a", table.columns().get(0).type()),
          Field.of("b", table.columns().get(1).type())));
      IpcWriter.writeFile(arrow, schema, table.columns(), IpcWriteOptions.DEFAULT.withRecordBatchSize(3000),
          BufferAllocator.current());
    }
    List<Progress> reports = new CopyOnWriteArrayList<>();
    try (IpcTable table = IoProgress.withListener(reports::add,
        () -> IpcReader.readFile(arrow, IpcReadOptions.DEFAULT, BufferAllocator.current()))) {
      assertThat(table.batches()).hasSize(7);
    }
    assertThat(reports.getLast().rowsDone()).isEqualTo(20_000);
    assertThat(reports.getLast().bytesTotal()).isEqualTo(Files.size(arrow));
  }

  @Test
  void withoutAListenerNothingIsReportedAndTheSettingIsValidated() {
    assertThat(IoProgress.current()).isSameAs(ProgressListener.NONE);
    assertThat(IoProgress.chooseDefault("off")).isSameAs(ProgressListener.NONE);
    assertThat(IoProgress.chooseDefault("on")).isInstanceOf(TerminalProgressBar.class);
    assertThatThrownBy(() -> IoProgress.chooseDefault("sometimes"))
        .isInstanceOf(dev.floe.errors.InvalidOperationException.class)
        .hasMessage("-Dfloe.progress must be off, auto or on, got 'sometimes'");
  }

  @Test
  void theTerminalBarStaysQuietForQuickOperationsAndDrawsOneLineOtherwise() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Path file = Path.of("data", "lineitem.csv");
    TerminalProgressBar bar = new TerminalProgressBar(out);
    bar.onProgress(new Progress("read csv", file, 10, 100, 5, 900_000_000L, true));
    assertThat(bytes.size()).isZero();
    long late = 2 * TerminalProgressBar.DELAY_NANOS;
    bar.onProgress(new Progress("read csv", file, 50_000_000, 100_000_000, 2_500_000, late, false));
    bar.onProgress(new Progress("read csv", file, 100_000_000, 100_000_000, 5_000_000, late, true));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\rread csv lineitem.csv [############............]  50%  ");
    assertThat(text).contains("2.5M rows").contains("[########################] 100%").endsWith("s\u001b[K" + System.lineSeparator());
    assertThat(TerminalProgressBar.line(new Progress("write csv", null, 3_000_000, -1, 12_345, 1_000_000_000L, false)))
        .isEqualTo("write csv  3.0 MB/s  12.3K rows");
  }

  @Test
  void aListenerThatThrowsOnTheFinalReadReportLeaksNothing() throws Exception {
    Path file = csv(1000);
    ProgressListener cancel = progress -> {
      if (progress.finished()) {
        throw new IllegalStateException("cancelled");
      }
    };
    assertThatThrownBy(() -> IoProgress.withListener(cancel,
        () -> CsvReader.read(file, CsvReadOptions.DEFAULT, BufferAllocator.current())))
        .hasMessage("cancelled");
    Path ndjson = Files.writeString(directory.resolve("a.ndjson"), "{\"a\":1}\n{\"a\":2}\n");
    assertThatThrownBy(() -> IoProgress.withListener(cancel,
        () -> dev.floe.io.json.JsonReader.readNdjson(ndjson, dev.floe.io.json.JsonReadOptions.DEFAULT,
            BufferAllocator.current())))
        .hasMessage("cancelled");
  }
}
