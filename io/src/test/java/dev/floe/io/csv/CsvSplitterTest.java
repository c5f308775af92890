package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@LeakChecked
class CsvSplitterTest {
  private static MemorySegment bytes(String text) {
    return MemorySegment.ofArray(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> records(String text, CsvReadOptions options) {
    MemorySegment data = bytes(text);
    List<String> all = new ArrayList<>();
    CsvTokenizer tokens = new CsvTokenizer(data, 0, data.byteSize(), 1, options, "t.csv");
    while (tokens.next()) {
      List<String> fields = new ArrayList<>();
      for (int field = 0; field < tokens.fieldCount(); field++) {
        fields.add((tokens.quoted(field) ? "q:" : "") + tokens.text(field));
      }
      all.add(tokens.recordLine() + "=" + String.join("|", fields));
    }
    return all;
  }

  @Test
  void tokenizesQuotesCrlfAndComments() {
    String text = "a,b\r\n\"x,\"\"y\"\"\",2\r\n#skip, \"me\n\"multi\nline\",3\n";
    assertThat(records(text, CsvReadOptions.DEFAULT.withCommentPrefix("#")))
        .containsExactly("1=a|b", "2=q:x,\"y\"|2", "4=q:multi\nline|3");
  }

  @Test
  void raggedLinesKeepTheirFieldCounts() {
    assertThat(records("a,b,c\n1\n1,2,3,4\n\n", CsvReadOptions.DEFAULT))
        .containsExactly("1=a|b|c", "2=1", "3=1|2|3|4", "4=");
  }

  @Test
  void lastLineWithoutNewlineAndTrailingSeparator() {
    assertThat(records("a,\n1,2", CsvReadOptions.DEFAULT)).containsExactly("1=a|", "2=1|2");
  }

  @Test
  void quoteInsideAnUnquotedFieldIsLiteral() {
    assertThat(records("a\"b,c\n", CsvReadOptions.DEFAULT)).containsExactly("1=a\"b|c");
  }

  @Test
  void chunksStartAtRecordBoundariesOnlyOutsideQuotes() {
    StringBuilder text = new StringBuilder();
    for (int row = 0; row < 200; row++) {
      text.append(row).append(",\"quoted\nacross ").append(row).append(" \"\"lines\"\"\"\r\n");
      if (row % 7 == 0) {
        text.append("#c \"odd quote\n");
      }
    }
    for (CsvReadOptions options : List.of(CsvReadOptions.DEFAULT.withCommentPrefix("#"),
        CsvReadOptions.DEFAULT, CsvReadOptions.DEFAULT.withQuoteChar(null))) {
      splitsAgree(text.toString(), options);
    }
  }

  @Test
  void blockSplitterMatchesTheBytewiseSplitter() {
    java.util.Random random = new java.util.Random(20261124L);
    byte[] alphabet = {'"', '"', ',', '\n', '\n', 'a', 'b', ' ', '\r'};
    for (int iteration = 0; iteration < 400; iteration++) {
      byte[] bytes = new byte[random.nextInt(600)];
      for (int index = 0; index < bytes.length; index++) {
        bytes[index] = alphabet[random.nextInt(random.nextBoolean() ? 3 : alphabet.length)];
      }
      MemorySegment data = MemorySegment.ofArray(bytes);
      CsvReadOptions options = random.nextInt(5) == 0 ? CsvReadOptions.DEFAULT.withQuoteChar(null)
          : CsvReadOptions.DEFAULT;
      long start = bytes.length == 0 ? 0 : random.nextInt(Math.min(bytes.length, 70));
      long target = 1 + random.nextInt(150);
      CsvSplitter.Chunks blocks = BlockSplitter.split(data, start, bytes.length, 3, target, options);
      CsvSplitter.Chunks reference =
          CsvSplitter.splitBytewise(data, start, bytes.length, 3, target, options);
      assertThat(blocks.starts()).as("iteration %d", iteration).isEqualTo(reference.starts());
      assertThat(blocks.lines()).as("iteration %d", iteration).isEqualTo(reference.lines());
    }
  }

  private static void splitsAgree(String text, CsvReadOptions options) {
    MemorySegment data = bytes(text);
    List<String> whole = records(text, options);
    for (long target : new long[] {1, 7, 13, 64, 1000}) {
      CsvSplitter.Chunks chunks = CsvSplitter.split(data, 0, data.byteSize(), 1, target, options);
      List<String> joined = new ArrayList<>();
      for (int chunk = 0; chunk < chunks.count(); chunk++) {
        long start = chunks.starts()[chunk];
        if (start > 0) {
          assertThat(data.get(java.lang.foreign.ValueLayout.JAVA_BYTE, start - 1)).isEqualTo((byte) '\n');
        }
        CsvTokenizer tokens = new CsvTokenizer(data, start, chunks.starts()[chunk + 1],
            chunks.lines()[chunk], options, "t.csv");
        while (tokens.next()) {
          List<String> fields = new ArrayList<>();
          for (int field = 0; field < tokens.fieldCount(); field++) {
            fields.add((tokens.quoted(field) ? "q:" : "") + tokens.text(field));
          }
          joined.add(tokens.recordLine() + "=" + String.join("|", fields));
        }
      }
      assertThat(joined).as("target %d", target).isEqualTo(whole);
      assertThat(whole).hasSizeGreaterThanOrEqualTo(200);
    }
  }
}
