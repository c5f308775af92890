package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.ffi.cdata.ArrowStreamExport;
import dev.floe.ffi.python.PyObjectRef;
import dev.floe.ffi.python.PythonBridge;
import dev.floe.ffi.python.PythonException;
import dev.floe.ffi.python.PythonOptions;
import dev.floe.memory.Buffer;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Floe type through the embedded CPython, in both directions, with pyarrow and with Polars,
 * whole (7 rows, nulls at rows 1 and 5) and sliced (rows 1 to 5: a non-zero offset, both ends
 * null): the values arrive equal, the buffers are the producer's where the layout allows (same
 * addresses), and every release happens once (Floe's reference counts come back after Python
 * drops its object; pyarrow's allocator comes back to its baseline after Floe closes its import).
 *
 * <p>What Polars 1.44 does with Floe's buffers, asserted per type by {@link Case#polarsShares}
 * (on the data buffers: offsets, values, views, bytes): kept for every integer, float, boolean,
 * decimal, date32, Time64(ns), Timestamp and Duration in ms/us/ns, Utf8View, BinaryView, list
 * values, fixed-size list values and struct fields. Utf8, LargeUtf8, Binary and LargeBinary become
 * Polars' BinaryView layout: new views, but the string bytes stay Floe's. Copied: FixedSizeBinary
 * (to Binary), the categorical (Polars' own Categorical), and units Polars lacks (Time64 in
 * microseconds becomes nanoseconds, Timestamp and Duration in seconds become milliseconds). At a
 * non-zero offset Polars re-aligns validity bitmaps (a copy of the bitmap only) and List's int32
 * offsets become int64 (LargeList). Polars rejects a sliced fixed-size list with nulls handed to
 * it through Arrow (a Polars bug), asserted as such. From Polars to Floe every column stays
 * Polars' memory, except the categorical, whose Arrow dictionary Polars builds on export; the
 * types Floe gets back are Polars' ({@link #throughPolars}: strings and binaries as views, lists
 * as large lists, the units above).
 */
@LeakChecked
class PythonTypesInteropTest {
  private static final String NS = "floe_python_types_test";
  private static final String HELPERS = """
      import gc, decimal, datetime
      import pyarrow as pa
      import polars as pl

      def norm(a):
          return a.dictionary_decode() if isinstance(a, pa.DictionaryArray) else a

      def addresses(a):
          out = []
          def walk(a):
              out.extend(b.address for b in a.buffers() if b is not None)
              if isinstance(a, pa.DictionaryArray):
                  walk(a.dictionary)
          walk(a)
          return out

      def only_chunk(column):
          assert column.num_chunks == 1, column.num_chunks
          return column.chunk(0)

      def expected(typ, values, sliced):
          typ = eval(typ)
          if pa.types.is_dictionary(typ):  # pa.array ignores the index type of a dictionary type
              encoded = pa.array(eval(values), typ.value_type).dictionary_encode()
              a = pa.DictionaryArray.from_arrays(encoded.indices.cast(typ.index_type), encoded.dictionary)
          else:
              a = pa.array(eval(values), typ)
          return a.slice(1, 5) if sliced else a

      def check_pyarrow(table, typ, values, sliced):
          want = expected(typ, values, sliced)
          got = only_chunk(table.column('c'))
          got.validate(full=True)
          assert got.type == want.type, (str(got.type), str(want.type))
          assert norm(got).equals(norm(want)), (got.to_string(), want.to_string())
          return addresses(got)

      def make_pyarrow(typ, values, sliced):
          return pa.table({'c': expected(typ, values, False)}).slice(1, 5) if sliced else \\
              pa.table({'c': expected(typ, values, False)})

      def table_addresses(table):
          return addresses(only_chunk(table.column('c')))

      def check_polars(df, typ, values, sliced):
          want = norm(expected(typ, values, sliced))
          s = df['c']
          got = norm(s.to_arrow())  # strings as large_string: pyarrow cannot decode a string_view dictionary
          assert len(got) == len(want)
          same = got.cast(want.type).equals(want)
          assert same, (got.to_string(), want.to_string())
          newest = s.to_arrow(compat_level=pl.CompatLevel.newest())  # Polars' own layout, no conversion
          return [str(s.dtype), str(newest.type), addresses(newest)]

      def make_polars(typ, values, sliced):
          df = pl.DataFrame(pa.table({'c': expected(typ, values, False)}))
          return df.slice(1, 5) if sliced else df

      def polars_addresses(df):
          return addresses(df['c'].to_arrow(compat_level=pl.CompatLevel.newest()))
      """;

  private static PythonBridge python;

  @BeforeAll
  static void startPython() throws Exception {
    python = Floe.startPython(PythonOptions.of(Path.of(PolarsPython.executable())));
    python.exec(NS, HELPERS);
  }

  /**
   * One Floe type: its pyarrow type, seven Java values (nulls at 1 and 5) and the same values as a
   * Python literal; the Polars dtype it becomes and whether Polars keeps Floe's data buffers.
   */
  record Case(String label, DataType type, String pyType, List<Object> java, String pyValues,
      String polarsDtype, boolean polarsShares) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static Case simple(String label, DataType type, String pyType, String polarsDtype, boolean shares,
      Object... values) {
    List<Object> java = Arrays.asList(values);
    return new Case(label, type, pyType, java, py(java), polarsDtype, shares);
  }

  /** A temporal type from raw integers: the Python literal is the integers, Java gets objects. */
  private static Case temporal(String label, DataType type, String pyType, String polarsDtype, boolean shares,
      LongFunction<Object> toJava, Long... raw) {
    List<Object> java = new ArrayList<>();
    for (Long value : raw) {
      java.add(value == null ? null : toJava.apply(value));
    }
    return new Case(label, type, pyType, java, py(Arrays.asList((Object[]) raw)), polarsDtype, shares);
  }

  private static Map<String, Object> point(Long x, String y) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("x", x);
    map.put("y", y);
    return map;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static List<Case> cases() {
    String longText = "a string longer than twelve bytes";
    List<Case> cases = new ArrayList<>();
    cases.add(simple("int8", DataType.INT8, "pa.int8()", "Int8", true, 1, null, -128, 127, 5, null, 0));
    cases.add(simple("int16", DataType.INT16, "pa.int16()", "Int16", true, 1, null, -32768, 32767, 5, null, 0));
    cases.add(simple("int32", DataType.INT32, "pa.int32()", "Int32", true,
        1, null, Integer.MIN_VALUE, Integer.MAX_VALUE, 5, null, 0));
    cases.add(simple("int64", DataType.INT64, "pa.int64()", "Int64", true,
        1L, null, Long.MIN_VALUE, Long.MAX_VALUE, 5L, null, 0L));
    cases.add(simple("uint8", DataType.UINT8, "pa.uint8()", "UInt8", true, 1, null, 255, 0, 5, null, 7));
    cases.add(simple("uint16", DataType.UINT16, "pa.uint16()", "UInt16", true, 1, null, 65535, 0, 5, null, 7));
    cases.add(simple("uint32", DataType.UINT32, "pa.uint32()", "UInt32", true,
        1L, null, 4_294_967_295L, 0L, 5L, null, 7L));
    cases.add(simple("uint64", DataType.UINT64, "pa.uint64()", "UInt64", true,
        1L, null, new java.math.BigInteger("18446744073709551615"), 0L, 5L, null, 7L));
    cases.add(simple("float32", DataType.FLOAT32, "pa.float32()", "Float32", true,
        1.5f, null, -2.25f, 1024.0f, 0.0f, null, 3.0e38f));
    cases.add(simple("float64", DataType.FLOAT64, "pa.float64()", "Float64", true,
        1.5, null, -2.25, 1.0e300, 0.1, null, -0.0));
    cases.add(simple("boolean", DataType.BOOLEAN, "pa.bool_()", "Boolean", true,
        true, null, false, true, true, null, false));
    cases.add(simple("decimal128", new DataType.Decimal128(10, 2), "pa.decimal128(10, 2)",
        "Decimal(precision=10, scale=2)", true, new BigDecimal("1.25"), null, new BigDecimal("-3.50"),
        new BigDecimal("12345678.90"), new BigDecimal("0.01"), null, new BigDecimal("7.00")));
    Object[] strings = {"a", null, "bb", longText, "", null, "\u00e9t\u00e9 \u20ac"};
    cases.add(simple("utf8", DataType.UTF8, "pa.string()", "String", true, strings));
    cases.add(simple("large utf8", DataType.LARGE_UTF8, "pa.large_string()", "String", true, strings));
    cases.add(simple("utf8 view", DataType.UTF8_VIEW, "pa.string_view()", "String", true, strings));
    Object[] binaries = {bytes("a"), null, new byte[] {0, (byte) 255, 7}, bytes(longText), new byte[0], null,
        bytes("z")};
    cases.add(simple("binary", DataType.BINARY, "pa.binary()", "Binary", true, binaries));
    cases.add(simple("large binary", DataType.LARGE_BINARY, "pa.large_binary()", "Binary", true, binaries));
    cases.add(simple("binary view", DataType.BINARY_VIEW, "pa.binary_view()", "Binary", true, binaries));
    cases.add(simple("fixed-size binary", new DataType.FixedSizeBinary(3), "pa.binary(3)", "Binary", false,
        bytes("abc"), null, new byte[] {0, (byte) 255, 7}, bytes("xyz"), bytes("   "), null, bytes("zzz")));
    cases.add(temporal("date32", DataType.DATE32, "pa.date32()", "Date", true, LocalDate::ofEpochDay,
        0L, null, 19_782L, -1L, 2_932_896L, null, 1L));
    Long[] clock = {0L, null, 1L, 43_200L, 86_399L, null, 3_600L}; // seconds of the day
    cases.add(temporal("time64 us", new DataType.Time64(TimeUnit.MICROSECOND), "pa.time64('us')", "Time", false,
        micros -> LocalTime.ofNanoOfDay(micros * 1_000), scale(clock, 1_000_000L)));
    cases.add(temporal("time64 ns", new DataType.Time64(TimeUnit.NANOSECOND), "pa.time64('ns')", "Time", true,
        LocalTime::ofNanoOfDay, plus(scale(clock, 1_000_000_000L), 123)));
    Long[] epoch = {0L, null, 1_700_000_000L, -1L, 86_400L, null, 1L}; // seconds
    for (String zone : new String[] {null, "UTC", "Europe/Paris"}) {
      String tz = zone == null ? "" : ", '" + zone + "'";
      String polarsTz = zone == null ? "None" : "'" + zone + "'";
      String suffix = zone == null ? "" : " " + zone;
      cases.add(temporal("timestamp s" + suffix, new DataType.Timestamp(TimeUnit.SECOND, zone),
          "pa.timestamp('s'" + tz + ")", "Datetime(time_unit='ms', time_zone=" + polarsTz + ")", false,
          Instant::ofEpochSecond, epoch));
      cases.add(temporal("timestamp ms" + suffix, new DataType.Timestamp(TimeUnit.MILLISECOND, zone),
          "pa.timestamp('ms'" + tz + ")", "Datetime(time_unit='ms', time_zone=" + polarsTz + ")", true,
          Instant::ofEpochMilli, plus(scale(epoch, 1_000L), 7)));
      cases.add(temporal("timestamp us" + suffix, new DataType.Timestamp(TimeUnit.MICROSECOND, zone),
          "pa.timestamp('us'" + tz + ")", "Datetime(time_unit='us', time_zone=" + polarsTz + ")", true,
          micros -> Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
              Math.floorMod(micros, 1_000_000L) * 1_000L), plus(scale(epoch, 1_000_000L), 7)));
      cases.add(temporal("timestamp ns" + suffix, new DataType.Timestamp(TimeUnit.NANOSECOND, zone),
          "pa.timestamp('ns'" + tz + ")", "Datetime(time_unit='ns', time_zone=" + polarsTz + ")", true,
          nanos -> Instant.ofEpochSecond(0, nanos), plus(scale(epoch, 1_000_000_000L), 7)));
    }
    Long[] spans = {0L, null, 1L, -86_400L, 3_600L, null, 1_000_000L}; // seconds
    cases.add(temporal("duration s", new DataType.Duration(TimeUnit.SECOND), "pa.duration('s')",
        "Duration(time_unit='ms')", false, Duration::ofSeconds, spans));
    cases.add(temporal("duration ms", new DataType.Duration(TimeUnit.MILLISECOND), "pa.duration('ms')",
        "Duration(time_unit='ms')", true, Duration::ofMillis, plus(scale(spans, 1_000L), 3)));
    cases.add(temporal("duration us", new DataType.Duration(TimeUnit.MICROSECOND), "pa.duration('us')",
        "Duration(time_unit='us')", true, micros -> Duration.ofNanos(micros * 1_000), plus(scale(spans, 1_000_000L), 3)));
    cases.add(temporal("duration ns", new DataType.Duration(TimeUnit.NANOSECOND), "pa.duration('ns')",
        "Duration(time_unit='ns')", true, Duration::ofNanos, plus(scale(spans, 1_000_000_000L), 3)));
    Object[] lists = {List.of(1, 2), null, List.of(), List.of(3), Arrays.asList(4, null), null, List.of(5, 6, 7)};
    cases.add(simple("list", DataType.ListType.of(DataType.INT32), "pa.list_(pa.int32())", "List(Int32)", true,
        lists));
    cases.add(simple("large list", DataType.LargeListType.of(DataType.INT32), "pa.large_list(pa.int32())",
        "List(Int32)", true, lists));
    cases.add(simple("fixed-size list", DataType.FixedSizeListType.of(DataType.INT32, 2),
        "pa.list_(pa.int32(), 2)", "Array(Int32, shape=(2,))", true,
        List.of(1, 2), null, List.of(3, 4), Arrays.asList(null, 5), List.of(6, 7), null, List.of(8, 9)));
    cases.add(simple("struct", DataType.StructType.of(Field.of("x", DataType.INT64), Field.of("y", DataType.UTF8)),
        "pa.struct([('x', pa.int64()), ('y', pa.string())])", "Struct({'x': Int64, 'y': String})", true,
        point(1L, "a"), null, point(2L, null), point(null, "c"), point(4L, longText), null, point(6L, "f")));
    cases.add(simple("categorical", DataType.CATEGORICAL, "pa.dictionary(pa.uint32(), pa.string())",
        "Categorical", false, "red", null, "blue", "red", "green", null, "blue"));
    return cases;
  }

  static Stream<Arguments> casesBothWays() {
    return cases().stream().flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
  }

  private static Long[] scale(Long[] values, long factor) {
    Long[] out = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] == null ? null : Long.valueOf(values[i] * factor);
    }
    return out;
  }

  private static Long[] plus(Long[] values, long delta) {
    Long[] out = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] == null || values[i] == 0 ? values[i] : Long.valueOf(values[i] + delta);
    }
    return out;
  }

  /** A Python literal for a Java value. */
  static String py(Object value) {
    return switch (value) {
      case null -> "None";
      case Boolean b -> b ? "True" : "False";
      case Float f -> f == 0 && 1 / f < 0 ? "-0.0" : Double.toString(f);
      case Double d -> d == 0 && 1 / d < 0 ? "-0.0" : Double.toString(d);
      case BigDecimal d -> "decimal.Decimal('" + d.toPlainString() + "')";
      case Number n -> n.toString();
      case String s -> {
        StringBuilder out = new StringBuilder("'");
        for (char ch : s.toCharArray()) {
          if (ch < 128 && ch != '\'' && ch != '\\') {
            out.append(ch);
          } else {
            out.append(String.format("\\u%04x", (int) ch));
          }
        }
        yield out.append('\'').toString();
      }
      case byte[] bytes -> {
        StringBuilder out = new StringBuilder("bytes([");
        for (byte b : bytes) {
          out.append(b & 0xFF).append(',');
        }
        yield out.append("])").toString();
      }
      case List<?> list -> "[" + String.join(", ", list.stream().map(PythonTypesInteropTest::py).toList()) + "]";
      case Map<?, ?> map -> "{" + String.join(", ", map.entrySet().stream()
          .map(e -> py(e.getKey()) + ": " + py(e.getValue())).toList()) + "}";
      default -> throw new IllegalArgumentException("no Python literal for " + value.getClass());
    };
  }

  /** The Floe type a column of {@code type} has after a trip through Polars (what Polars exports). */
  static DataType throughPolars(DataType type) {
    return switch (type) {
      case DataType.Utf8 t -> DataType.UTF8_VIEW;
      case DataType.LargeUtf8 t -> DataType.UTF8_VIEW;
      case DataType.Binary t -> DataType.BINARY_VIEW;
      case DataType.LargeBinary t -> DataType.BINARY_VIEW;
      case DataType.FixedSizeBinary t -> DataType.BINARY_VIEW;
      case DataType.Time64 t -> new DataType.Time64(TimeUnit.NANOSECOND);
      case DataType.Timestamp t when t.unit() == TimeUnit.SECOND ->
          new DataType.Timestamp(TimeUnit.MILLISECOND, t.timeZone());
      case DataType.Duration t when t.unit() == TimeUnit.SECOND -> new DataType.Duration(TimeUnit.MILLISECOND);
      case DataType.ListType t -> DataType.LargeListType.of(throughPolars(t.valueField().type()));
      case DataType.StructType t -> DataType.StructType.of(t.fields().stream()
          .map(f -> Field.of(f.name(), throughPolars(f.type()))).toArray(Field[]::new));
      case DataType.Dictionary t -> new DataType.Dictionary(t.indexType(), throughPolars(t.valueType()), t.ordered());
      default -> type;
    };
  }

  private static DataFrame floeFrame(Case c) {
    return DataFrame.of(Series.ofList("c", c.type(), c.java()));
  }

  static List<Buffer> floeBuffers(DataFrame frame) {
    List<Buffer> out = new ArrayList<>();
    for (Series series : frame.getColumns()) {
      for (Column chunk : series.chunks()) {
        collect(chunk, out);
      }
    }
    return out;
  }

  /** The buffers other than validity bitmaps: offsets, values, views, data. */
  static List<Buffer> dataBuffers(DataFrame frame) {
    List<Buffer> out = new ArrayList<>();
    for (Series series : frame.getColumns()) {
      for (Column chunk : series.chunks()) {
        collectData(chunk, out);
      }
    }
    return out;
  }

  private static void collectData(Column column, List<Buffer> out) {
    for (Buffer buffer : column.buffers()) {
      if (buffer != null && buffer != column.validity()) {
        out.add(buffer);
      }
    }
    column.children().forEach(child -> collectData(child, out));
  }

  private static void collect(Column column, List<Buffer> out) {
    for (Buffer buffer : column.buffers()) {
      if (buffer != null) {
        out.add(buffer);
      }
    }
    column.children().forEach(child -> collect(child, out));
  }

  private static Set<Long> addresses(List<Buffer> buffers) {
    Set<Long> out = new HashSet<>();
    buffers.forEach(buffer -> out.add(buffer.address()));
    return out;
  }

  private static Set<Long> longs(Object pythonList) {
    Set<Long> out = new HashSet<>();
    for (Object value : (List<?>) pythonList) {
      out.add((Long) value);
    }
    return out;
  }

  private static List<Integer> referenceCounts(List<Buffer> buffers) {
    return buffers.stream().map(Buffer::referenceCount).toList();
  }

  /** Addresses that fall inside one of {@code buffers}. */
  private static Set<Long> inside(Set<Long> addresses, List<Buffer> buffers) {
    Set<Long> out = new HashSet<>();
    for (long address : addresses) {
      for (Buffer buffer : buffers) {
        if (address >= buffer.address() && address < buffer.address() + Math.max(1, buffer.capacity())) {
          out.add(address);
        }
      }
    }
    return out;
  }

  private static void collectGarbage() {
    python.exec(NS, "gc.collect()");
  }

  private static DataFrame source(DataFrame whole, boolean sliced) {
    return sliced ? whole.slice(1, 5) : whole.slice(0);
  }

  @ParameterizedTest(name = "{0} sliced={1}")
  @MethodSource("casesBothWays")
  void floeToPyarrowIsZeroCopyAndReleasedOnce(Case c, boolean sliced) {
    try (DataFrame whole = floeFrame(c); DataFrame source = source(whole, sliced)) {
      List<Buffer> buffers = floeBuffers(source);
      List<Integer> counts = referenceCounts(buffers);
      try (PyObjectRef table = source.toPython(PythonFrame.PYARROW)) {
        Object seen = python.callIn(NS, "check_pyarrow", table, c.pyType(), c.pyValues(), sliced);
        assertThat(longs(seen)).as("pyarrow's buffers are Floe's").isEqualTo(addresses(buffers));
      }
      collectGarbage();
      assertThat(referenceCounts(buffers)).as("released once").isEqualTo(counts);
      assertThat(ArrowStreamExport.liveStreams()).isZero();
    }
  }

  @ParameterizedTest(name = "{0} sliced={1}")
  @MethodSource("casesBothWays")
  void pyarrowToFloeIsZeroCopyAndReleasedOnce(Case c, boolean sliced) {
    long baseline = (Long) python.eval(NS, "pa.total_allocated_bytes()");
    DataFrame imported;
    Set<Long> pythonAddresses;
    try (PyObjectRef table = python.callRefIn(NS, "make_pyarrow", c.pyType(), c.pyValues(), sliced)) {
      pythonAddresses = longs(python.callIn(NS, "table_addresses", table));
      imported = Floe.fromPython(table);
    }
    try (imported; DataFrame whole = floeFrame(c); DataFrame expected = source(whole, sliced)) {
      collectGarbage();
      assertThat((Long) python.eval(NS, "pa.total_allocated_bytes()")).as("Floe holds pyarrow's data")
          .isGreaterThan(baseline);
      assertThat(imported.schema()).isEqualTo(expected.schema());
      assertThat(imported).isEqualTo(expected);
      assertThat(addresses(floeBuffers(imported))).as("Floe's buffers are pyarrow's").isEqualTo(pythonAddresses);
    }
    collectGarbage();
    assertThat((Long) python.eval(NS, "pa.total_allocated_bytes()")).as("released once, when Floe closed it")
        .isEqualTo(baseline);
  }

  @ParameterizedTest(name = "{0} sliced={1}")
  @MethodSource("casesBothWays")
  void floeToPolarsSharesWhatPolarsCanAndReleasesOnce(Case c, boolean sliced) {
    try (DataFrame whole = floeFrame(c); DataFrame source = source(whole, sliced)) {
      List<Buffer> buffers = floeBuffers(source);
      List<Integer> counts = referenceCounts(buffers);
      List<Buffer> data = dataBuffers(source);
      if (sliced && c.type() instanceof DataType.FixedSizeListType) {
        // Polars 1.44 cannot take a fixed-size list at a non-zero offset with nulls (its bug)
        assertThatThrownBy(() -> source.toPython(PythonFrame.POLARS)).isInstanceOf(PythonException.class)
            .hasMessageContaining("validity mask length must be equal to the number of values divided by size");
      } else {
        try (PyObjectRef frame = source.toPython(PythonFrame.POLARS)) {
          List<?> seen = (List<?>) python.callIn(NS, "check_polars", frame, c.pyType(), c.pyValues(), sliced);
          assertThat(seen.get(0)).as("Polars dtype").isEqualTo(c.polarsDtype());
          Set<Long> shared = inside(longs(seen.get(2)), data);
          if (c.polarsShares()) {
            assertThat(shared).as("Polars keeps Floe's data buffers (%s)", seen.get(1)).isNotEmpty();
          } else {
            assertThat(shared).as("Polars copies this type (%s)", seen.get(1)).isEmpty();
          }
        }
      }
      collectGarbage();
      assertThat(referenceCounts(buffers)).as("released once").isEqualTo(counts);
      assertThat(ArrowStreamExport.liveStreams()).isZero();
    }
  }

  @ParameterizedTest(name = "{0} sliced={1}")
  @MethodSource("casesBothWays")
  void polarsToFloeIsZeroCopyAndEqual(Case c, boolean sliced) {
    try (PyObjectRef frame = python.callRefIn(NS, "make_polars", c.pyType(), c.pyValues(), sliced)) {
      Set<Long> polarsAddresses = longs(python.callIn(NS, "polars_addresses", frame));
      try (DataFrame imported = Floe.fromPython(frame)) {
        assertThat(imported.schema().field("c").type()).isEqualTo(throughPolars(c.type()));
        Set<Long> floeAddresses = addresses(floeBuffers(imported));
        Set<Long> shared = new HashSet<>(floeAddresses);
        shared.retainAll(polarsAddresses);
        if (c.type() instanceof DataType.Dictionary) {
          assertThat(shared).as("Polars builds a new Arrow dictionary on export").isEmpty();
        } else {
          assertThat(shared).as("Floe keeps Polars' data buffers (%s)", imported.schema()).isNotEmpty();
        }
        // and back: the values Floe holds are the expected ones
        try (PyObjectRef table = imported.toPython(PythonFrame.PYARROW);
            PyObjectRef back = python.callRefIn(NS, "pl.from_arrow", table)) {
          python.callIn(NS, "check_polars", back, c.pyType(), c.pyValues(), sliced);
        }
      }
    }
    collectGarbage();
  }
}
