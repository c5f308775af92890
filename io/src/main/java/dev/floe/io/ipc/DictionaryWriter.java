package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.Buffer;
import dev.floe.memory.column.Column;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a DictionaryBatch before the first record batch that uses a dictionary, and again when a
 * later chunk brings another dictionary: in a stream as a replacement, in a file (which allows one
 * dictionary per id) as an error. Dictionaries are compared by their buffers, not their values.
 */
final class DictionaryWriter {
  final List<long[]> blocks = new ArrayList<>();
  private final List<Column> written = new ArrayList<>();
  private final boolean stream;

  DictionaryWriter(boolean stream) {
    this.stream = stream;
  }

  /** Writes the dictionaries of {@code batch} that differ from those already written. */
  void before(MessageWriter out, ColumnEncoder batch) throws IOException {
    for (int id = 0; id < batch.dictionaries.size(); id++) {
      Column dictionary = batch.dictionaries.get(id);
      if (id < written.size() && same(written.get(id), dictionary)) {
        continue;
      }
      if (id < written.size() && !stream) {
        throw new FloeIoException("dictionary " + id + " changes between chunks; an Arrow IPC file holds one"
            + " dictionary per column: write a stream, or cast the column to its value type");
      }
      try (ColumnEncoder encoder = new ColumnEncoder(out.allocator())) {
        encoder.encode(dictionary);
        if (!encoder.dictionaries.isEmpty()) {
          throw new FloeIoException("a dictionary of dictionary-encoded values cannot be written");
        }
        blocks.add(out.dictionaryBatch(id, dictionary.length(), encoder));
      }
      if (id < written.size()) {
        written.set(id, dictionary);
      } else {
        written.add(dictionary);
      }
    }
  }

  private static boolean same(Column a, Column b) {
    if (a == b) {
      return true;
    }
    if (a.offset() != b.offset() || a.length() != b.length() || a.buffers().size() != b.buffers().size()
        || a.children().size() != b.children().size()) {
      return false;
    }
    for (int index = 0; index < a.buffers().size(); index++) {
      Buffer left = a.buffers().get(index);
      Buffer right = b.buffers().get(index);
      if (left != right) {
        return false;
      }
    }
    for (int index = 0; index < a.children().size(); index++) {
      if (!same(a.children().get(index), b.children().get(index))) {
        return false;
      }
    }
    return true;
  }
}
