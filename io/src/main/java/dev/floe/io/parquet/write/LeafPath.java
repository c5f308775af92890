package dev.floe.io.parquet.write;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.MessageType;

/**
 * How to reach one Parquet leaf column from a top-level Floe column: the struct field chosen at
 * each struct on the way ({@link #LIST} for the one child of a list). Leaves are listed in the
 * depth-first order of {@link MessageType#getColumns()}.
 *
 * @param column the top-level column
 * @param steps one entry per nested node on the way: a struct field index, or {@link #LIST}
 * @param descriptor parquet-mr's descriptor of the leaf (maximum levels, physical type)
 */
record LeafPath(int column, int[] steps, ColumnDescriptor descriptor) {
  static final int LIST = -1;

  /** True for a top-level primitive column: levels come straight from its validity. */
  boolean flat() {
    return steps.length == 0;
  }

  static List<LeafPath> of(Schema schema, MessageType message) {
    List<LeafPath> paths = new ArrayList<>();
    List<ColumnDescriptor> descriptors = message.getColumns();
    for (int column = 0; column < schema.size(); column++) {
      collect(column, schema.field(column).type(), new ArrayList<>(), descriptors, paths);
    }
    if (paths.size() != descriptors.size()) {
      throw new IllegalStateException("leaf count " + paths.size() + " != " + descriptors.size());
    }
    return paths;
  }

  private static void collect(int column, DataType type, List<Integer> steps, List<ColumnDescriptor> descriptors,
      List<LeafPath> paths) {
    switch (type) {
      case DataType.StructType struct -> {
        List<Field> fields = struct.fields();
        for (int k = 0; k < fields.size(); k++) {
          steps.add(k);
          collect(column, fields.get(k).type(), steps, descriptors, paths);
          steps.removeLast();
        }
      }
      case DataType.ListType list -> nested(column, list.valueType(), steps, descriptors, paths);
      case DataType.LargeListType list -> nested(column, list.valueType(), steps, descriptors, paths);
      case DataType.FixedSizeListType list -> nested(column, list.valueType(), steps, descriptors, paths);
      default -> {
        int[] array = steps.stream().mapToInt(Integer::intValue).toArray();
        paths.add(new LeafPath(column, array, descriptors.get(paths.size())));
      }
    }
  }

  private static void nested(int column, DataType element, List<Integer> steps, List<ColumnDescriptor> descriptors,
      List<LeafPath> paths) {
    steps.add(LIST);
    collect(column, element, steps, descriptors, paths);
    steps.removeLast();
  }
}
