package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast field paths (SWAR date, SWAR digits, ASCII blocks) agree with the straightforward
 * definitions they replace: {@code java.time} for dates, byte-by-byte loops for the rest.
 */
@LeakCheckedProperty
class FastFieldPathsTest {

  /** The definition the SWAR date path replaced: digits and '-' byte by byte, then java.time. */
  static long referenceDate(byte[] bytes) {
    if (bytes.length != 10 || bytes[4] != '-' || bytes[7] != '-') {
      return DateFields.INVALID;
    }
    for (int index : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (bytes[index] < '0' || bytes[index] > '9') {
        return DateFields.INVALID;
      }
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    int year = Integer.parseInt(text.substring(0, 4));
    int month = Integer.parseInt(text.substring(5, 7));
    int day = Integer.parseInt(text.substring(8, 10));
    try {
      return LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException invalid) {
      return DateFields.INVALID;
    }
  }

  private static long date(byte[] bytes) {
    return DateFields.date(MemorySegment.ofArray(bytes), 0, bytes.length);
  }

  @Example
  void everyDayFromYear0To9999MatchesJavaTime() {
    int checked = 0;
    for (long day = LocalDate.of(0, 1, 1).toEpochDay(); day <= LocalDate.of(9999, 12, 31).toEpochDay();
        day++) {
      LocalDate expected = LocalDate.ofEpochDay(day);
      String text = String.format("%04d-%02d-%02d", expected.getYear(), expected.getMonthValue(),
          expected.getDayOfMonth());
      long parsed = date(text.getBytes(StandardCharsets.US_ASCII));
      if (parsed != day) {
        assertThat(parsed).as(text).isEqualTo(day);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(3_652_425);
  }

  @Example
  void impossibleDatesAreInvalid() {
    for (String text : new String[] {"2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10",
        "2024-13-01", "2024-01-00", "2024-01-32", "2024/01/01", "2024-1-010", "20240-1-01",
        "2024-01-0a", "2024-01-:1", "2024-0/-01", "-024-01-01", "2024-01-01 "}) {
      assertThat(date(text.getBytes(StandardCharsets.US_ASCII))).as(text)
          .isEqualTo(DateFields.INVALID);
    }
    assertThat(date("2000-02-29".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
  }

  @Property(tries = 2000)
  void mutatedDatesMatchTheReference(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int edits) {
    Random random = new Random(seed);
    LocalDate start = LocalDate.ofEpochDay(random.nextInt(3_000_000) - 700_000);
    byte[] bytes = String.format("%04d-%02d-%02d", start.getYear() % 10_000, start.getMonthValue(),
        start.getDayOfMonth()).getBytes(StandardCharsets.US_ASCII);
    for (int edit = 0; edit < edits; edit++) {
      bytes[random.nextInt(10)] = (byte) (random.nextBoolean() ? '0' + random.nextInt(10)
          : random.nextInt(256));
    }
    assertThat(date(bytes)).isEqualTo(referenceDate(bytes));
  }

  private static final String NUMBER_ALPHABET = "0123456789000.-+e5";

  /** The field after 8 bytes of other text (the SWAR paths may run) and alone (they may not). */
  private static MemorySegment[] placements(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    byte[] prefixed = new byte[bytes.length + 9];
    java.util.Arrays.fill(prefixed, 0, 9, (byte) '7');
    prefixed[8] = ',';
    System.arraycopy(bytes, 0, prefixed, 9, bytes.length);
    return new MemorySegment[] {MemorySegment.ofArray(prefixed), MemorySegment.ofArray(bytes)};
  }

  @Property(tries = 3000)
  void swarNumbersMatchTheByteLoop(@ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int length) {
    Random random = new Random(seed);
    StringBuilder builder = new StringBuilder();
    for (int index = 0; index < length; index++) {
      builder.append(NUMBER_ALPHABET.charAt(random.nextInt(NUMBER_ALPHABET.length())));
    }
    String text = builder.toString();
    MemorySegment[] both = placements(text);
    FieldParser fast = new FieldParser(false);
    boolean longOk = fast.parseLong(both[0], 9, both[0].byteSize());
    if (text.matches("-?\\d{1,18}")) {
      assertThat(longOk).as(text).isTrue();
      assertThat(fast.longValue).as(text).isEqualTo(Long.parseLong(text));
    } else {
      assertThat(longOk).as(text).isFalse();
    }
    boolean doubleOk = fast.parseDouble(both[0], 9, both[0].byteSize());
    if (text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
      assertThat(doubleOk).as(text).isTrue();
      assertThat(Double.doubleToRawLongBits(fast.doubleValue)).as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    } else if (length < 8) {
      FieldParser general = new FieldParser(false);
      boolean expected = general.parseDouble(both[1], 0, both[1].byteSize());
      assertThat(doubleOk).as(text).isEqualTo(expected);
      if (expected) {
        assertThat(Double.doubleToRawLongBits(fast.doubleValue)).as(text)
            .isEqualTo(Double.doubleToRawLongBits(general.doubleValue));
      }
    }
  }

  @Example
  void decimalCommaTakesTheSwarPathToo() {
    FieldParser parser = new FieldParser(true);
    MemorySegment data = placements("24710,35")[0];
    assertThat(parser.parseDouble(data, 9, data.byteSize())).isTrue();
    assertThat(parser.doubleValue).isEqualTo(24710.35);
    MemorySegment dot = placements("24710.35")[0];
    assertThat(parser.parseDouble(dot, 9, dot.byteSize())).isFalse();
  }

  @Example
  void asciiBlocksAnswerPerFieldAndFallBackAroundHighBytes() {
    byte[] bytes = new byte[200_000];
    java.util.Arrays.fill(bytes, (byte) 'a');
    bytes[150_000] = (byte) 0xC3;
    MemorySegment data = MemorySegment.ofArray(bytes);
    AsciiBlocks blocks = new AsciiBlocks(data, bytes.length);
    assertThat(blocks.ascii(0, 10)).isTrue();
    assertThat(blocks.ascii(70_000, 70_010)).isTrue();
    assertThat(blocks.ascii(149_990, 150_001)).isFalse();
    assertThat(blocks.ascii(150_002, 150_010)).isFalse();
    assertThat(blocks.ascii(199_990, 200_000)).isFalse();
  }
}
