package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.FloeIoException;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The tokenizer's 64-byte mask blocks give the fields of a byte-by-byte reference tokenizer (the
 * loop it replaced): random CSV with quotes, doubled quotes, CR LF, empty fields and lines, at
 * every alignment against the blocks, with and without a quote character.
 */
@LeakCheckedProperty
class CsvTokenizerBlocksTest {
  private static final String ALPHABET = "ab,,\n\"\"\r1  ";

  /** start, end, quoted, escaped of every field, and the line after each record. */
  private static List<String> reference(byte[] bytes, int from, int quote) {
    List<String> out = new ArrayList<>();
    int p = from;
    int end = bytes.length;
    long line = 1;
    while (p < end) {
      while (true) {
        boolean quoted = false;
        boolean escaped = false;
        int start = p;
        int stop;
        if (quote >= 0 && p < end && bytes[p] == quote) {
          quoted = true;
          start = ++p;
          while (true) {
            if (p >= end) {
              out.add("unclosed");
              return out;
            }
            if (bytes[p] == quote) {
              if (p + 1 < end && bytes[p + 1] == quote) {
                escaped = true;
                p += 2;
                continue;
              }
              break;
            }
            if (bytes[p] == '\n') {
              line++;
            }
            p++;
          }
          stop = p++;
          while (p < end && bytes[p] != ',' && bytes[p] != '\n') {
            p++;
          }
        } else {
          while (p < end && bytes[p] != ',' && bytes[p] != '\n') {
            p++;
          }
          stop = p;
        }
        boolean atEnd = p >= end;
        byte b = atEnd ? 0 : bytes[p];
        if ((atEnd || b == '\n') && !quoted && stop > start && bytes[stop - 1] == '\r') {
          stop--;
        }
        out.add(start + ":" + stop + ":" + quoted + ":" + escaped);
        if (atEnd) {
          p = end;
          line++;
          break;
        }
        p++;
        if (b == '\n') {
          line++;
          break;
        }
      }
      out.add("line " + line);
    }
    return out;
  }

  private static List<String> actual(byte[] bytes, int from, Character quote) {
    List<String> out = new ArrayList<>();
    CsvReadOptions options = CsvReadOptions.DEFAULT.withQuoteChar(quote);
    CsvTokenizer tokens =
        new CsvTokenizer(MemorySegment.ofArray(bytes), from, bytes.length, 1, options, "t");
    try {
      while (tokens.next()) {
        for (int field = 0; field < tokens.fieldCount(); field++) {
          out.add(tokens.start(field) + ":" + tokens.end(field) + ":" + tokens.quoted(field) + ":"
              + tokens.escaped(field));
        }
        out.add("line " + tokens.line());
      }
    } catch (FloeIoException unclosed) {
      out.add("unclosed");
    }
    return out;
  }

  @Property(tries = 400)
  void fieldsMatchTheByteByByteReference(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 600) int length, @ForAll @IntRange(min = 0, max = 70) int from,
      @ForAll boolean quoting) {
    Random random = new Random(seed);
    byte[] bytes = new byte[length + from];
    for (int index = 0; index < bytes.length; index++) {
      bytes[index] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    List<String> expected = reference(bytes, from, quoting ? '"' : -1);
    List<String> actual = actual(bytes, from, quoting ? '"' : null);
    if (expected.contains("unclosed")) {
      assertThat(actual).contains("unclosed");
      assertThat(actual.subList(0, actual.indexOf("unclosed")))
          .isEqualTo(expected.subList(0, actual.indexOf("unclosed")));
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }
}
