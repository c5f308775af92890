package dev.floe.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import dev.floe.errors.FloeIoException;
import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.csv.CsvReader;
import dev.floe.io.csv.CsvTable;
import dev.floe.io.json.JsonReadOptions;
import dev.floe.io.json.JsonReader;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.testkit.LeakChecked;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gzip, zlib and zstd inputs are recognised by magic bytes and read like the plain file. */
@LeakChecked
class CompressedInputTest {
  @TempDir Path directory;

  private static final String CSV = buildCsv();

  private static String buildCsv() {
    StringBuilder text = new StringBuilder("id,name,price\n");
    for (int row = 0; row < 50_000; row++) {
      text.append(row).append(",n").append(row % 97).append(',').append(row * 0.25).append('\n');
    }
    return text.toString();
  }

  static byte[] gzip(byte[] plain) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  static byte[] zlib(byte[] plain) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
      z.write(plain);
    }
    return out.toByteArray();
  }

  @Test
  void detectsByMagicBytes() throws Exception {
    byte[] plain = CSV.getBytes(StandardCharsets.UTF_8);
    assertThat(CompressedInput.detect(MemorySegment.ofArray(plain))).isEqualTo(CompressedInput.Kind.NONE);
    assertThat(CompressedInput.detect(MemorySegment.ofArray(gzip(plain)))).isEqualTo(CompressedInput.Kind.GZIP);
    assertThat(CompressedInput.detect(MemorySegment.ofArray(zlib(plain)))).isEqualTo(CompressedInput.Kind.ZLIB);
    assertThat(CompressedInput.detect(MemorySegment.ofArray(Zstd.compress(plain))))
        .isEqualTo(CompressedInput.Kind.ZSTD);
    assertThat(CompressedInput.detect(MemorySegment.ofArray(new byte[] {0x1f})))
        .isEqualTo(CompressedInput.Kind.NONE);
  }

  @Test
  void decompressesEveryKindIncludingConcatenatedGzipMembers() throws Exception {
    byte[] plain = CSV.getBytes(StandardCharsets.UTF_8);
    byte[] half = Arrays.copyOf(plain, plain.length / 2);
    byte[] rest = Arrays.copyOfRange(plain, plain.length / 2, plain.length);
    byte[] members = concat(gzip(half), gzip(rest));
    BufferAllocator allocator = BufferAllocator.current();
    for (byte[] compressed : List.of(gzip(plain), zlib(plain), Zstd.compress(plain, 3), members)) {
      try (CompressedInput.Decompressed out =
          CompressedInput.decompressIfNeeded(MemorySegment.ofArray(compressed), "f", allocator)) {
        assertThat(out.bytes().toArray(ValueLayout.JAVA_BYTE)).isEqualTo(plain);
      }
    }
    assertThat(CompressedInput.decompressIfNeeded(MemorySegment.ofArray(plain), "f", allocator)).isNull();
  }

  @Test
  void truncatedOrCorruptInputIsATypedErrorNamingTheFile() throws Exception {
    byte[] plain = CSV.getBytes(StandardCharsets.UTF_8);
    BufferAllocator allocator = BufferAllocator.current();
    for (byte[] compressed : List.of(gzip(plain), zlib(plain), Zstd.compress(plain, 3))) {
      byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);
      assertThatThrownBy(() -> CompressedInput.decompressIfNeeded(MemorySegment.ofArray(truncated),
          "data.csv.gz", allocator))
          .isInstanceOf(FloeIoException.class)
          .hasMessageStartingWith("data.csv.gz: corrupt or truncated");
      byte[] corrupt = compressed.clone();
      for (int index = 12; index < corrupt.length; index += 7) {
        corrupt[index] ^= 0x55;
      }
      assertThatThrownBy(() -> CompressedInput.decompressIfNeeded(MemorySegment.ofArray(corrupt),
          "data.csv.gz", allocator))
          .isInstanceOf(FloeIoException.class);
    }
  }

  @Test
  void csvAndNdjsonReadersReadCompressedFilesLikePlainOnes() throws Exception {
    byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);
    Path plainCsv = Files.write(directory.resolve("a.csv"), csv);
    BufferAllocator allocator = BufferAllocator.current();
    try (CsvTable expected = CsvReader.read(plainCsv, CsvReadOptions.DEFAULT, allocator)) {
      for (byte[] compressed : List.of(gzip(csv), zlib(csv), Zstd.compress(csv, 3))) {
        Path file = Files.write(directory.resolve("b.csv.gz"), compressed);
        try (CsvTable actual = CsvReader.read(file, CsvReadOptions.DEFAULT, allocator)) {
          assertThat(actual.names()).isEqualTo(expected.names());
          for (int column = 0; column < expected.columns().size(); column++) {
            assertThat(values(actual.columns().get(column)))
                .isEqualTo(values(expected.columns().get(column)));
          }
        }
      }
    }
    byte[] ndjson = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":null}\n".getBytes(StandardCharsets.UTF_8);
    Path plainJson = Files.write(directory.resolve("a.ndjson"), ndjson);
    try (RecordBatch expected = JsonReader.readNdjson(plainJson, JsonReadOptions.DEFAULT, allocator)) {
      for (byte[] compressed : List.of(gzip(ndjson), Zstd.compress(ndjson, 3))) {
        Path file = Files.write(directory.resolve("b.ndjson.zst"), compressed);
        try (RecordBatch actual = JsonReader.readNdjson(file, JsonReadOptions.DEFAULT, allocator)) {
          assertThat(actual.schema()).isEqualTo(expected.schema());
          assertThat(actual.column(0).getObject(1)).isEqualTo(2L);
          assertThat(actual.column(1).getObject(0)).isEqualTo("x");
          assertThat(actual.column(1).isNull(1)).isTrue();
        }
      }
    }
  }

  private static List<Object> values(dev.floe.memory.column.ChunkedColumn column) {
    List<Object> values = new java.util.ArrayList<>();
    for (long row = 0; row < column.length(); row++) {
      values.add(column.getObject(row));
    }
    return values;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
