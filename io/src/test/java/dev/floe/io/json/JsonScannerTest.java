package dev.floe.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@LeakChecked
class JsonScannerTest {

  private static JsonScanner scanner(String json) {
    return scanner(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonScanner scanner(byte[] bytes) {
    return new JsonScanner(MemorySegment.ofArray(bytes), "test.json");
  }

  private static String decoded(String json) {
    JsonScanner scanner = scanner(json);
    scanner.peek();
    scanner.string();
    if (!scanner.escaped) {
      return scanner.tokenText();
    }
    Scratch scratch = new Scratch();
    int length = scanner.decodeString(scratch);
    return new String(scratch.array(), 0, length, StandardCharsets.UTF_8);
  }

  @Test
  void decodesEveryEscape() {
    assertThat(decoded("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"")).isEqualTo("a\"b\\c/d\be\ff\ng\rh\ti");
    assertThat(decoded("\"\\u00e9\\u20AC\"")).isEqualTo("é€");
    assertThat(decoded("\"plain\"")).isEqualTo("plain");
  }

  @Test
  void decodesSurrogatePairs() {
    assertThat(decoded("\"\\ud83d\\ude00!\"")).isEqualTo("😀!");
    assertThat(decoded("\"😀\"")).isEqualTo("😀");
  }

  @Test
  void rejectsLoneSurrogatesAndBadEscapes() {
    assertThatThrownBy(() -> decoded("\"\\ud83d\""))
        .isInstanceOf(FloeIoException.class)
        .hasMessage("malformed JSON in test.json at line 1, column 2 (byte offset 1): unpaired"
            + " surrogate in \\u escape, found '\\ud83d\"'");
    assertThatThrownBy(() -> decoded("\"\\ude00\"")).hasMessageContaining("unpaired low surrogate");
    assertThatThrownBy(() -> decoded("\"\\x\"")).hasMessageContaining("invalid escape '\\x'");
    assertThatThrownBy(() -> decoded("\"\\u12g4\"")).hasMessageContaining("invalid \\u escape");
    assertThatThrownBy(() -> decoded("\"abc")).hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> decoded("\"a\nb\"")).hasMessageContaining("unescaped control character U+000A");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] bytes = {'"', 'a', (byte) 0xC3, '"'};
    assertThatThrownBy(() -> scanner(bytes).string())
        .isInstanceOf(FloeIoException.class)
        .hasMessage("malformed JSON in test.json at line 1, column 3 (byte offset 2): invalid UTF-8"
            + " sequence, found '\\xc3\"'");
    byte[] overlong = {'"', (byte) 0xC0, (byte) 0x80, '"'};
    assertThatThrownBy(() -> scanner(overlong).string()).hasMessageContaining("invalid UTF-8 byte 0xc0");
    byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
    assertThatThrownBy(() -> scanner(surrogate).string()).hasMessageContaining("invalid UTF-8");
  }

  @Test
  void scansNumbers() {
    for (String number : new String[] {"0", "-0", "12", "-3.5", "1e10", "1E+2", "2.5e-3"}) {
      JsonScanner scanner = scanner(number + " ");
      scanner.number();
      assertThat(scanner.tokenText()).isEqualTo(number);
      assertThat(scanner.integral).isEqualTo(number.matches("-?\\d+"));
    }
    for (String bad : new String[] {"01", "-", "1.", ".5", "1e", "+1", "1.e5"}) {
      JsonScanner scanner = scanner(bad);
      assertThatThrownBy(() -> {
        scanner.skipValue(0);
        if (scanner.peek() >= 0) {
          throw scanner.error("trailing");
        }
      }).as(bad).isInstanceOf(FloeIoException.class);
    }
  }

  @Test
  void parsesBigIntegersAndExtremes() {
    JsonScanner max = scanner("9223372036854775807");
    max.number();
    assertThat(NumberParsing.fitsLong(max)).isTrue();
    assertThat(NumberParsing.toLong(max)).isEqualTo(Long.MAX_VALUE);
    JsonScanner min = scanner("-9223372036854775808");
    min.number();
    assertThat(NumberParsing.fitsLong(min)).isTrue();
    assertThat(NumberParsing.toLong(min)).isEqualTo(Long.MIN_VALUE);
    JsonScanner over = scanner("9223372036854775808");
    over.number();
    assertThat(NumberParsing.fitsLong(over)).isFalse();
    JsonScanner huge = scanner("123456789012345678901234567890");
    huge.number();
    assertThat(NumberParsing.fitsLong(huge)).isFalse();
    assertThat(NumberParsing.toDouble(huge)).isEqualTo(1.2345678901234568e29);
    JsonScanner exponent = scanner("1.5e300");
    exponent.number();
    assertThat(NumberParsing.toDouble(exponent)).isEqualTo(1.5e300);
  }

  @Test
  void limitsNesting() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> scanner(deep).skipValue(0))
        .isInstanceOf(FloeIoException.class)
        .hasMessageContaining("nesting deeper than 256 levels")
        .hasMessageContaining("byte offset 256");
    String ok = "[".repeat(200) + "]".repeat(200);
    JsonScanner scanner = scanner(ok);
    scanner.skipValue(0);
    assertThat(scanner.peek()).isEqualTo(-1);
  }

  @Test
  void skipsWhitespaceAndByteOrderMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\t', '\r', '\n', '{', '}'};
    JsonScanner scanner = scanner(bom);
    assertThat(scanner.peek()).isEqualTo('{');
    scanner.skipValue(0);
    assertThat(scanner.peek()).isEqualTo(-1);
  }

  @Test
  void reportsLineAndColumn() {
    JsonScanner scanner = scanner("{\"a\":1}\n{\"a\":tru}");
    scanner.skipValue(0);
    assertThatThrownBy(() -> scanner.skipValue(0))
        .hasMessage("malformed JSON in test.json at line 2, column 6 (byte offset 13): invalid"
            + " literal, expected 'true', found 'tru}'");
  }
}
