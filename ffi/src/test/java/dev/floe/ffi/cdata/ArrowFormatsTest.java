package dev.floe.ffi.cdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.DataTypeArbitraries;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Format strings back to Floe types, and whole schemas exported then read back. */
class ArrowFormatsTest {

  @Test
  void parameterizedFormatsParse() {
    assertThat(ArrowFormats.parse("f", "d:38,10", List.of())).isEqualTo(new DataType.Decimal128(38, 10));
    assertThat(ArrowFormats.parse("f", "d:5,0,128", List.of())).isEqualTo(new DataType.Decimal128(5, 0));
    assertThat(ArrowFormats.parse("f", "w:16", List.of())).isEqualTo(new DataType.FixedSizeBinary(16));
    assertThat(ArrowFormats.parse("f", "tsu:UTC", List.of()))
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
    assertThat(ArrowFormats.parse("f", "tsn:", List.of()))
        .isEqualTo(new DataType.Timestamp(TimeUnit.NANOSECOND, null));
    assertThat(ArrowFormats.parse("f", "tss:America/New_York", List.of()))
        .isEqualTo(new DataType.Timestamp(TimeUnit.SECOND, "America/New_York"));
    assertThat(ArrowFormats.parse("f", "tDm", List.of())).isEqualTo(new DataType.Duration(TimeUnit.MILLISECOND));
    Field item = Field.of("item", DataType.INT8);
    assertThat(ArrowFormats.parse("f", "+w:3", List.of(item)))
        .isEqualTo(new DataType.FixedSizeListType(item, 3));
    assertThat(ArrowFormats.parse("f", "+L", List.of(item))).isEqualTo(new DataType.LargeListType(item));
  }

  @Test
  void everyRepresentativeTypeParsesFromItsOwnFormat() {
    for (DataType type : DataTypeArbitraries.representativeTypes()) {
      if (type instanceof DataType.Dictionary) {
        continue; // the format is the index type's; covered by the schema round trip below
      }
      List<Field> children = SchemaExporter.children(type);
      assertThat(ArrowFormats.parse("f", type.arrowFormat(), children)).as(type.arrowFormat()).isEqualTo(type);
    }
  }

  @Test
  void unsupportedAndMalformedFormatsNameFieldAndFormat() {
    assertThatThrownBy(() -> ArrowFormats.parse("m", "+m", List.of(Field.of("entries", DataType.NULL))))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("field 'm'").hasMessageContaining("'+m' is not supported")
        .hasMessageContaining("supported:");
    assertThatThrownBy(() -> ArrowFormats.parse("d", "d:10,2,256", List.of()))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("only 128-bit");
    assertThatThrownBy(() -> ArrowFormats.parse("d", "d:40,2", List.of()))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("malformed");
    assertThatThrownBy(() -> ArrowFormats.parse("w", "w:-1", List.of()))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> ArrowFormats.parse("l", "+l", List.of()))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("0 children, expected 1");
    assertThatThrownBy(() -> ArrowFormats.parse("t", "tts", List.of()))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("'tts' is not supported");
  }

  @Test
  void schemasRoundTripWithNamesNullabilityAndDictionaries() {
    for (DataType type : DataTypeArbitraries.representativeTypes()) {
      for (boolean nullable : new boolean[] {true, false}) {
        Field field = new Field("field é " + type, type, nullable, Map.of());
        MemorySegment schema = ArrowStructs.allocateSchema();
        try {
          CDataExporter.exportField(field, schema);
          assertThat(ArrowFormats.readField(schema)).isEqualTo(field);
          assertThat(ArrowStructs.isSchemaReleased(schema)).isFalse();
          ArrowStructs.releaseSchema(schema);
          assertThat(ArrowStructs.isSchemaReleased(schema)).isTrue();
        } finally {
          ArrowStructs.free(schema);
        }
      }
    }
    DataType ordered = new DataType.Dictionary(DataType.INT16, DataType.LARGE_UTF8, true);
    MemorySegment schema = ArrowStructs.allocateSchema();
    try {
      CDataExporter.exportField(Field.of("d", ordered), schema);
      assertThat(new CDataImporter(dev.floe.memory.BufferAllocator.global()).importField(schema).type())
          .isEqualTo(ordered);
      assertThat(ArrowStructs.isSchemaReleased(schema)).isTrue();
    } finally {
      ArrowStructs.free(schema);
    }
  }
}
