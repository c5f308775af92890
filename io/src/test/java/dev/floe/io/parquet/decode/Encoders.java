package dev.floe.io.parquet.decode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.deltalengthbytearray.DeltaLengthByteArrayValuesWriter;
import org.apache.parquet.column.values.deltastrings.DeltaByteArrayWriter;
import org.apache.parquet.io.api.Binary;

/** Reference encodings from parquet-mr's own writers, and helpers to put bytes off-heap. */
final class Encoders {
  static final HeapByteBufferAllocator HEAP = new HeapByteBufferAllocator();
  static final int SLAB = 64;
  static final int PAGE = 1 << 20;

  private Encoders() {}

  static byte[] deltaInts(int blockSize, int miniblocks, int[] values) {
    var writer = new DeltaBinaryPackingValuesWriterForInteger(blockSize, miniblocks, SLAB, PAGE, HEAP);
    for (int value : values) {
      writer.writeInteger(value);
    }
    return bytes(writer);
  }

  static byte[] deltaLongs(int blockSize, int miniblocks, long[] values) {
    var writer = new DeltaBinaryPackingValuesWriterForLong(blockSize, miniblocks, SLAB, PAGE, HEAP);
    for (long value : values) {
      writer.writeLong(value);
    }
    return bytes(writer);
  }

  static byte[] deltaLength(List<byte[]> values) {
    var writer = new DeltaLengthByteArrayValuesWriter(SLAB, PAGE, HEAP);
    for (byte[] value : values) {
      writer.writeBytes(Binary.fromConstantByteArray(value));
    }
    return bytes(writer);
  }

  static byte[] deltaStrings(List<byte[]> values) {
    var writer = new DeltaByteArrayWriter(SLAB, PAGE, HEAP);
    for (byte[] value : values) {
      writer.writeBytes(Binary.fromConstantByteArray(value));
    }
    return bytes(writer);
  }

  static byte[] streamSplitDoubles(double[] values) {
    var writer = new ByteStreamSplitValuesWriter.DoubleByteStreamSplitValuesWriter(SLAB, PAGE, HEAP);
    for (double value : values) {
      writer.writeDouble(value);
    }
    return bytes(writer);
  }

  static byte[] streamSplitFixed(int width, List<byte[]> values) {
    var writer = new ByteStreamSplitValuesWriter.FixedLenByteArrayByteStreamSplitValuesWriter(
        width, SLAB, PAGE, HEAP);
    for (byte[] value : values) {
      writer.writeBytes(Binary.fromConstantByteArray(value));
    }
    return bytes(writer);
  }

  @SuppressWarnings("deprecation") // toByteArray, as the reference encodings are read whole
  static byte[] bytes(ValuesWriter writer) {
    try {
      return writer.getBytes().toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.close();
    }
  }

  /** {@code bytes} off-heap at offset {@code pad} of a segment with {@code pad} spare bytes around. */
  static MemorySegment offHeap(Arena arena, byte[] bytes, int pad) {
    MemorySegment segment = arena.allocate(bytes.length + 2L * pad + 1);
    segment.fill((byte) 0x5A);
    MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, pad, bytes.length);
    return segment;
  }

  /** {@code bytes} off-heap in a segment of exactly their size: any read outside them fails. */
  static MemorySegment exact(Arena arena, byte[] bytes) {
    MemorySegment segment = arena.allocate(Math.max(1, bytes.length)).asSlice(0, bytes.length);
    MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return segment;
  }

  /** A sink collecting copies of the values. */
  static final class Collect implements BinarySink {
    final List<byte[]> values = new ArrayList<>();

    @Override
    public void append(MemorySegment source, long offset, int length) {
      values.add(source.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE));
    }
  }
}
