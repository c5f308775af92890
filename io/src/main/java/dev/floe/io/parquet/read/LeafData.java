package dev.floe.io.parquet.read;

/**
 * One column chunk decoded: {@code entries} level entries with their definition levels
 * ({@code defs}, null when the column's maximum is 0) and repetition levels ({@code reps}, null
 * when 0), and the non-null values in physical form.
 */
final class LeafData implements AutoCloseable {
  final ReadNode.Leaf leaf;
  final int entries;
  final int[] defs;
  final int[] reps;
  final PhysicalValues values;
  final String where;
  /** Every entry holds a value (counted while the levels were decoded). */
  final boolean allDefined;

  LeafData(ReadNode.Leaf leaf, int entries, int[] defs, int[] reps, PhysicalValues values, String where,
      boolean allDefined) {
    this.allDefined = allDefined;
    this.leaf = leaf;
    this.entries = entries;
    this.defs = defs;
    this.reps = reps;
    this.values = values;
    this.where = where;
  }

  int def(int entry) {
    return defs == null ? leaf.maxDef() : defs[entry];
  }

  int rep(int entry) {
    return reps == null ? 0 : reps[entry];
  }

  @Override
  public void close() {
    values.close();
  }
}
