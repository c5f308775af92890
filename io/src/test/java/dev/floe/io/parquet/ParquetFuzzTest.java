package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.FloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of valid Parquet files (flat, dictionary and list columns; V1 and V2 pages;
 * uncompressed, snappy and zstd): bit flips, 32/64-bit words overwritten with boundary values
 * (lying lengths and counts in page headers and the footer), truncation, byte runs copied over
 * other bytes. 2,400 cases (times {@code -Dfloe.fuzz.factor}); each read must succeed (every value
 * is then touched) or throw a FloeException, and nothing may leak.
 */
@LeakChecked
class ParquetFuzzTest {
  private static final long SEED = Long.getLong("floe.fuzz.seed", 0x9A4_2E7L);
  private static final int ROUNDS = 400 * Integer.getInteger("floe.fuzz.factor", 1);
  private static final long[] BOUNDARIES = {
    0, 1, -1, 7, 8, 63, 64, 0xFF, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32
  };

  @TempDir Path directory;

  @Test
  void mutatedFilesEitherReadOrFailTyped(BufferAllocator allocator) throws IOException {
    Random random = new Random(SEED);
    int reads = 0;
    int failures = 0;
    int cases = 0;
    for (CompressionCodecName codec : new CompressionCodecName[] {
        CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD}) {
      for (boolean v2 : new boolean[] {false, true}) {
        Path base = directory.resolve("base-" + codec + "-" + v2 + ".parquet");
        TestParquetWriter.write(base, 60, 25, 9, codec, v2);
        byte[] original = Files.readAllBytes(base);
        for (int round = 0; round < ROUNDS; round++) {
          byte[] mutated = mutate(original, random);
          Path path = directory.resolve("fuzz.parquet");
          Files.write(path, mutated);
          ParquetReadOptions options = ParquetReadOptions.DEFAULT.withParallel(random.nextBoolean()
              ? ParquetReadOptions.Parallel.AUTO : ParquetReadOptions.Parallel.NONE);
          cases++;
          try (ParquetTable table = ParquetReader.read(path, options, RowGroupFilter.ALL, allocator)) {
            touchEveryValue(table);
            reads++;
          } catch (FloeException expected) {
            assertThat(expected.getMessage()).contains(path.toString());
            failures++;
          } catch (RuntimeException | Error other) {
            throw new AssertionError("round " + round + " of " + codec + " v2=" + v2 + " (seed " + SEED
                + ") threw " + other, other);
          }
          assertThat(allocator.allocatedBytes()).as("bytes held after round %d", round).isZero();
        }
      }
    }
    System.out.println("ParquetFuzzTest: " + reads + " reads, " + failures + " typed failures");
    assertThat(reads + failures).isEqualTo(cases).isEqualTo(6 * ROUNDS);
    assertThat(failures).isPositive();
    assertThat(reads).as("mutations that still read (every value touched)").isPositive();
  }

  private static void touchEveryValue(ParquetTable table) {
    for (RecordBatch batch : table.batches()) {
      for (Column column : batch.columns()) {
        for (int row = 0; row < column.length(); row++) {
          column.getObject(row);
        }
      }
    }
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    switch (random.nextInt(6)) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        int position = random.nextInt(bytes.length - 4);
        buffer.putInt(position, (int) BOUNDARIES[random.nextInt(BOUNDARIES.length)] + random.nextInt(3) - 1);
      }
      case 2 -> buffer.putLong(random.nextInt(bytes.length - 8), BOUNDARIES[random.nextInt(BOUNDARIES.length)]);
      case 3 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case 4 -> {
        // a Thrift varint in a page header or the footer: a byte with the continuation bit set
        int position = random.nextInt(bytes.length);
        bytes[position] = (byte) (0x80 | random.nextInt(0x80));
      }
      default -> {
        int from = random.nextInt(bytes.length);
        int to = random.nextInt(bytes.length);
        int length = random.nextInt(Math.min(64, bytes.length - Math.max(from, to)) + 1);
        System.arraycopy(original, from, bytes, to, length);
      }
    }
    return bytes;
  }
}
