package dev.floe.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.FloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.LeakChecked;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing: 2,500 mutations of valid JSON and NDJSON files (flipped, inserted, deleted,
 * duplicated bytes, truncations, invalid UTF-8), each read as NDJSON and as JSON, inferred and
 * with a schema, with and without ignoreErrors. Every read must give a batch or a FloeException,
 * never another exception, a hang or a leaked buffer (the class is leak-checked).
 */
@LeakChecked
class JsonFuzzTest {
  private static final String[] SEEDS = {
    "{\"a\":1,\"b\":\"x\\\"y\",\"c\":[1,2.5,null],\"d\":{\"e\":true,\"f\":[{\"g\":\"\\u00e9\"}]}}\n"
        + "{\"a\":-2e5,\"b\":null,\"c\":[],\"d\":{\"e\":false,\"f\":null}}\n",
    "[{\"s\":\"2020-01-02\",\"n\":12345678901234567890},{\"s\":\"\\ud83d\\ude00\",\"n\":-0.0}]",
    "{\"x\":[[1],[2,3]],\"y\":{\"z\":{\"w\":[true,false]}}}\n\n{\"x\":null,\"y\":{}}\r\n",
    "[{\"k\":\"v\u00e9\u20ac\"},{\"k\":[1,{\"m\":\"n\"}]},{}]",
  };
  private static final byte[] INTERESTING =
      "{}[]\",:\\\n 0123456789-+.eEtrufalsn".getBytes(StandardCharsets.US_ASCII);
  private static final Schema SCHEMA = Schema.of(
      Field.of("a", DataType.INT32), Field.of("b", DataType.UTF8),
      Field.of("c", DataType.ListType.of(DataType.FLOAT64)), Field.of("s", DataType.DATE32),
      Field.of("d", DataType.StructType.of(Field.of("e", DataType.BOOLEAN))));

  @TempDir Path directory;

  @Test
  void mutatedFilesReadOrFailWithFloeExceptions() throws Exception {
    Random random = new Random(20261124L);
    Path file = directory.resolve("fuzz.json");
    int[] outcomes = new int[2];
    Assertions.assertTimeout(Duration.ofMinutes(3), () -> {
      for (int iteration = 0; iteration < 2500; iteration++) {
        byte[] bytes = mutate(SEEDS[random.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8),
            random);
        Files.write(file, bytes);
        JsonReadOptions options = JsonReadOptions.DEFAULT.withIgnoreErrors(random.nextBoolean());
        if (random.nextBoolean()) {
          options = options.withSchema(SCHEMA);
        }
        for (boolean ndjson : new boolean[] {true, false}) {
          outcomes[read(file, options, ndjson, bytes) ? 0 : 1]++;
        }
      }
    });
    assertThat(outcomes[0]).as("reads that succeeded").isPositive();
    assertThat(outcomes[1]).as("reads that failed").isPositive();
  }

  private static boolean read(Path file, JsonReadOptions options, boolean ndjson, byte[] bytes) {
    BufferAllocator allocator = BufferAllocator.current();
    try (RecordBatch batch = ndjson
        ? JsonReader.readNdjson(file, options, allocator)
        : JsonReader.readJson(file, options, allocator)) {
      assertThat(batch.rowCount()).isNotNegative();
      return true;
    } catch (FloeException expected) {
      assertThat(expected.getMessage()).contains(file.toString());
      return false;
    } catch (RuntimeException | StackOverflowError unexpected) {
      throw new AssertionError("not a FloeException for " + new String(bytes, StandardCharsets.UTF_8)
          + " (ndjson " + ndjson + ", " + options + ")", unexpected);
    }
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] bytes = seed;
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations && bytes.length > 0; m++) {
      int at = random.nextInt(bytes.length);
      bytes = switch (random.nextInt(6)) {
        case 0 -> { // flip a byte to an interesting or random one
          byte[] copy = bytes.clone();
          copy[at] = random.nextBoolean()
              ? INTERESTING[random.nextInt(INTERESTING.length)]
              : (byte) random.nextInt(256);
          yield copy;
        }
        case 1 -> splice(bytes, at, 0, new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]});
        case 2 -> splice(bytes, at, Math.min(1 + random.nextInt(4), bytes.length - at), new byte[0]);
        case 3 -> { // duplicate a range
          int length = Math.min(1 + random.nextInt(12), bytes.length - at);
          byte[] range = java.util.Arrays.copyOfRange(bytes, at, at + length);
          yield splice(bytes, at, 0, range);
        }
        case 4 -> java.util.Arrays.copyOf(bytes, at); // truncate
        default -> splice(bytes, at, 0, new byte[] {(byte) 0xC3, (byte) (random.nextInt(256))});
      };
    }
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
    byte[] result = new byte[bytes.length - remove + insert.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(insert, 0, result, at, insert.length);
    System.arraycopy(bytes, at + remove, result, at + insert.length, bytes.length - at - remove);
    return result;
  }
}
