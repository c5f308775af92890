package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.FloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.testkit.LeakChecked;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing: 2,400 mutated CSV files (bytes inserted, deleted and replaced with quotes,
 * separators, line breaks, invalid UTF-8...) read with varied options. Every read either succeeds
 * or throws a {@link FloeException}; a read split into many small parallel chunks gives exactly
 * the serial result (or the same error); nothing leaks (the class is leak-checked).
 */
@LeakChecked
class CsvFuzzTest {
  private static final byte[] ALPHABET = {'"', '"', ',', ',', '\n', '\n', '\r', '#', ';', '1', '9',
      '.', 'e', '-', 'a', ' ', 't', (byte) 0xFF, (byte) 0xC3, (byte) 0xA9, '\'', 0};

  @TempDir Path directory;

  @Test
  void mutatedFilesReadOrFailCleanly() throws Exception {
    Random random = new Random(20261124);
    Path path = directory.resolve("fuzz.csv");
    int reads = 0;
    int failures = 0;
    for (int iteration = 0; iteration < 2400; iteration++) {
      byte[] bytes = mutate(base(random), random);
      Files.write(path, bytes);
      CsvReadOptions options = options(random);
      String serial;
      try (CsvTable table = CsvReader.read(path, options.withParallel(false), BufferAllocator.current())) {
        serial = CsvTables.describe(table);
        reads++;
      } catch (FloeException failure) {
        serial = "error: " + failure.getMessage();
        failures++;
      }
      String parallel;
      try (CsvTable table = CsvReader.read(MemorySegment.ofArray(bytes), path.toString(), options,
          BufferAllocator.current(), 16)) {
        parallel = CsvTables.describe(table);
      } catch (FloeException failure) {
        parallel = "error: " + failure.getMessage();
      }
      assertThat(parallel).as("iteration %d: %s", iteration,
          new String(bytes, StandardCharsets.ISO_8859_1)).isEqualTo(serial);
    }
    assertThat(reads).isGreaterThan(400);
    assertThat(failures).isGreaterThan(100);
  }

  private static byte[] base(Random random) {
    StringBuilder text = new StringBuilder("id,price,name,flag,day\n");
    int rows = 1 + random.nextInt(40);
    for (int row = 0; row < rows; row++) {
      text.append(row).append(',').append(random.nextInt(1000) / 8.0).append(',')
          .append(random.nextBoolean() ? "\"n, \"\"" + row + "\"\"\"" : "n" + row).append(',')
          .append(random.nextBoolean()).append(",2020-01-").append(10 + random.nextInt(19))
          .append(random.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] mutate(byte[] bytes, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
    int mutations = 1 + random.nextInt(6);
    int[] positions = random.ints(mutations, 0, bytes.length + 1).sorted().toArray();
    int next = 0;
    for (int index = 0; index <= bytes.length; index++) {
      while (next < positions.length && positions[next] == index) {
        switch (random.nextInt(3)) {
          case 0 -> out.write(ALPHABET[random.nextInt(ALPHABET.length)]);
          case 1 -> index++; // delete
          default -> {
            out.write(ALPHABET[random.nextInt(ALPHABET.length)]);
            index++; // replace
          }
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
    CsvReadOptions options = CsvReadOptions.DEFAULT;
    switch (random.nextInt(8)) {
      case 0 -> options = options.withCommentPrefix("#");
      case 1 -> options = options.withTryParseDates(true).withInferSchemaLength(3);
      case 2 -> options = options.withEncoding(CsvReadOptions.Encoding.UTF8_LOSSY);
      case 3 -> options = options.withTruncateRaggedLines(true).withInferSchemaLength(null);
      case 4 -> options = options.withSchemaOverrides(Map.of("price",
          dev.floe.memory.types.DataType.FLOAT64)).withIgnoreErrors(random.nextBoolean());
      case 5 -> options = options.withHasHeader(false).withRowIndex("r", 3);
      case 6 -> options = options.withQuoteChar(null).withColumns("id");
      default -> { }
    }
    return options;
  }
}
