package dev.floe.io.parquet;

import dev.floe.io.parquet.codec.PageCodecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A minimal Parquet writer for tests, built on parquet-format's Thrift structures: the columns of
 * {@link TestParquetData} in row groups and pages of given sizes, with data pages V1 or V2 and any
 * codec. It lets tests write files without Python and corrupt them precisely.
 */
final class TestParquetWriter {
  static final String[] COLUMNS = {"a", "b", "s", "d", "t", "l"};

  private TestParquetWriter() {}

  static void write(Path path, int rows, int rowGroupRows, int pageRows, CompressionCodecName codec, boolean v2)
      throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("PAR1".getBytes());
    List<RowGroup> groups = new ArrayList<>();
    for (int start = 0; start < rows; start += rowGroupRows) {
      int end = Math.min(rows, start + rowGroupRows);
      List<ColumnChunk> chunks = new ArrayList<>();
      long groupBytes = 0;
      for (String column : COLUMNS) {
        long chunkStart = file.size();
        long dictionaryOffset = -1;
        long values = 0;
        if (column.equals("s")) {
          dictionaryOffset = file.size();
          byte[] dict = TestParquetData.dictionaryPage();
          byte[] compressed = PageCodecs.compress(codec, 3, dict, 0, dict.length);
          PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, dict.length, compressed.length);
          header.setDictionary_page_header(new DictionaryPageHeader(4, Encoding.PLAIN));
          Util.writePageHeader(header, file);
          file.writeBytes(compressed);
        }
        long dataOffset = file.size();
        for (int from = start; from < end; from += pageRows) {
          TestParquetData.Page page = TestParquetData.page(column, from, Math.min(end, from + pageRows));
          values += page.count();
          writePage(file, column, page, Math.min(end, from + pageRows) - from, codec, v2);
        }
        ColumnMetaData meta = new ColumnMetaData(type(column), List.of(Encoding.PLAIN, Encoding.RLE,
            Encoding.RLE_DICTIONARY), path(column), CompressionCodec.valueOf(codec.name()), values,
            file.size() - chunkStart, file.size() - chunkStart, dataOffset);
        if (dictionaryOffset >= 0) {
          meta.setDictionary_page_offset(dictionaryOffset);
        }
        ColumnChunk chunk = new ColumnChunk(chunkStart);
        chunk.setMeta_data(meta);
        chunks.add(chunk);
        groupBytes += file.size() - chunkStart;
      }
      groups.add(new RowGroup(chunks, groupBytes, end - start));
    }
    FileMetaData footer = new FileMetaData(1, schema(), rows, groups);
    ByteArrayOutputStream footerBytes = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, footerBytes);
    file.writeBytes(footerBytes.toByteArray());
    file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footerBytes.size()).array());
    file.writeBytes("PAR1".getBytes());
    Files.write(path, file.toByteArray());
  }

  private static void writePage(ByteArrayOutputStream file, String column, TestParquetData.Page page, int rows,
      CompressionCodecName codec, boolean v2) throws IOException {
    boolean list = column.equals("l");
    byte[] reps = list ? RleEncoder.encode(page.reps(), page.count(), 1) : new byte[0];
    byte[] defs = column.equals("b") ? new byte[0]
        : RleEncoder.encode(page.defs(), page.count(), list ? 2 : 1);
    Encoding encoding = column.equals("s") ? Encoding.RLE_DICTIONARY : Encoding.PLAIN;
    int nulls = 0;
    for (int k = 0; k < page.defs().length; k++) {
      nulls += page.defs()[k] < (list ? 3 : 1) ? 1 : 0;
    }
    if (v2) {
      byte[] compressed = PageCodecs.compress(codec, 3, page.values(), 0, page.values().length);
      int levels = reps.length + defs.length;
      PageHeader header = new PageHeader(PageType.DATA_PAGE_V2, levels + page.values().length,
          levels + compressed.length);
      header.setData_page_header_v2(new DataPageHeaderV2(page.count(), nulls, rows, encoding, defs.length,
          reps.length));
      Util.writePageHeader(header, file);
      file.writeBytes(reps);
      file.writeBytes(defs);
      file.writeBytes(compressed);
      return;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] levels : new byte[][] {reps, defs}) {
      if (levels.length > 0 || (levels == defs && !column.equals("b"))) {
        body.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(levels.length).array());
        body.writeBytes(levels);
      }
    }
    body.writeBytes(page.values());
    byte[] raw = body.toByteArray();
    byte[] compressed = PageCodecs.compress(codec, 3, raw, 0, raw.length);
    PageHeader header = new PageHeader(PageType.DATA_PAGE, raw.length, compressed.length);
    header.setData_page_header(new DataPageHeader(page.count(), encoding, Encoding.RLE, Encoding.RLE));
    Util.writePageHeader(header, file);
    file.writeBytes(compressed);
  }

  private static Type type(String column) {
    return switch (column) {
      case "a", "l" -> Type.INT32;
      case "b" -> Type.INT64;
      case "s" -> Type.BYTE_ARRAY;
      case "d" -> Type.DOUBLE;
      default -> Type.BOOLEAN;
    };
  }

  private static List<String> path(String column) {
    return column.equals("l") ? List.of("l", "list", "element") : List.of(column);
  }

  private static List<SchemaElement> schema() {
    List<SchemaElement> out = new ArrayList<>();
    SchemaElement root = new SchemaElement("schema");
    root.setNum_children(COLUMNS.length);
    out.add(root);
    for (String column : COLUMNS) {
      if (column.equals("l")) {
        SchemaElement list = new SchemaElement("l");
        list.setRepetition_type(FieldRepetitionType.OPTIONAL);
        list.setConverted_type(ConvertedType.LIST);
        list.setNum_children(1);
        SchemaElement repeated = new SchemaElement("list");
        repeated.setRepetition_type(FieldRepetitionType.REPEATED);
        repeated.setNum_children(1);
        SchemaElement element = new SchemaElement("element");
        element.setRepetition_type(FieldRepetitionType.OPTIONAL);
        element.setType(Type.INT32);
        out.addAll(List.of(list, repeated, element));
        continue;
      }
      SchemaElement leaf = new SchemaElement(column);
      leaf.setType(type(column));
      leaf.setRepetition_type(column.equals("b") ? FieldRepetitionType.REQUIRED : FieldRepetitionType.OPTIONAL);
      if (column.equals("s")) {
        leaf.setConverted_type(ConvertedType.UTF8);
      }
      out.add(leaf);
    }
    return out;
  }
}
