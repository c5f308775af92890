package dev.floe.jmh;

import static dev.floe.Floe.col;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Floe's half of {@code scripts/compare_polars.py}: reads the raw little-endian columns the script
 * generated ({@code a.bin}, {@code b.bin} Int64 and {@code c.bin} Float64), runs each operation
 * {@code warmup + repeats} times on one thread and prints, per operation, a tab-separated line
 * {@code name, median ms, check}. The check is a number both engines compute from their result
 * (a row count, a sum, a first value) so the script can verify the answers agree.
 *
 * <p>Usage: {@code java ... dev.floe.jmh.PolarsSideBySide DATA_DIR THRESHOLD_1PCT THRESHOLD_50PCT
 * [warmup] [repeats]}.
 */
public final class PolarsSideBySide {
  private PolarsSideBySide() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    long onePercent = Long.parseLong(args[1]);
    long half = Long.parseLong(args[2]);
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 15;
    BufferAllocator allocator = BufferAllocator.global();
    try (DataFrame frame =
            DataFrame.of(
                read(directory.resolve("a.bin"), "a", DataType.INT64, allocator),
                read(directory.resolve("b.bin"), "b", DataType.INT64, allocator),
                read(directory.resolve("c.bin"), "c", DataType.FLOAT64, allocator));
        DataFrame single = frame.select("a")) {
      Map<String, DoubleSupplier> operations = new LinkedHashMap<>();
      operations.put("filter 1%", () -> filter(frame, onePercent));
      operations.put("filter 50%", () -> filter(frame, half));
      operations.put("sum", () -> sum(frame));
      operations.put("sort", () -> sort(single));
      operations.put("with_columns x3", () -> withColumns(frame));
      for (Map.Entry<String, DoubleSupplier> operation : operations.entrySet()) {
        String name = operation.getKey();
        double[] millis = new double[repeats];
        double check = 0;
        for (int iteration = 0; iteration < warmup + repeats; iteration++) {
          long start = System.nanoTime();
          check = operation.getValue().getAsDouble();
          long elapsed = System.nanoTime() - start;
          if (iteration >= warmup) {
            millis[iteration - warmup] = elapsed / 1e6;
          }
        }
        Arrays.sort(millis);
        System.out.printf("%s\t%.3f\t%s%n", name, millis[repeats / 2], check);
      }
    }
  }

  private static double filter(DataFrame frame, long threshold) {
    try (DataFrame filtered = frame.filter(col("a").lt(threshold))) {
      return filtered.height();
    }
  }

  private static double sum(DataFrame frame) {
    try (DataFrame total = frame.select(col("a").sum())) {
      return ((Number) total.column(0).get(0)).doubleValue();
    }
  }

  private static double sort(DataFrame frame) {
    try (DataFrame sorted = frame.sort("a")) {
      return ((Number) sorted.column(0).get(sorted.height() / 2)).doubleValue();
    }
  }

  private static double withColumns(DataFrame frame) {
    try (DataFrame result =
            frame.withColumns(
                col("a").mul(3).add(col("b")).alias("x"),
                col("c").mul(2.5).sub(col("a")).alias("y"),
                col("a").sub(col("b").mul(2)).alias("z"));
        DataFrame sums = result.select(col("x").sum(), col("y").sum(), col("z").sum())) {
      return ((Number) sums.column(1).get(0)).doubleValue();
    }
  }

  /** A column copied off-heap from a raw little-endian file of 8-byte values. */
  private static Series read(Path file, String name, DataType type, BufferAllocator allocator)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        Arena arena = Arena.ofConfined()) {
      long bytes = channel.size();
      MemorySegment mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, bytes, arena);
      Buffer values = allocator.allocate(bytes);
      MemorySegment.copy(mapped, 0, values.segment(), 0, bytes);
      Column column = new FixedWidthColumn(type, 0, Math.toIntExact(bytes / 8), 0, null, values);
      return Series.fromColumn(name, column);
    }
  }
}
