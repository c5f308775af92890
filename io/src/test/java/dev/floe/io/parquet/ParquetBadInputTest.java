package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.BufferAllocator;
import dev.floe.testkit.LeakChecked;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Precise corruptions of footers and page headers: each read fails with a FloeIoException naming
 * the file, row group, column and page and the offending value, and frees everything it built.
 */
@LeakChecked
class ParquetBadInputTest {
  @TempDir Path directory;

  private Path file() throws IOException {
    Path path = directory.resolve("bad.parquet");
    TestParquetWriter.write(path, 40, 20, 6, CompressionCodecName.UNCOMPRESSED, false);
    return path;
  }

  @Test
  void notParquet(BufferAllocator allocator) throws IOException {
    Path path = directory.resolve("x.parquet");
    Files.writeString(path, "hello, this is not parquet");
    assertThatThrownBy(() -> ParquetReader.read(path, ParquetReadOptions.DEFAULT, RowGroupFilter.ALL, allocator))
        .isInstanceOf(FloeIoException.class).hasMessageContaining(path.toString()).hasMessageContaining("PAR1");
  }

  @Test
  void aColumnChunkOutsideTheFile(BufferAllocator allocator) throws IOException {
    Path path = file();
    editFooter(path, footer -> footer.getRow_groups().get(1).getColumns().get(3).getMeta_data()
        .setData_page_offset(1L << 40));
    assertThatThrownBy(() -> ParquetReader.read(path, ParquetReadOptions.DEFAULT, RowGroupFilter.ALL, allocator))
        .isInstanceOf(FloeIoException.class)
        .hasMessageContaining(path + ", row group 1, column d: column chunk [");
  }

  @Test
  void moreValuesClaimedThanThePagesHold(BufferAllocator allocator) throws IOException {
    Path path = file();
    long[] claimed = new long[1];
    editFooter(path, footer -> {
      ColumnMetaData meta = footer.getRow_groups().getFirst().getColumns().get(5).getMeta_data();
      claimed[0] = meta.getNum_values();
      meta.setNum_values(meta.getNum_values() + 5);
    });
    assertThatThrownBy(() -> ParquetReader.read(path, ParquetReadOptions.DEFAULT, RowGroupFilter.ALL, allocator))
        .isInstanceOf(FloeIoException.class)
        .hasMessageContaining(path + ", row group 0, column l.list.element, page 4 (byte ")
        .hasMessageContaining("ends after " + claimed[0] + " of " + (claimed[0] + 5) + " values");
  }

  @Test
  void aFlatChunkWhoseValueCountIsNotTheRowCount(BufferAllocator allocator) throws IOException {
    Path path = file();
    editFooter(path, footer -> {
      ColumnMetaData meta = footer.getRow_groups().getFirst().getColumns().getFirst().getMeta_data();
      meta.setNum_values(meta.getNum_values() + 5);
    });
    assertThatThrownBy(() -> ParquetReader.read(path, ParquetReadOptions.DEFAULT, RowGroupFilter.ALL, allocator))
        .isInstanceOf(FloeIoException.class)
        .hasMessageContaining(path + ", row group 0, column a: column chunk claims 25 values for 20 rows");
  }

  @Test
  void aDictionaryIndexOutsideTheDictionary(BufferAllocator allocator) throws IOException {
    Path path = file();
    long offset = footer(path).getRow_groups().getFirst().getColumns().get(2).getMeta_data()
        .getDictionary_page_offset();
    editPageHeader(path, offset, header -> header.getDictionary_page_header().setNum_values(2));
    assertThatThrownBy(() -> ParquetReader.read(path, ParquetReadOptions.DEFAULT, RowGroupFilter.ALL, allocator))
        .isInstanceOf(FloeIoException.class)
        .hasMessageContaining(path + ", row group 0, column s, page 1")
        .hasMessageContaining("dictionary index 2 is outside the dictionary of 2 values");
  }

  @Test
  void anUncompressedPageWhoseSizesDisagree(BufferAllocator allocator) throws IOException {
    Path path = file();
    long offset = footer(path).getRow_groups().getFirst().getColumns().get(1).getMeta_data().getData_page_offset();
    editPageHeader(path, offset, header -> header.setUncompressed_page_size(header.getCompressed_page_size() + 2));
    assertThatThrownBy(() -> ParquetReader.read(path, ParquetReadOptions.DEFAULT, RowGroupFilter.ALL, allocator))
        .isInstanceOf(FloeIoException.class)
        .hasMessageContaining(path + ", row group 0, column b, page 0 (byte " + offset + ")")
        .hasMessageContaining("uncompressed page of 48 bytes claims an uncompressed size of 50");
  }

  @Test
  void rowCountsThatDisagreeWithTheLevels(BufferAllocator allocator) throws IOException {
    Path path = file();
    editFooter(path, footer -> footer.getRow_groups().get(1).setNum_rows(19));
    assertThatThrownBy(() -> ParquetReader.read(path, ParquetReadOptions.DEFAULT, RowGroupFilter.ALL, allocator))
        .isInstanceOf(FloeIoException.class).hasMessageContaining(path + ", row group 1");
    assertThat(allocator.allocatedBytes()).isZero();
  }

  private static FileMetaData footer(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Util.readFileMetaData(new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
  }

  private static void editFooter(Path path, Consumer<FileMetaData> edit) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    FileMetaData footer = footer(path);
    edit.accept(footer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, bytes.length - 8 - length);
    ByteArrayOutputStream encoded = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, encoded);
    out.writeBytes(encoded.toByteArray());
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(encoded.size()).array());
    out.writeBytes("PAR1".getBytes());
    Files.write(path, out.toByteArray());
  }

  /** Rewrites the page header at {@code offset}; the edit must keep its encoded length. */
  private static void editPageHeader(Path path, long offset, Consumer<PageHeader> edit) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    ByteArrayInputStream in = new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    PageHeader header = Util.readPageHeader(in);
    int oldLength = bytes.length - (int) offset - in.available();
    edit.accept(header);
    ByteArrayOutputStream encoded = new ByteArrayOutputStream();
    Util.writePageHeader(header, encoded);
    assertThat(encoded.size()).as("re-encoded header length").isEqualTo(oldLength);
    byte[] out = Arrays.copyOf(bytes, bytes.length);
    System.arraycopy(encoded.toByteArray(), 0, out, (int) offset, oldLength);
    Files.write(path, out);
  }
}
