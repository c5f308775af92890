package dev.floe.io.parquet.read;

import dev.floe.errors.FloeIoException;
import dev.floe.io.parquet.decode.ByteStreamSplit;
import dev.floe.io.parquet.decode.DeltaBinaryPacked;
import dev.floe.io.parquet.decode.DeltaByteArray;
import dev.floe.io.parquet.decode.DeltaLengthByteArray;
import dev.floe.io.parquet.decode.RleBitPackedDecoder;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes the levels and values of data pages into a chunk's level arrays and
 * {@link PhysicalValues}: levels with the RLE/bit-packed hybrid (V1: each preceded by its 4-byte
 * length; V2: lengths in the header), values PLAIN, dictionary indices (PLAIN_DICTIONARY,
 * RLE_DICTIONARY), RLE booleans, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY
 * and BYTE_STREAM_SPLIT.
 */
final class PageValues {
  private static final int BATCH = 4096;

  private final ReadNode.Leaf leaf;
  private final PhysicalValues out;
  /**
   * Definition levels by entry. Flat columns (no repetition) get the array only once a page has
   * an entry below the maximum: until then every entry is defined and nothing needs storing (most
   * nullable columns hold no null, and the array cost as much zeroing as its values).
   */
  private int[] defs;
  private final boolean lazyDefs;
  private final int entries;
  private final int[] reps;
  private final int[] indices = new int[BATCH];

  PageValues(ReadNode.Leaf leaf, PhysicalValues out, int entries, BufferAllocator allocator) {
    this.leaf = leaf;
    this.out = out;
    this.entries = entries;
    this.lazyDefs = leaf.maxDef() > 0 && leaf.maxRep() == 0;
    this.defs = leaf.maxDef() > 0 && !lazyDefs ? new int[entries] : null;
    this.reps = leaf.maxRep() > 0 ? new int[entries] : null;
  }

  /** The definition levels, or null when the column has none or every entry is defined. */
  int[] defs() {
    return defs;
  }

  /** The repetition levels, or null when the column has none. */
  int[] reps() {
    return reps;
  }

  /** Decodes one page's definition levels; returns how many are at the maximum. */
  private int definitions(MemorySegment page, long from, long to, int done, int count, String at) {
    if (!lazyDefs) {
      return levels(page, from, to, defs, done, count, leaf.maxDef(), "definition", at);
    }
    int max = leaf.maxDef();
    if (defs != null) {
      return levels(page, from, to, defs, done, count, max, "definition", at);
    }
    int[] pageLevels = HeapScratch.get().levels(count);
    int defined = levels(page, from, to, pageLevels, 0, count, max, "definition", at);
    if (defined != count) {
      defs = new int[entries];
      java.util.Arrays.fill(defs, 0, done, max);
      System.arraycopy(pageLevels, 0, defs, done, count);
    }
    return defined;
  }

  void decodeV1(MemorySegment page, int count, int done, Encoding encoding, PhysicalValues dictionary, String at) {
    long position = 0;
    long end = page.byteSize();
    if (reps != null) {
      position = prefixedLevels(page, position, end, reps, done, count, leaf.maxRep(), "repetition", at);
    }
    int defined = count;
    if (leaf.maxDef() > 0) {
      position = prefixedDefinitions(page, position, end, done, count, at);
      defined = lastDefined;
    }
    definedTotal += defined;
    values(page, position, end, defined, encoding, dictionary, at);
  }

  void decodeV2(MemorySegment levels, int repBytes, int defBytes, MemorySegment page, int count, int done,
      Encoding encoding, PhysicalValues dictionary, String at) {
    if (reps != null) {
      levels(levels, 0, repBytes, reps, done, count, leaf.maxRep(), "repetition", at);
    }
    int defined = count;
    if (leaf.maxDef() > 0) {
      defined = definitions(levels, repBytes, (long) repBytes + defBytes, done, count, at);
    }
    definedTotal += defined;
    values(page, 0, page.byteSize(), defined, encoding, dictionary, at);
  }

  private long prefixedLevels(MemorySegment page, long position, long end, int[] target, int done, int count,
      int max, String kind, String at) {
    if (end - position < 4) {
      throw new FloeIoException(at + ": " + kind + " levels: no length prefix at byte " + position);
    }
    int length = page.get(ValueLayout.JAVA_INT_UNALIGNED, position);
    if (length < 0 || length > end - position - 4) {
      throw new FloeIoException(at + ": " + kind + " levels claim " + Integer.toUnsignedString(length)
          + " bytes at byte " + position + ", only " + (end - position - 4) + " remain");
    }
    lastDefined = levels(page, position + 4, position + 4 + length, target, done, count, max, kind, at);
    return position + 4 + length;
  }

  private long prefixedDefinitions(MemorySegment page, long position, long end, int done, int count, String at) {
    if (end - position < 4) {
      throw new FloeIoException(at + ": definition levels: no length prefix at byte " + position);
    }
    int length = page.get(ValueLayout.JAVA_INT_UNALIGNED, position);
    if (length < 0 || length > end - position - 4) {
      throw new FloeIoException(at + ": definition levels claim " + Integer.toUnsignedString(length)
          + " bytes at byte " + position + ", only " + (end - position - 4) + " remain");
    }
    lastDefined = definitions(page, position + 4, position + 4 + length, done, count, at);
    return position + 4 + length;
  }

  /** Entries of all pages so far that hold a value (definition level at its maximum). */
  private long definedTotal;

  /** Entries of the pages decoded so far that hold a value. */
  long definedTotal() {
    return definedTotal;
  }

  /** How many levels the last {@link #prefixedLevels} call found at their maximum. */
  private int lastDefined;

  /** Decodes and checks levels; returns how many are at {@code max} (for definition levels: values present). */
  private static int levels(MemorySegment page, long from, long to, int[] target, int done, int count, int max,
      String kind, String at) {
    int width = 32 - Integer.numberOfLeadingZeros(max);
    return new RleBitPackedDecoder(page, from, to, width, at + ", " + kind + " levels")
        .decodeLevels(target, done, count, max, kind);
  }

  private void values(MemorySegment page, long position, long end, int count, Encoding encoding,
      PhysicalValues dictionary, String at) {
    if (count == 0) {
      return;
    }
    String where = at + ", " + encoding + " values";
    PrimitiveTypeName physical = leaf.primitive().getPrimitiveTypeName();
    switch (encoding) {
      case PLAIN -> PlainValues.decode(page, position, end, count, out, where);
      case PLAIN_DICTIONARY, RLE_DICTIONARY -> dictionaryIndices(page, position, end, count, dictionary, where);
      case RLE -> {
        if (physical != PrimitiveTypeName.BOOLEAN) {
          throw new FloeIoException(where + ": RLE values are only defined for booleans, not " + physical);
        }
        if (end - position < 4) {
          throw new FloeIoException(where + ": no length prefix at byte " + position);
        }
        int length = page.get(ValueLayout.JAVA_INT_UNALIGNED, position);
        if (length < 0 || length > end - position - 4) {
          throw new FloeIoException(where + ": RLE booleans claim " + Integer.toUnsignedString(length) + " bytes");
        }
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(page, position + 4, position + 4 + length, 1, where);
        for (int done = 0; done < count; done += BATCH) {
          int n = Math.min(BATCH, count - done);
          decoder.decode(indices, 0, n);
          out.appendBooleans(indices, n);
        }
      }
      case DELTA_BINARY_PACKED -> {
        long at32 = out.reserveFixed(count);
        if (physical == PrimitiveTypeName.INT32) {
          DeltaBinaryPacked.decodeInt32(page, position, end - position, count, out.values.segment(), at32, where);
        } else if (physical == PrimitiveTypeName.INT64) {
          DeltaBinaryPacked.decodeInt64(page, position, end - position, count, out.values.segment(), at32, where);
        } else {
          throw new FloeIoException(where + ": DELTA_BINARY_PACKED is not defined for " + physical);
        }
      }
      case DELTA_LENGTH_BYTE_ARRAY -> {
        requireBinary(physical, where);
        DeltaLengthByteArray.decode(page, position, end - position, count,
            (source, offset, length) -> out.appendBinary(source, offset, length, where), where);
      }
      case DELTA_BYTE_ARRAY -> {
        if (out.width == PhysicalValues.VARIABLE) {
          DeltaByteArray.decode(page, position, end - position, count,
              (source, offset, length) -> out.appendBinary(source, offset, length, where), where);
        } else if (physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
          DeltaByteArray.decode(page, position, end - position, count, (source, offset, length) -> {
            if (length != out.width) {
              throw new FloeIoException(where + ": value of " + length + " bytes in a fixed_len_byte_array("
                  + out.width + ") column");
            }
            out.appendFixed(source, offset, 1);
          }, where);
        } else {
          throw new FloeIoException(where + ": DELTA_BYTE_ARRAY is not defined for " + physical);
        }
      }
      case BYTE_STREAM_SPLIT -> {
        if (out.width <= 0 || physical == PrimitiveTypeName.INT96) {
          throw new FloeIoException(where + ": BYTE_STREAM_SPLIT is not defined for " + physical);
        }
        long first = out.reserveFixed(count);
        ByteStreamSplit.decode(page, position, end - position, count, out.width, out.values.segment(), first, where);
      }
      case null, default -> throw new FloeIoException(where + ": encoding " + encoding + " is not supported");
    }
  }

  private static void requireBinary(PrimitiveTypeName physical, String where) {
    if (physical != PrimitiveTypeName.BINARY) {
      throw new FloeIoException(where + ": DELTA_LENGTH_BYTE_ARRAY is not defined for " + physical);
    }
  }

  private void dictionaryIndices(MemorySegment page, long position, long end, int count, PhysicalValues dictionary,
      String where) {
    if (dictionary == null) {
      throw new FloeIoException(where + ": dictionary-encoded page, but the column chunk has no dictionary page");
    }
    if (position >= end) {
      throw new FloeIoException(where + ": no bit width byte at byte " + position);
    }
    int width = page.get(ValueLayout.JAVA_BYTE, position) & 0xFF;
    RleBitPackedDecoder decoder = new RleBitPackedDecoder(page, position + 1, end, width, where);
    for (int done = 0; done < count; done += BATCH) {
      int n = Math.min(BATCH, count - done);
      decoder.decode(indices, 0, n);
      out.gather(dictionary, indices, n, where);
    }
  }
}
