package dev.floe.io.parquet.read;

import dev.floe.errors.FloeIoException;
import dev.floe.io.ProgressReporter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/** Reads one top-level field of one row group: decodes its leaf column chunks, assembles the column. */
public final class FieldReader {
  private FieldReader() {}

  /** The column of {@code node} in row group {@code rowGroup}; frees everything it built on failure. */
  public static Column read(MemorySegment file, BlockMetaData block, int rowGroup, ReadNode node,
      BufferAllocator allocator, ProgressReporter progress, String where) {
    long rowCount = block.getRowCount();
    String groupWhere = where + ", row group " + rowGroup;
    if (rowCount < 0 || rowCount > Integer.MAX_VALUE - 16) {
      throw new FloeIoException(groupWhere + ": row count " + rowCount + " is out of range");
    }
    int rows = (int) rowCount;
    if (rows == 0) {
      return EmptyColumns.of(node.field().type(), allocator);
    }
    List<ReadNode.Leaf> leaves = node.leaves();
    Map<Integer, LeafData> decoded = new HashMap<>();
    try {
      for (ReadNode.Leaf leaf : leaves) {
        ColumnChunkMetaData chunk = chunk(block, leaf, groupWhere);
        String at = groupWhere + ", column " + leaf.path();
        try (ChunkDecoder decoder = new ChunkDecoder(file, chunk, leaf, allocator, at)) {
          decoded.put(leaf.column(), decoder.decode(rows));
        }
        progress.advance(chunk.getTotalSize(), 0);
      }
      Column column = new ColumnAssembler(decoded, rows, allocator, groupWhere + ", column " + node.field().name())
          .assemble(node);
      return column;
    } finally {
      decoded.values().forEach(LeafData::close);
    }
  }

  /** Compressed bytes of the column chunks of {@code node} in {@code block}. */
  public static long bytes(BlockMetaData block, ReadNode node, String where) {
    long bytes = 0;
    for (ReadNode.Leaf leaf : node.leaves()) {
      bytes += chunk(block, leaf, where).getTotalSize();
    }
    return bytes;
  }

  /** Calls {@code range} with the file offset and length of each column chunk of {@code node} in {@code block}. */
  public static void ranges(BlockMetaData block, ReadNode node, String where,
      java.util.function.BiConsumer<Long, Long> range) {
    for (ReadNode.Leaf leaf : node.leaves()) {
      ColumnChunkMetaData chunk = chunk(block, leaf, where);
      range.accept(chunk.getStartingPos(), chunk.getTotalSize());
    }
  }

  private static ColumnChunkMetaData chunk(BlockMetaData block, ReadNode.Leaf leaf, String where) {
    List<ColumnChunkMetaData> columns = block.getColumns();
    if (leaf.column() >= columns.size()) {
      throw new FloeIoException(where + ": has " + columns.size() + " column chunks, column " + leaf.path()
          + " is number " + leaf.column());
    }
    ColumnChunkMetaData chunk = columns.get(leaf.column());
    String path = chunk.getPath().toDotString();
    if (!path.equals(leaf.path())) {
      throw new FloeIoException(where + ": column chunk " + leaf.column() + " is " + path + ", expected "
          + leaf.path());
    }
    return chunk;
  }
}
