package dev.floe.io.csv;

import dev.floe.errors.FloeIoException;
import dev.floe.io.CompressedInput;
import dev.floe.io.IoProgress;
import dev.floe.io.ProgressReporter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file into off-heap columns: memory-maps it, reads the header and infers the types
 * ({@link CsvHeader}), cuts the rest into chunks at record boundaries ({@link CsvSplitter}) and
 * parses the chunks in parallel ({@link CsvChunkParser}), one {@link ChunkedColumn} chunk each.
 * A value that does not fit an inferred type widens it and the read starts over.
 */
public final class CsvReader {
  private static final long CHUNK_BYTES = 4L << 20;

  private CsvReader() {}

  /** Reads {@code path}; the caller closes the table (or hands its columns on). */
  public static CsvTable read(Path path, CsvReadOptions options, BufferAllocator allocator) {
    String file = path.toString();
    try (Arena arena = Arena.ofShared();
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        throw new FloeIoException(file + ": empty CSV data (no header and no rows)");
      }
      MemorySegment data = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
      ProgressReporter progress = IoProgress.reporter("read csv", path, size);
      try (CompressedInput.Decompressed plain = CompressedInput.decompressIfNeeded(data, file, allocator)) {
        MemorySegment text = plain == null ? data : plain.bytes();
        double scale = (double) size / text.byteSize();
        CsvTable table = read(text, file, options, allocator, CHUNK_BYTES,
            (bytes, rows) -> progress.advance(Math.round(bytes * scale), rows));
        try {
          progress.advance(Math.max(0, size - progress.bytesDone()), 0); // the header, rounding
          progress.finish();
        } catch (RuntimeException cancelled) {
          table.close();
          throw cancelled;
        }
        return table;
      } finally {
        progress.finish();
      }
    } catch (java.nio.file.NoSuchFileException missing) {
      throw new FloeIoException("could not read " + file + ": no such file", missing);
    } catch (IOException failure) {
      throw new FloeIoException("could not read " + file + ": " + failure.getMessage(), failure);
    }
  }

  /** Reads CSV bytes already in memory; {@code file} names them in messages. */
  public static CsvTable read(MemorySegment data, String file, CsvReadOptions options,
      BufferAllocator allocator) {
    return read(data, file, options, allocator, CHUNK_BYTES, (bytes, rows) -> {});
  }

  /** Told the bytes and rows of each parsed chunk. */
  interface ChunkProgress {
    void parsed(long bytes, long rows);
  }

  /** {@link #read(MemorySegment, String, CsvReadOptions, BufferAllocator)} with chunks of about {@code chunkBytes}. */
  static CsvTable read(MemorySegment data, String file, CsvReadOptions options,
      BufferAllocator allocator, long chunkBytes) {
    return read(data, file, options, allocator, chunkBytes, (bytes, rows) -> {});
  }

  private static CsvTable read(MemorySegment data, String file, CsvReadOptions options,
      BufferAllocator allocator, long chunkBytes, ChunkProgress progress) {
    CsvHeader header = CsvHeader.read(data, file, options);
    CsvPlan plan = header.plan();
    while (true) {
      try {
        return parse(data, header, plan, allocator, chunkBytes, progress);
      } catch (CsvWidening widening) {
        plan = plan.withType(widening.column,
            CsvInference.widen(plan.types()[widening.column], widening.found));
      }
    }
  }

  private static CsvTable parse(MemorySegment data, CsvHeader header, CsvPlan plan,
      BufferAllocator allocator, long chunkBytes, ChunkProgress progress) {
    CsvReadOptions options = plan.options();
    long limit = options.nRows() == null ? Long.MAX_VALUE : options.nRows();
    long span = data.byteSize() - header.dataStart();
    boolean parallel = options.parallel() && limit == Long.MAX_VALUE && span > 2 * chunkBytes
        && dev.floe.io.IoPool.parallelism() > 1;
    CsvSplitter.Chunks chunks = parallel
        ? CsvSplitter.split(data, header.dataStart(), data.byteSize(), header.dataLine(),
            Math.max(chunkBytes, span / (4L * dev.floe.io.IoPool.parallelism())), options)
        : new CsvSplitter.Chunks(new long[] {header.dataStart(), data.byteSize()},
            new long[] {header.dataLine()});
    List<Column[]> parts = new ArrayList<>(chunks.count());
    try {
      if (chunks.count() == 1) {
        parts.add(parseChunk(data, chunks, 0, plan, limit, allocator, progress));
      } else {
        parts.addAll(CsvParallel.parseAll(chunks.count(),
            index -> parseChunk(data, chunks, index, plan, limit, allocator, progress)));
      }
      return assemble(plan, parts, allocator);
    } catch (RuntimeException failure) {
      for (Column[] part : parts) {
        for (Column column : part) {
          column.close();
        }
      }
      throw failure;
    }
  }

  private static Column[] parseChunk(MemorySegment data, CsvSplitter.Chunks chunks, int index,
      CsvPlan plan, long limit, BufferAllocator allocator, ChunkProgress progress) {
    long from = chunks.starts()[index];
    long to = chunks.starts()[index + 1];
    CsvTokenizer tokens = new CsvTokenizer(data, from, to, chunks.lines()[index], plan.options(),
        plan.file());
    Column[] columns = new CsvChunkParser(plan).parse(tokens, limit, allocator);
    progress.parsed(to - from, columns.length == 0 ? 0 : columns[0].length());
    return columns;
  }

  /** Hands the parts' columns to chunked columns (parts is cleared once they are owned). */
  private static CsvTable assemble(CsvPlan plan, List<Column[]> parts, BufferAllocator allocator) {
    CsvReadOptions options = plan.options();
    List<String> names = new ArrayList<>();
    List<ChunkedColumn> columns = new ArrayList<>();
    long rows = 0;
    for (Column[] part : parts) {
      rows += part.length == 0 ? 0 : part[0].length();
    }
    try {
      if (options.rowIndexName() != null) {
        if (options.rowIndexOffset() < 0 || options.rowIndexOffset() + rows > 0xFFFF_FFFFL + 1) {
          throw new FloeIoException(plan.file() + ": the row index does not fit u32 (offset "
              + options.rowIndexOffset() + ", " + rows + " rows)");
        }
        List<Column> chunks = new ArrayList<>(parts.size());
        try {
          long first = options.rowIndexOffset();
          for (Column[] part : parts) {
            int length = part.length == 0 ? 0 : part[0].length();
            chunks.add(dev.floe.io.RowIndex.column(first, length, allocator));
            first += length;
          }
        } catch (RuntimeException failure) {
          chunks.forEach(Column::close);
          throw failure;
        }
        names.add(options.rowIndexName());
        columns.add(new ChunkedColumn(DataType.UINT32, chunks));
      }
      for (int column = 0; column < plan.fields().length; column++) {
        List<Column> chunks = new ArrayList<>(parts.size());
        for (Column[] part : parts) {
          if (part[column].length() > 0 || parts.size() == 1) {
            chunks.add(part[column]);
          } else {
            part[column].close();
          }
          part[column] = null;
        }
        names.add(plan.names().get(column));
        columns.add(new ChunkedColumn(plan.types()[column], chunks));
      }
      parts.clear();
      return new CsvTable(names, columns);
    } catch (RuntimeException failure) {
      columns.forEach(ChunkedColumn::close);
      for (Column[] part : parts) {
        for (int index = 0; index < part.length; index++) {
          if (part[index] != null) {
            part[index].close();
            part[index] = null;
          }
        }
      }
      parts.clear();
      throw failure;
    }
  }

}
