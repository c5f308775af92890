package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.FloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing: 2,400 mutated files and streams (flipped bytes, overwritten 32/64-bit words with
 * boundary values, truncations, duplicated ranges), uncompressed and compressed. Each read must
 * succeed (and every value must then be readable) or throw a FloeException; nothing may leak.
 */
@LeakChecked
class IpcFuzzTest {
  private static final long SEED = Long.getLong("floe.fuzz.seed", 0x1BC_F022L);
  private static final int ROUNDS = 400;
  private static final long[] BOUNDARIES = {
    0, 1, -1, 7, 8, 63, 64, 0xFF, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32
  };

  @TempDir Path directory;

  @Test
  void mutatedInputEitherReadsOrFailsTyped(BufferAllocator allocator) throws IOException {
    Random random = new Random(SEED);
    int reads = 0;
    int failures = 0;
    int trustedFailures = 0;
    for (IpcCompression codec : IpcCompression.values()) {
      for (boolean stream : new boolean[] {false, true}) {
        Path base = directory.resolve("base-" + codec + "-" + stream);
        IpcSamples.write(base, stream, 23, IpcWriteOptions.DEFAULT.withCompression(codec).withRecordBatchSize(9), allocator);
        byte[] original = Files.readAllBytes(base);
        for (int round = 0; round < ROUNDS; round++) {
          byte[] mutated = mutate(original, random);
          Path path = directory.resolve("fuzz.arrow");
          Files.write(path, mutated);
          boolean map = random.nextBoolean();
          boolean trusting = random.nextInt(4) == 0;
          IpcReadOptions options = IpcReadOptions.DEFAULT.withMemoryMap(map)
              .withValidation(trusting ? IpcReadOptions.Validation.METADATA : IpcReadOptions.Validation.FULL);
          try (IpcTable table = stream ? IpcReader.readStream(path, options, allocator)
              : IpcReader.readFile(path, options, allocator)) {
            touchEveryValue(table);
            reads++;
          } catch (FloeException expected) {
            failures++;
          } catch (IndexOutOfBoundsException trusted) {
            // METADATA validation trusts offsets, views and indices: a corrupt one is caught by the
            // bounds check of the access, never read outside the buffers
            assertThat(trusting).as("round %d: an unchecked access with full validation: %s", round, trusted).isTrue();
            trustedFailures++;
          } catch (RuntimeException | Error other) {
            throw new AssertionError("round " + round + " of " + codec + " stream=" + stream
                + " (seed " + SEED + ") threw " + other, other);
          }
          assertThat(allocator.allocatedBytes()).as("bytes held after round %d", round).isZero();
        }
      }
    }
    System.out.println("IpcFuzzTest: " + reads + " reads, " + failures + " typed failures, "
        + trustedFailures + " bounds-check failures of trusted data");
    assertThat(reads + failures + trustedFailures).isEqualTo(6 * ROUNDS);
    assertThat(failures).isPositive();
    assertThat(reads).as("mutations that still read (every value touched)").isPositive();
  }

  private static void touchEveryValue(IpcTable table) {
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
    int kind = random.nextInt(5);
    switch (kind) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        int position = random.nextInt(bytes.length - 4);
        int value = (int) BOUNDARIES[random.nextInt(BOUNDARIES.length)] + random.nextInt(3) - 1;
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(position & ~3, value);
      }
      case 2 -> {
        int position = random.nextInt(bytes.length - 8);
        long value = BOUNDARIES[random.nextInt(BOUNDARIES.length)];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(position & ~7, value);
      }
      case 3 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
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
