package dev.floe.io.parquet.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/**
 * Schema mapping (3-level, legacy 2-level and bare repeated lists, maps, structs) and record
 * assembly from hand-written repetition/definition levels, checked value by value.
 */
@LeakChecked
class ColumnAssemblerTest {

  private static List<ReadNode> nodes(String schema) {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    return ParquetSchemas.map(type, null, "test");
  }

  @Test
  void mapsListFormsAndMapsAsPolarsDoes() {
    List<ReadNode> nodes = nodes("""
        message m {
          optional group three (LIST) { repeated group list { optional int32 element; } }
          optional group two (LIST) { repeated int32 array; }
          optional group tuple (LIST) { repeated group tuple_tuple { required int32 x; } }
          repeated int64 bare;
          optional group map (MAP) { repeated group key_value { required binary key (STRING); optional int32 value; } }
          required group s { optional group inner { optional double d; } required boolean b; }
        }""");
    assertThat(nodes).extracting(node -> node.field().name() + ":" + node.field().type()).containsExactly(
        "three:list[i32]", "two:list[i32]", "tuple:list[struct[1]]", "bare:list[i64]",
        "map:list[struct[2]]", "s:struct[2]");
    ReadNode.ListNode two = (ReadNode.ListNode) nodes.get(1);
    assertThat(two.defLevel()).isEqualTo(1);
    assertThat(two.elementsDefLevel()).isEqualTo(2);
    assertThat(((ReadNode.Leaf) two.element()).maxDef()).isEqualTo(2);
    ReadNode.ListNode bare = (ReadNode.ListNode) nodes.get(3);
    assertThat(bare.defLevel()).isZero();
    assertThat(((ReadNode.Leaf) bare.element()).path()).isEqualTo("bare");
    assertThat(nodes.get(5).leaves()).extracting(ReadNode.Leaf::path).containsExactly("s.inner.d", "s.b");
    assertThat(nodes.get(5).leaves()).extracting(ReadNode.Leaf::column).containsExactly(6, 7);
  }

  @Test
  void assemblesALegacyTwoLevelList(BufferAllocator allocator) {
    ReadNode node = nodes("message m { optional group two (LIST) { repeated int32 array; } }").getFirst();
    // rows: [1, 2], null, [], [3]
    int[] defs = {2, 2, 0, 1, 2};
    int[] reps = {0, 1, 0, 0, 0};
    try (Column column = assemble(node, 4, allocator, new Leaf(defs, reps, 1, 2, 3))) {
      assertThat(values(column)).containsExactly(List.of(1, 2), null, List.of(), List.of(3));
    }
  }

  @Test
  void assemblesNestedListsOfStructs(BufferAllocator allocator) {
    ReadNode node = nodes("""
        message m { optional group l (LIST) { repeated group list { optional group element {
          optional int32 a; optional group b (LIST) { repeated group list { optional int32 element; } } } } } }
        """).getFirst();
    // row 0: [{a:1, b:[5, null]}, null]; row 1: null; row 2: [{a:null, b:null}, {a:2, b:[]}]
    int[] aDefs = {4, 1, 0, 3, 4};
    int[] aReps = {0, 1, 0, 0, 1};
    int[] bDefs = {6, 5, 1, 0, 2, 4};
    int[] bReps = {0, 2, 1, 0, 0, 1};
    try (Column column = assemble(node, 3, allocator, new Leaf(aDefs, aReps, 1, 2), new Leaf(bDefs, bReps, 5))) {
      Map<String, Object> first = new HashMap<>();
      first.put("a", 1);
      first.put("b", Arrays.asList(5, null));
      Map<String, Object> nullStruct = new HashMap<>();
      nullStruct.put("a", null);
      nullStruct.put("b", null);
      Map<String, Object> last = new HashMap<>();
      last.put("a", 2);
      last.put("b", List.of());
      assertThat(values(column)).containsExactly(Arrays.asList(first, null), null, List.of(nullStruct, last));
    }
  }

  @Test
  void levelsThatDisagreeWithTheRowCountFailTyped(BufferAllocator allocator) {
    ReadNode node = nodes("message m { optional group two (LIST) { repeated int32 array; } }").getFirst();
    assertThatThrownBy(() -> assemble(node, 3, allocator, new Leaf(new int[] {2, 2}, new int[] {0, 1}, 1, 2)))
        .isInstanceOf(FloeIoException.class).hasMessageContaining("the levels hold 1 rows, the row group 3");
    assertThatThrownBy(() -> assemble(node, 1, allocator, new Leaf(new int[] {2, 2}, new int[] {1, 1}, 1, 2)))
        .isInstanceOf(FloeIoException.class).hasMessageContaining("first repetition level is 1");
  }

  private record Leaf(int[] defs, int[] reps, int... values) {}

  private static Column assemble(ReadNode node, int rows, BufferAllocator allocator, Leaf... data) {
    Map<Integer, LeafData> leaves = new HashMap<>();
    try {
      for (int index = 0; index < data.length; index++) {
        ReadNode.Leaf leaf = node.leaves().get(index);
        PhysicalValues values = new PhysicalValues(allocator, 4, data[index].values().length);
        values.appendFixed(MemorySegment.ofArray(data[index].values()), 0, data[index].values().length);
        int[] defs = data[index].defs();
        boolean allDefined = java.util.Arrays.stream(defs).allMatch(level -> level == leaf.maxDef());
        leaves.put(leaf.column(), new LeafData(leaf, defs.length, defs, data[index].reps(), values,
            "leaf " + leaf.path(), allDefined));
      }
      return new ColumnAssembler(leaves, rows, allocator, "test").assemble(node);
    } finally {
      leaves.values().forEach(LeafData::close);
    }
  }

  private static List<Object> values(Column column) {
    List<Object> out = new ArrayList<>();
    for (int row = 0; row < column.length(); row++) {
      out.add(column.getObject(row));
    }
    return out;
  }
}
