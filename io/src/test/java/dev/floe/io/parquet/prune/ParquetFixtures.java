package dev.floe.io.parquet.prune;

import dev.floe.io.parquet.codec.FloeCodecFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes small Parquet files with parquet-mr's example writer (row groups of an exact row count)
 * and reads their footers back, all without Hadoop on the class path: the builder overloads that
 * mention Hadoop types are reached through method handles, which resolve one method only.
 */
final class ParquetFixtures {
  private static final MethodHandle BUILDER;
  private static final MethodHandle WITH_CONF;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      BUILDER = lookup.findStatic(ExampleParquetWriter.class, "builder",
          MethodType.methodType(ExampleParquetWriter.Builder.class, OutputFile.class));
      WITH_CONF = lookup.findVirtual(ParquetWriter.Builder.class, "withConf",
          MethodType.methodType(ParquetWriter.Builder.class, ParquetConfiguration.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private ParquetFixtures() {}

  /** A file of {@code rows} rows in groups of {@code rowsPerGroup}; {@code fill} sets row i. */
  static ParquetMetadata write(Path file, String schema, int rowsPerGroup, int rows,
      BiConsumer<Integer, Group> fill) {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    try {
      Files.deleteIfExists(file);
      ExampleParquetWriter.Builder builder =
          (ExampleParquetWriter.Builder) BUILDER.invoke((OutputFile) new LocalOutputFile(file));
      WITH_CONF.invoke((ParquetWriter.Builder<?, ?>) builder,
          (ParquetConfiguration) new PlainParquetConfiguration());
      builder.withType(type).withCodecFactory(new FloeCodecFactory(3))
          .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
          .withRowGroupRowCountLimit(rowsPerGroup).withDictionaryEncoding(false);
      try (ParquetWriter<Group> writer = builder.build()) {
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        for (int row = 0; row < rows; row++) {
          Group group = groups.newGroup();
          fill.accept(row, group);
          writer.write(group);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    return footer(file);
  }

  /** The footer of {@code file}, decoded by parquet-mr's metadata converter. */
  @SuppressWarnings("deprecation")
  static ParquetMetadata footer(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      return new ParquetMetadataConverter().readParquetMetadata(
          new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The indexes of the row groups {@code pruning} keeps. */
  static List<Integer> kept(ParquetMetadata footer, StatisticsPruning pruning) {
    List<BlockMetaData> blocks = footer.getBlocks();
    MessageType schema = footer.getFileMetaData().getSchema();
    return java.util.stream.IntStream.range(0, blocks.size())
        .filter(index -> pruning.mayMatch(blocks.get(index), schema)).boxed().toList();
  }
}
