package dev.floe.memory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Builds the message of an allocator closed with memory still allocated. */
final class LeakReport {
  private static final int MAX_SITES = 5;

  private LeakReport() {}

  static String describe(BufferAllocator allocator, List<String> openChildren, long leakedBytes) {
    StringBuilder text = new StringBuilder("memory leak: allocator '")
        .append(allocator.name()).append("' closed with ").append(leakedBytes)
        .append(" bytes still allocated in ").append(allocator.liveBufferCount())
        .append(" buffer(s) of its own");
    if (!openChildren.isEmpty()) {
      text.append(" and open child allocator(s) ").append(String.join(", ", openChildren));
    }
    text.append("; close every DataFrame, Series and Column (they are AutoCloseable)");
    Map<Buffer, Throwable> sites = allocator.liveSites();
    if (sites == null) {
      text.append(". Run with -Dfloe.memory.debug=true to see where they were allocated.");
      return text.toString();
    }
    text.append(". Allocation sites:");
    int shown = 0;
    for (Map.Entry<Buffer, Throwable> entry : sites.entrySet()) {
      if (shown++ == MAX_SITES) {
        text.append("\n... and ").append(sites.size() - MAX_SITES).append(" more");
        break;
      }
      StringWriter trace = new StringWriter();
      entry.getValue().printStackTrace(new PrintWriter(trace));
      text.append("\n").append(entry.getKey().capacity()).append(" bytes ").append(trace);
    }
    return text.toString();
  }
}
