package dev.floe.io.parquet.write;

import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one row group: the rows are cut at every chunk boundary of every column and into blocks
 * of {@code blockRows}; each block goes column by column (leaf by leaf) to parquet-mr's column
 * writers, then parquet-mr is told that many records ended, which is where it checks page sizes
 * and cuts pages. At the end the buffered pages go to the file as one row group, as parquet-mr's
 * own {@code InternalParquetRecordWriter} flushes them.
 */
final class RowGroupWriter {
  private final MessageType message;
  private final List<LeafPath> leaves;
  private final ParquetProperties properties;
  private final BytesInputCompressor compressor;
  private final List<ChunkedColumn> columns;
  private final int blockRows;
  private final LevelShredder shredder = new LevelShredder();
  private final LeafValueWriter values = new LeafValueWriter();
  private final int[] chunk;
  private final long[] chunkStart;

  RowGroupWriter(MessageType message, List<LeafPath> leaves, ParquetProperties properties,
      BytesInputCompressor compressor, List<ChunkedColumn> columns, int blockRows) {
    this.message = message;
    this.leaves = leaves;
    this.properties = properties;
    this.compressor = compressor;
    this.columns = columns;
    this.blockRows = blockRows;
    this.chunk = new int[columns.size()];
    this.chunkStart = new long[columns.size()];
  }

  /** Writes rows {@code [start, start + count)} as one row group; calls must go forward. */
  void write(ParquetFileWriter file, long start, long count) throws IOException {
    try (Encoded group = encode(start, count)) {
      group.flush(file);
    }
  }

  /** A row group encoded and compressed in memory, waiting to be appended to the file in order. */
  static final class Encoded implements AutoCloseable {
    private final ColumnChunkPageWriteStore pages;
    private final ColumnWriteStore store;
    private final long rows;

    private Encoded(ColumnChunkPageWriteStore pages, ColumnWriteStore store, long rows) {
      this.pages = pages;
      this.store = store;
      this.rows = rows;
    }

    /** Appends the row group to {@code file} (from one thread, in row order). */
    void flush(ParquetFileWriter file) throws IOException {
      file.startBlock(rows);
      pages.flushToFileWriter(file);
      file.endBlock();
    }

    @Override
    public void close() {
      store.close();
      pages.close();
    }
  }

  /**
   * Encodes rows {@code [start, start + count)} into pages held in memory; calls on one writer
   * must go forward. Writers of different row groups may run on different threads.
   */
  Encoded encode(long start, long count) {
    ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(compressor, message, properties.getAllocator(),
        properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
    ColumnWriteStore store = properties.newColumnWriteStore(message, pages, pages);
    boolean done = false;
    try {
      ColumnWriter[] writers = new ColumnWriter[leaves.size()];
      for (int leaf = 0; leaf < writers.length; leaf++) {
        writers[leaf] = store.getColumnWriter(leaves.get(leaf).descriptor());
      }
      long row = start;
      long end = start + count;
      while (row < end) {
        int run = (int) Math.min(end - row, blockRows);
        for (int column = 0; column < columns.size(); column++) {
          run = (int) Math.min(run, position(column, row));
        }
        for (int leaf = 0; leaf < writers.length; leaf++) {
          LeafPath path = leaves.get(leaf);
          Column data = columns.get(path.column()).chunks().get(chunk[path.column()]);
          int local = (int) (row - chunkStart[path.column()]);
          writeLeaf(writers[leaf], data, local, run, path);
        }
        for (int record = 0; record < run; record++) {
          store.endRecord();
        }
        row += run;
      }
      store.flush();
      done = true;
      return new Encoded(pages, store, count);
    } finally {
      if (!done) {
        store.close();
        pages.close();
      }
    }
  }

  private void writeLeaf(ColumnWriter writer, Column data, int local, int run, LeafPath path) {
    int maxDefinition = path.descriptor().getMaxDefinitionLevel();
    if (path.flat() && !(data instanceof DictionaryColumn)) {
      values.write(writer, data, local, run, null, maxDefinition);
      return;
    }
    Levels levels = shredder.shred(data, local, run, path);
    values.write(writer, shredder.leaf(), 0, 0, levels, maxDefinition);
  }

  /**
   * Moves column {@code column}'s cursor to the chunk holding {@code row}; returns the rows left
   * in that chunk from {@code row}.
   */
  private long position(int column, long row) {
    List<Column> chunks = columns.get(column).chunks();
    while (row - chunkStart[column] >= chunks.get(chunk[column]).length()) {
      chunkStart[column] += chunks.get(chunk[column]).length();
      chunk[column]++;
    }
    return chunkStart[column] + chunks.get(chunk[column]).length() - row;
  }
}
