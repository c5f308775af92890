package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory outside the Java heap (Linux /proc/self/smaps), for leak tests:
 * native memory a leak would grow, without the heap pages the JVM touches for the first time.
 */
final class ResidentMemory {
  private ResidentMemory() {}

  /** The Java heap's reserved address range, from the GC.heap_info diagnostic command. */
  static long[] heapRange() throws Exception {
    String info = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo",
        new Object[] {null}, new String[] {String[].class.getName()});
    java.util.regex.Matcher range =
        java.util.regex.Pattern.compile("\\[0x([0-9a-f]+), ?0x([0-9a-f]+)\\)").matcher(info);
    assertThat(range.find()).as("a heap range in %s", info).isTrue();
    return new long[] {Long.parseUnsignedLong(range.group(1), 16), Long.parseUnsignedLong(range.group(2), 16)};
  }

  /**
   * Resident kB outside {@code heap}: native memory (malloc, mmap'd buffers, Python, code), which a
   * leak would grow, without the heap pages the JVM touches for the first time as it allocates.
   */
  static long outsideHeapKb(long[] heap) throws IOException {
    long total = 0;
    boolean inHeap = false;
    for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
      int dash = line.indexOf('-');
      int space = line.indexOf(' ');
      if (dash > 0 && space > dash && line.substring(0, dash).matches("[0-9a-f]+")) {
        long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
        inHeap = Long.compareUnsigned(start, heap[0]) >= 0 && Long.compareUnsigned(start, heap[1]) < 0;
      } else if (line.startsWith("Rss:") && !inHeap) {
        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return total;
  }
}
