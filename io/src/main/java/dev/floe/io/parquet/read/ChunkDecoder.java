package dev.floe.io.parquet.read;

import dev.floe.errors.FloeIoException;
import dev.floe.io.parquet.codec.PageCodecs;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads the pages of one column chunk straight from the file mapping: page headers through
 * parquet-format's Thrift reader, page bodies decompressed by {@link PageCodecs} into one reusable
 * off-heap scratch buffer (uncompressed pages are read in place), levels and values decoded by
 * {@link PageValues} into a {@link LeafData}. Data pages V1 and V2 (whose levels are never
 * compressed) and dictionary pages; index pages are skipped.
 */
final class ChunkDecoder implements AutoCloseable {
  private final MemorySegment file;
  private final ColumnChunkMetaData chunk;
  private final ReadNode.Leaf leaf;
  private final BufferAllocator allocator;
  private final String where;
  private Buffer scratch;
  private PhysicalValues dictionary;
  /** The chunk's decoded values, while {@link #decode} runs. */
  private PhysicalValues values;

  ChunkDecoder(MemorySegment file, ColumnChunkMetaData chunk, ReadNode.Leaf leaf, BufferAllocator allocator,
      String where) {
    this.file = file;
    this.chunk = chunk;
    this.leaf = leaf;
    this.allocator = allocator;
    this.where = where;
  }

  /** Decodes the whole chunk, which must hold {@code rows} rows. */
  LeafData decode(long rows) {
    long start = chunk.getStartingPos();
    long size = chunk.getTotalSize();
    long total = chunk.getValueCount();
    if (start < 4 || size < 0 || start > file.byteSize() - size) {
      throw new FloeIoException(where + ": column chunk [" + start + ", " + (start + size)
          + ") lies outside the file of " + file.byteSize() + " bytes");
    }
    if (total < 0 || total > Integer.MAX_VALUE - 16 || total < rows || (leaf.maxRep() == 0 && total != rows)) {
      throw new FloeIoException(where + ": column chunk claims " + total + " values for " + rows + " rows");
    }
    int entries = (int) total;
    // sized for the values the chunk claims up to a million, beyond that no larger than a few times
    // its decoded bytes (a lying count must not reserve gigabytes; dictionary pages that expand
    // further grow the buffer)
    long hint = Math.min(entries, Math.max(1 << 20, 4 * Math.max(0, chunk.getTotalUncompressedSize())));
    values = new PhysicalValues(allocator, physicalWidth(), hint,
        Math.min(Math.max(0, chunk.getTotalUncompressedSize()), 1L << 30));
    try {
      PageValues pages = new PageValues(leaf, values, entries, allocator);
      long position = start;
      long end = start + size;
      int done = 0;
      for (int page = 0; done < entries; page++) {
        String at = where + ", page " + page + " (byte " + position + ")";
        if (position >= end) {
          throw new FloeIoException(at + ": the column chunk ends after " + done + " of " + entries + " values");
        }
        SegmentStream stream = new SegmentStream(file, position, end);
        PageHeader header = readHeader(stream, at);
        long body = stream.position();
        int compressed = header.getCompressed_page_size();
        int uncompressed = header.getUncompressed_page_size();
        if (compressed < 0 || uncompressed < 0 || compressed > end - body) {
          throw new FloeIoException(at + ": page of " + compressed + " compressed bytes does not fit the "
              + (end - body) + " bytes left in the column chunk");
        }
        position = body + compressed;
        switch (header.getType()) {
          case DICTIONARY_PAGE -> readDictionary(header, body, compressed, uncompressed, at);
          case DATA_PAGE -> done += dataV1(header.getData_page_header(), body, compressed, uncompressed,
              pages, done, entries, at);
          case DATA_PAGE_V2 -> done += dataV2(header.getData_page_header_v2(), body, compressed, uncompressed,
              pages, done, entries, at);
          case null, default -> { }
        }
      }
      return new LeafData(leaf, entries, pages.defs(), pages.reps(), values, where,
          pages.definedTotal() == entries);
    } catch (RuntimeException failure) {
      values.close();
      throw failure;
    }
  }

  private int physicalWidth() {
    PrimitiveTypeName physical = leaf.primitive().getPrimitiveTypeName();
    return switch (physical) {
      case BOOLEAN -> PhysicalValues.BITS;
      case INT32, FLOAT -> 4;
      case INT64, DOUBLE -> 8;
      case INT96 -> 12;
      case BINARY -> PhysicalValues.VARIABLE;
      case FIXED_LEN_BYTE_ARRAY -> {
        int length = leaf.primitive().getTypeLength();
        if (length <= 0) {
          throw new FloeIoException(where + ": fixed_len_byte_array length " + length + " is not positive");
        }
        yield length;
      }
    };
  }

  private static PageHeader readHeader(SegmentStream stream, String at) {
    try {
      PageHeader header = Util.readPageHeader(stream);
      if (header.getType() == null) {
        throw new FloeIoException(at + ": page header has no or an unknown page type");
      }
      return header;
    } catch (IOException | RuntimeException failure) {
      if (failure instanceof FloeIoException io) {
        throw io;
      }
      throw new FloeIoException(at + ": cannot read the page header: " + failure.getMessage(), failure);
    }
  }

  /** The page body, decompressed when the chunk's codec says so (and {@code compressed} allows). */
  private MemorySegment body(long offset, int compressedSize, int uncompressedSize, boolean compressed, String at) {
    CompressionCodecName codec = chunk.getCodec();
    if (!compressed || codec == CompressionCodecName.UNCOMPRESSED) {
      if (compressedSize != uncompressedSize) {
        throw new FloeIoException(at + ": uncompressed page of " + compressedSize
            + " bytes claims an uncompressed size of " + uncompressedSize);
      }
      return file.asSlice(offset, compressedSize);
    }
    MemorySegment reused = PageScratch.get(uncompressedSize);
    if (reused == null && (scratch == null || scratch.capacity() < uncompressedSize)) {
      if (scratch != null) {
        scratch.release();
        scratch = null;
      }
      scratch = allocator.allocate(Math.max(uncompressedSize, 1 << 16));
    }
    MemorySegment target = (reused != null ? reused : scratch.segment()).asSlice(0, uncompressedSize);
    PageCodecs.decompress(codec, file.asSlice(offset, compressedSize), target, at);
    return target;
  }

  private void readDictionary(PageHeader header, long offset, int compressed, int uncompressed, String at) {
    DictionaryPageHeader dict = header.getDictionary_page_header();
    if (dict == null) {
      throw new FloeIoException(at + ": dictionary page without a dictionary page header");
    }
    int count = dict.getNum_values();
    Encoding encoding = dict.getEncoding();
    if (encoding != Encoding.PLAIN && encoding != Encoding.PLAIN_DICTIONARY) {
      throw new FloeIoException(at + ": dictionary page encoding " + encoding + " is not supported (PLAIN)");
    }
    if (count < 0 || count > uncompressed * 8L + 8) {
      throw new FloeIoException(at + ": dictionary page claims " + count + " values in " + uncompressed + " bytes");
    }
    MemorySegment page = body(offset, compressed, uncompressed, true, at);
    if (dictionary != null) {
      dictionary.close();
      dictionary = null;
    }
    dictionary = new PhysicalValues(allocator, physicalWidth(), count);
    PlainValues.decode(page, 0, page.byteSize(), count, dictionary, at);
    if (dictionary.width == PhysicalValues.VARIABLE && count > 0) {
      // strings gathered from this dictionary: room for the chunk's values at the dictionary's
      // mean length up front, instead of doubling (and copying) the buffer as they come
      long mean = (dictionary.values.size() + count - 1) / count;
      values.expectBytes(Math.min(mean * chunk.getValueCount(), 64L << 20));
    }
  }

  private int dataV1(DataPageHeader header, long offset, int compressed, int uncompressed, PageValues pages,
      int done, int entries, String at) {
    if (header == null) {
      throw new FloeIoException(at + ": data page without a data page header");
    }
    int count = pageCount(header.getNum_values(), done, entries, at);
    MemorySegment page = body(offset, compressed, uncompressed, true, at);
    pages.decodeV1(page, count, done, header.getEncoding(), dictionary, at);
    return count;
  }

  private int dataV2(DataPageHeaderV2 header, long offset, int compressed, int uncompressed, PageValues pages,
      int done, int entries, String at) {
    if (header == null) {
      throw new FloeIoException(at + ": data page V2 without its header");
    }
    int count = pageCount(header.getNum_values(), done, entries, at);
    int repBytes = header.getRepetition_levels_byte_length();
    int defBytes = header.getDefinition_levels_byte_length();
    long levelBytes = (long) repBytes + defBytes;
    if (repBytes < 0 || defBytes < 0 || levelBytes > compressed || levelBytes > uncompressed) {
      throw new FloeIoException(at + ": level lengths " + repBytes + " + " + defBytes + " exceed the page of "
          + compressed + " bytes");
    }
    MemorySegment levels = file.asSlice(offset, levelBytes);
    boolean isCompressed = !header.isSetIs_compressed() || header.isIs_compressed();
    MemorySegment valueBytes = body(offset + levelBytes, (int) (compressed - levelBytes), (int) (uncompressed - levelBytes),
        isCompressed, at);
    pages.decodeV2(levels, repBytes, defBytes, valueBytes, count, done, header.getEncoding(), dictionary, at);
    return count;
  }

  private static int pageCount(int count, int done, int entries, String at) {
    if (count < 0 || count > entries - done) {
      throw new FloeIoException(at + ": page claims " + count + " values, but only " + (entries - done)
          + " of the column chunk's " + entries + " remain");
    }
    return count;
  }

  @Override
  public void close() {
    if (scratch != null) {
      scratch.release();
      scratch = null;
    }
    if (dictionary != null) {
      dictionary.close();
      dictionary = null;
    }
  }
}
