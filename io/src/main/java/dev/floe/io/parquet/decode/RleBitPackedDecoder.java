package dev.floe.io.parquet.decode;

import dev.floe.errors.FloeIoException;
import dev.floe.kernels.BitUnpack;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The RLE / bit-packed hybrid of the Parquet format (definition and repetition levels, booleans,
 * dictionary indices): runs of one value and groups of 8 bit-packed values, each introduced by a
 * ULEB128 header whose low bit tells which. Algorithm from the Parquet specification
 * (parquet-format Encodings.md, "Run Length Encoding / Bit-Packing Hybrid").
 *
 * <p>Runs of whole bit-packed groups are copied to the heap and unpacked by the {@link BitUnpack}
 * kernel (SIMD, with a scalar twin); a group read on its own uses unaligned 64-bit loads (every
 * value of up to 32 bits sits inside one 8-byte window starting at its first byte), and near the
 * end of the input, where such a window would leave the data, a bytewise path takes over. Every read is
 * bounded by {@code end}: truncated or lying input raises {@link FloeIoException}.
 */
public final class RleBitPackedDecoder {
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private final MemorySegment data;
  private final long end;
  private final int bitWidth;
  private final long mask;
  private final int byteWidth;
  private final String where;
  private long position;
  /** Values left in the current run (RLE) or group set (bit-packed). */
  private int remaining;
  private boolean packed;
  private int runValue;
  /** The 8 values of the current bit-packed group and the next one to hand out. */
  private final int[] group = new int[8];
  private int groupIndex = 8;

  /** Decodes {@code data[offset, end)} holding values of {@code bitWidth} bits (0..32). */
  public RleBitPackedDecoder(MemorySegment data, long offset, long end, int bitWidth, String where) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new FloeIoException(where + ": bit width " + bitWidth + " is outside 0..32");
    }
    if (offset < 0 || end > data.byteSize() || offset > end) {
      throw new FloeIoException(where + ": RLE data range [" + offset + ", " + end + ") lies outside the page of "
          + data.byteSize() + " bytes");
    }
    this.data = data;
    this.position = offset;
    this.end = end;
    this.bitWidth = bitWidth;
    this.mask = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
    this.byteWidth = (bitWidth + 7) / 8;
    this.where = where;
  }

  /** The byte just after the last run header or group read so far. */
  public long position() {
    return position;
  }

  /** Fills {@code out[from, from + count)} with the next {@code count} values. */
  public void decode(int[] out, int from, int count) {
    int index = from;
    int limit = from + count;
    while (index < limit) {
      if (remaining == 0) {
        nextRun(index - from, count);
      }
      if (!packed) {
        int n = Math.min(remaining, limit - index);
        java.util.Arrays.fill(out, index, index + n, runValue);
        index += n;
        remaining -= n;
      } else {
        int whole = Math.min(remaining, limit - index) >>> 3;
        if (groupIndex == 8 && whole > 0 && position + (long) whole * bitWidth <= end) {
          unpackGroups(out, index, whole);
          index += whole * 8;
          remaining -= whole * 8;
          continue;
        }
        if (groupIndex == 8) {
          unpackGroup();
        }
        int n = Math.min(Math.min(8 - groupIndex, remaining), limit - index);
        System.arraycopy(group, groupIndex, out, index, n);
        groupIndex += n;
        index += n;
        remaining -= n;
      }
    }
  }

  /**
   * Decodes {@code count} repetition or definition levels into {@code out[from..]}, checking each is
   * at most {@code max}, and returns how many equal {@code max} (for definition levels: how many
   * entries hold a value). An RLE run is checked and counted once, not per value.
   *
   * @throws FloeIoException naming the level and its position when one exceeds {@code max}
   */
  public int decodeLevels(int[] out, int from, int count, int max, String kind) {
    int index = from;
    int limit = from + count;
    int atMax = 0;
    while (index < limit) {
      if (remaining == 0) {
        nextRun(index - from, count);
      }
      int start = index;
      if (!packed) {
        int n = Math.min(remaining, limit - index);
        if (runValue > max || runValue < 0) {
          throw new FloeIoException(where + ": " + kind + " level " + Integer.toUnsignedString(runValue)
              + " of value " + (index - from) + " exceeds the column's maximum " + max);
        }
        java.util.Arrays.fill(out, index, index + n, runValue);
        index += n;
        remaining -= n;
        atMax += runValue == max ? n : 0;
        continue;
      }
      int whole = Math.min(remaining, limit - index) >>> 3;
      if (groupIndex == 8 && whole > 0 && position + (long) whole * bitWidth <= end) {
        unpackGroups(out, index, whole);
        index += whole * 8;
        remaining -= whole * 8;
      } else {
        if (groupIndex == 8) {
          unpackGroup();
        }
        int n = Math.min(Math.min(8 - groupIndex, remaining), limit - index);
        System.arraycopy(group, groupIndex, out, index, n);
        groupIndex += n;
        index += n;
        remaining -= n;
      }
      for (int k = start; k < index; k++) {
        int level = out[k];
        if (level > max || level < 0) {
          throw new FloeIoException(where + ": " + kind + " level " + Integer.toUnsignedString(level)
              + " of value " + (k - from) + " exceeds the column's maximum " + max);
        }
        atMax += level == max ? 1 : 0;
      }
    }
    return atMax;
  }

  /** The next value (slow path for single reads). */
  public int next() {
    int[] one = new int[1];
    decode(one, 0, 1);
    return one[0];
  }

  private void nextRun(int decoded, int wanted) {
    if (position >= end) {
      throw new FloeIoException(where + ": RLE/bit-packed data ends at byte " + position + " after " + decoded
          + " of " + wanted + " values");
    }
    long header = readUleb();
    if ((header & 1) == 1) {
      long groups = header >>> 1;
      if (groups > (1 << 26)) {
        throw new FloeIoException(where + ": bit-packed run of " + groups + " groups at byte " + position
            + " is invalid");
      }
      packed = true;
      remaining = (int) (groups * 8);
      groupIndex = 8;
    } else {
      long run = header >>> 1;
      if (run == 0 || run > Integer.MAX_VALUE) {
        throw new FloeIoException(where + ": RLE run of " + run + " values at byte " + position + " is invalid");
      }
      if (byteWidth > end - position) {
        throw new FloeIoException(where + ": RLE run value at byte " + position + " needs " + byteWidth
            + " bytes, only " + (end - position) + " remain");
      }
      int value = 0;
      for (int b = 0; b < byteWidth; b++) {
        value |= (data.get(ValueLayout.JAVA_BYTE, position + b) & 0xFF) << (8 * b);
      }
      position += byteWidth;
      if ((value & 0xFFFF_FFFFL) > mask) {
        throw new FloeIoException(where + ": RLE run value " + Integer.toUnsignedString(value) + " does not fit "
            + bitWidth + " bits");
      }
      packed = false;
      remaining = (int) run;
      runValue = value;
    }
  }

  private void unpackGroup() {
    long base = position;
    int w = bitWidth;
    if (base + w + 8 <= end) {
      for (int j = 0; j < 8; j++) {
        int bit = j * w;
        group[j] = (int) ((data.get(LONG, base + (bit >>> 3)) >>> (bit & 7)) & mask);
      }
      position = base + w;
    } else if (base + w <= end) {
      unpackSlow(base, w);
      position = base + w;
    } else {
      throw new FloeIoException(where + ": bit-packed group at byte " + base + " needs " + w + " bytes, only "
          + (end - base) + " remain");
    }
    groupIndex = 0;
  }

  /** Slack after the packed bytes: room for the last 64-byte vector window of {@link BitUnpack}. */
  private static final int SLACK = 64;
  private byte[] packedBytes = new byte[0];

  /**
   * Unpacks {@code groups} whole groups of 8 straight into {@code out}: the packed bytes are copied
   * to the heap once (with zeroed slack) and unpacked by the {@link BitUnpack} kernel, a vector of
   * values per shuffle, shift and mask.
   */
  private void unpackGroups(int[] out, int at, int groups) {
    int w = bitWidth;
    int bytes = groups * w;
    if (packedBytes.length < bytes + SLACK) {
      packedBytes = new byte[Math.max(bytes + SLACK, packedBytes.length * 2)];
    }
    MemorySegment.copy(data, ValueLayout.JAVA_BYTE, position, packedBytes, 0, bytes);
    java.util.Arrays.fill(packedBytes, bytes, bytes + SLACK, (byte) 0);
    BitUnpack.unpack(packedBytes, 0, groups, w, out, at);
    position += bytes;
  }

  private void unpackSlow(long base, int w) {
    for (int j = 0; j < 8; j++) {
      long value = 0;
      int bit = j * w;
      for (int k = 0; k < w; k++) {
        int at = bit + k;
        int b = data.get(ValueLayout.JAVA_BYTE, base + (at >>> 3)) >>> (at & 7) & 1;
        value |= (long) b << k;
      }
      group[j] = (int) value;
    }
  }

  private long readUleb() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw new FloeIoException(where + ": truncated run header at byte " + position);
      }
      int b = data.get(ValueLayout.JAVA_BYTE, position++);
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new FloeIoException(where + ": run header at byte " + position + " is longer than 10 bytes");
  }
}
