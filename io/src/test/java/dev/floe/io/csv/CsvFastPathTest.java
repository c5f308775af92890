package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.FloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvFastRecords} against the general path: seeded random files of a few hundred records
 * (quoted fields with separators, doubled quotes and line breaks, empty fields, CRLF, bad values,
 * invalid UTF-8, ragged records) read with varied options give exactly the same table, or the same
 * error, with the fast path on and off.
 */
@LeakChecked
class CsvFastPathTest {
  private static final byte[] ALPHABET = {'"', ',', '\n', '\r', '1', '.', 'e', '-', 'x', ' ',
      (byte) 0xFF, (byte) 0xC3, (byte) 0xA9};

  @AfterEach
  void restore() {
    CsvFastRecords.enabled = true;
  }

  @Test
  void fastPathGivesTheGeneralResult() {
    Random random = new Random(20261124L);
    int fastReads = 0;
    for (int iteration = 0; iteration < 500; iteration++) {
      byte[] bytes = mutate(base(random), random, random.nextInt(4));
      CsvReadOptions options = options(random);
      CsvFastRecords.enabled = true;
      String fast = read(bytes, options);
      CsvFastRecords.enabled = false;
      String general = read(bytes, options);
      CsvFastRecords.enabled = true;
      assertThat(fast).as("iteration %d: %s", iteration,
          new String(bytes, StandardCharsets.ISO_8859_1)).isEqualTo(general);
      fastReads += fast.startsWith("error") ? 0 : 1;
    }
    assertThat(fastReads).isGreaterThan(200);
  }

  @Test
  void chunksOfMegabytesReserveTheirStringBytesOnce() {
    Random random = new Random(7L);
    StringBuilder text = new StringBuilder("id,name,note\n");
    for (int row = 0; text.length() < 3_000_000; row++) {
      text.append(row).append(",n").append(row % 97).append(',')
          .append("x".repeat(row < 2000 ? 3 : 20 + random.nextInt(200)))
          .append(row % 5000 == 0 ? ",extra" : "").append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    CsvReadOptions options = CsvReadOptions.DEFAULT.withTruncateRaggedLines(true);
    String fast;
    try (CsvTable table = CsvReader.read(MemorySegment.ofArray(bytes), "big.csv", options,
        BufferAllocator.current(), 1 << 22)) {
      fast = CsvTables.describe(table);
    }
    CsvFastRecords.enabled = false;
    try (CsvTable table = CsvReader.read(MemorySegment.ofArray(bytes), "big.csv", options,
        BufferAllocator.current(), 1 << 22)) {
      assertThat(fast).isEqualTo(CsvTables.describe(table));
    }
  }

  private static String read(byte[] bytes, CsvReadOptions options) {
    try (CsvTable table = CsvReader.read(MemorySegment.ofArray(bytes), "fast.csv", options,
        BufferAllocator.current(), 1 << 10)) {
      return CsvTables.describe(table);
    } catch (FloeException failure) {
      return "error: " + failure.getMessage();
    }
  }

  private static byte[] base(Random random) {
    StringBuilder text = new StringBuilder("id,price,name,day,note\n");
    int rows = 50 + random.nextInt(300);
    boolean crlf = random.nextInt(5) == 0;
    for (int row = 0; row < rows; row++) {
      text.append(random.nextInt(20) == 0 ? "" : String.valueOf(random.nextLong() >> random.nextInt(64)))
          .append(',').append(price(random)).append(',').append(name(random, row)).append(',')
          .append(random.nextInt(30) == 0 ? "" : "20" + (10 + random.nextInt(20)) + "-0"
              + (1 + random.nextInt(9)) + "-" + (10 + random.nextInt(19)))
          .append(',').append(random.nextInt(3) == 0 ? "\"q, " + row + "\"" : "n" + row)
          .append(crlf ? "\r\n" : "\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String price(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(30) - 10));
      case 2 -> String.valueOf(random.nextInt(100_000_000) / 100.0);
      default -> (random.nextInt(200_000) + "." + random.nextInt(100));
    };
  }

  private static String name(Random random, int row) {
    return switch (random.nextInt(8)) {
      case 0 -> "";
      case 1 -> "\"\"";
      case 2 -> "\"a, \"\"b\"\" " + row + "\"";
      case 3 -> "\"line\nbreak\"";
      case 4 -> "\u00e9t\u00e9 " + row;
      default -> "name " + row;
    };
  }

  private static byte[] mutate(byte[] bytes, Random random, int mutations) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
    int[] positions = random.ints(mutations, 30, bytes.length + 1).sorted().toArray();
    int next = 0;
    for (int index = 0; index <= bytes.length; index++) {
      while (next < positions.length && positions[next] == index) {
        out.write(ALPHABET[random.nextInt(ALPHABET.length)]);
        if (random.nextBoolean()) {
          index++; // replace
        }
        next++;
      }
      if (index < bytes.length) {
        out.write(bytes[index]);
      }
    }
    return out.toByteArray();
  }

  private static CsvReadOptions options(Random random) {
    CsvReadOptions options = CsvReadOptions.DEFAULT.withTryParseDates(random.nextInt(4) != 0);
    switch (random.nextInt(7)) {
      case 0 -> options = options.withSchemaOverrides(Map.of("id", DataType.INT64, "price",
          DataType.FLOAT64, "day", DataType.DATE32)).withIgnoreErrors(random.nextBoolean());
      case 1 -> options = options.withTruncateRaggedLines(true);
      case 2 -> options = options.withColumns("price", "note", "id");
      case 3 -> options = options.withNRows((long) random.nextInt(100));
      case 4 -> options = options.withEncoding(CsvReadOptions.Encoding.UTF8_LOSSY);
      case 5 -> options = options.withInferSchemaLength(5);
      default -> { }
    }
    return options;
  }
}
