package dev.floe.io.parquet.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.testkit.LeakChecked;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY decoding equals parquet-mr's encoded input. */
@LeakChecked
@LeakCheckedProperty
class ByteArrayDecodeTest {
  @Provide
  Arbitrary<List<byte[]>> strings() {
    Arbitrary<String> ascii = Arbitraries.strings().withChars("abc").ofMaxLength(12);
    Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(20);
    Arbitrary<String> mixed = Arbitraries.strings().withChars("aé€😀\u0000").ofMaxLength(6);
    Arbitrary<List<String>> lists = Arbitraries.oneOf(ascii, unicode, mixed, Arbitraries.just(""))
        .list().ofMaxSize(600);
    // Sorted lists share long prefixes, the case DELTA_BYTE_ARRAY is made for.
    Arbitrary<List<String>> sorted = lists.map(list -> list.stream().sorted().toList());
    return Arbitraries.oneOf(lists, sorted, sorted).map(list -> list.stream()
        .map(s -> s.getBytes(StandardCharsets.UTF_8)).collect(Collectors.toList()));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void deltaLengthMatchesParquetMr(@ForAll("strings") List<byte[]> values) {
    byte[] encoded = Encoders.deltaLength(values);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = Encoders.offHeap(arena, encoded, 5);
      Encoders.Collect sink = new Encoders.Collect();
      long consumed = DeltaLengthByteArray.decode(src, 5, encoded.length, values.size(), sink, "t");
      assertThat(consumed).isEqualTo(encoded.length);
      assertThat(sink.values).containsExactlyElementsOf(values);
      // Fewer values than announced: the whole lengths section plus the bytes of those values.
      int half = values.size() / 2;
      long skipped = values.subList(half, values.size()).stream().mapToLong(v -> v.length).sum();
      Encoders.Collect first = new Encoders.Collect();
      assertThat(DeltaLengthByteArray.decode(src, 5, encoded.length, half, first, "t"))
          .isEqualTo(encoded.length - skipped);
      assertThat(first.values).containsExactlyElementsOf(values.subList(0, half));
    }
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void deltaStringsMatchParquetMr(@ForAll("strings") List<byte[]> values) {
    byte[] encoded = Encoders.deltaStrings(values);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = Encoders.offHeap(arena, encoded, 9);
      Encoders.Collect sink = new Encoders.Collect();
      long consumed = DeltaByteArray.decode(src, 9, encoded.length, values.size(), sink, "t");
      assertThat(consumed).isEqualTo(encoded.length);
      assertThat(sink.values).containsExactlyElementsOf(values);
      int half = values.size() / 2;
      Encoders.Collect first = new Encoders.Collect();
      assertThat(DeltaByteArray.decode(src, 9, encoded.length, half, first, "t"))
          .isLessThanOrEqualTo(encoded.length);
      assertThat(first.values).containsExactlyElementsOf(values.subList(0, half));
    }
  }

  @Test
  void decodesTheSpecExample() {
    List<byte[]> values = new ArrayList<>();
    for (String s : new String[] {"axis", "axle", "babble", "babyhood"}) {
      values.add(s.getBytes(StandardCharsets.US_ASCII));
    }
    byte[] encoded = Encoders.deltaStrings(values);
    try (Arena arena = Arena.ofConfined()) {
      Encoders.Collect sink = new Encoders.Collect();
      long consumed = DeltaByteArray.decode(Encoders.exact(arena, encoded), 0, encoded.length, 4,
          sink, "t");
      assertThat(consumed).isEqualTo(encoded.length);
      assertThat(sink.values).containsExactlyElementsOf(values);
      // The suffix bytes "axislebabbleyhood" end the encoding.
      String tail = new String(encoded, encoded.length - 17, 17, StandardCharsets.US_ASCII);
      assertThat(tail).isEqualTo("axislebabbleyhood");
    }
  }

  @Test
  void handsUnsharedValuesOverInPlaceAndStillBuildsTheirSuccessors() {
    List<byte[]> values = new ArrayList<>();
    for (String s : new String[] {"axis", "axle", "", "babble", "babyhood", "b", "", "", "zé", "zéro"}) {
      values.add(s.getBytes(StandardCharsets.UTF_8));
    }
    byte[] encoded = Encoders.deltaStrings(values);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = Encoders.exact(arena, encoded);
      List<Boolean> inPlace = new ArrayList<>();
      Encoders.Collect collect = new Encoders.Collect();
      DeltaByteArray.decode(src, 0, encoded.length, values.size(), (source, at, size) -> {
        inPlace.add(source.equals(src));
        collect.append(source, at, size);
      }, "t");
      assertThat(collect.values).containsExactlyElementsOf(values);
      assertThat(inPlace).containsExactly(true, false, true, true, false, false, true, true, true,
          false);
    }
  }

  @Test
  void decodesLongValuesWhoseSuffixesAreNotStaged() {
    // 3000 values of ~300 bytes: a 1024-value chunk holds far more than 64 KiB of suffixes.
    java.util.Random random = new java.util.Random(3);
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      byte[] value = new byte[250 + random.nextInt(100)];
      random.nextBytes(value);
      if (i > 0 && i % 3 != 0) { // share a prefix with the previous value
        byte[] before = values.get(i - 1);
        System.arraycopy(before, 0, value, 0, Math.min(before.length, random.nextInt(200)));
      }
      values.add(value);
    }
    byte[] encoded = Encoders.deltaStrings(values);
    try (Arena arena = Arena.ofConfined()) {
      Encoders.Collect sink = new Encoders.Collect();
      long consumed = DeltaByteArray.decode(Encoders.exact(arena, encoded), 0, encoded.length,
          values.size(), sink, "t");
      assertThat(consumed).isEqualTo(encoded.length);
      assertThat(sink.values).containsExactlyElementsOf(values);
    }
  }

  @Test
  void anEmptyRangeHoldsNoValues() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment empty = arena.allocate(1).asSlice(0, 0);
      Encoders.Collect sink = new Encoders.Collect();
      assertThat(DeltaLengthByteArray.decode(empty, 0, 0, 0, sink, "t")).isZero();
      assertThat(DeltaByteArray.decode(empty, 0, 0, 0, sink, "t")).isZero();
      assertThat(DeltaBinaryPacked.decodeInt64(empty, 0, 0, 0, empty, 0, "t")).isZero();
      assertThat(sink.values).isEmpty();
      assertThatThrownBy(() -> DeltaByteArray.decode(empty, 0, 0, 1, sink, "t"))
          .isInstanceOf(FloeIoException.class)
          .hasMessage("t: DELTA_BYTE_ARRAY prefix lengths block size at byte 0 is cut off by the"
              + " end of the data");
    }
  }

  @Test
  void rejectsNegativeAndOverlongLengths() {
    byte[] negative = concat(Encoders.deltaInts(128, 4, new int[] {2, -1}), "ab".getBytes());
    byte[] overlong = concat(Encoders.deltaInts(128, 4, new int[] {2, 3}), "abcd".getBytes());
    try (Arena arena = Arena.ofConfined()) {
      for (byte[] bad : List.of(negative, overlong)) {
        assertThatThrownBy(() -> DeltaLengthByteArray.decode(Encoders.exact(arena, bad), 0,
            bad.length, 2, new Encoders.Collect(), "t.parquet column 's'"))
            .isInstanceOf(FloeIoException.class)
            .hasMessageStartingWith("t.parquet column 's': DELTA_LENGTH_BYTE_ARRAY length ")
            .hasMessageContaining("of value 1 at byte");
      }
    }
  }

  @Test
  void rejectsAPrefixLongerThanThePreviousValue() {
    byte[] bad = concat(Encoders.deltaInts(128, 4, new int[] {0, 3}),
        concat(Encoders.deltaInts(128, 4, new int[] {2, 1}), "abc".getBytes()));
    try (Arena arena = Arena.ofConfined()) {
      assertThatThrownBy(() -> DeltaByteArray.decode(Encoders.exact(arena, bad), 0, bad.length, 2,
          new Encoders.Collect(), "t"))
          .isInstanceOf(FloeIoException.class)
          .hasMessageStartingWith("t: DELTA_BYTE_ARRAY prefix length 3 of value 1 (suffix at byte ")
          .hasMessageEndingWith("is negative or longer than the previous value (2 bytes)");
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
