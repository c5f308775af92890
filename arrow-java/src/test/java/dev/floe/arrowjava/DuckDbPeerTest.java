package dev.floe.arrowjava;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import dev.floe.Series;
import dev.floe.ffi.cdata.ArrowStreamExport;
import dev.floe.ffi.cdata.ArrowStructs;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DuckDB (JDBC, in-process) as a real peer: it reads Floe frames and query results through the
 * C Stream Interface, answers SQL over them, and its Arrow results come back into Floe. A
 * registered stream is read once, so each query registers a fresh one; DuckDB moves the stream
 * out of Floe's struct and releases it, after which the test frees the struct.
 */
@LeakChecked
class DuckDbPeerTest {
  private RootAllocator arrow;
  private Connection duck;

  @BeforeEach
  void open() throws SQLException {
    arrow = new RootAllocator();
    duck = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void close() throws SQLException {
    duck.close();
    arrow.close();
    assertThat(ArrowStreamExport.liveStreams()).as("DuckDB released every Floe stream").isZero();
  }

  /** {@code rows} sales: a key with 7 values and some nulls, and an int64 amount with some nulls. */
  private static DataFrame sales(int rows) {
    Object[] keys = new Object[rows];
    Object[] amounts = new Object[rows];
    for (int row = 0; row < rows; row++) {
      keys[row] = row % 50 == 7 ? null : "k" + row % 7;
      amounts[row] = row % 13 == 4 ? null : (long) row * 3 - 1_000;
    }
    return DataFrame.of(Series.of("k", DataType.UTF8, keys), Series.of("v", DataType.INT64, amounts));
  }

  /** Registers {@code stream} as table {@code name}; DuckDB takes it over when a query reads it. */
  private void register(String name, MemorySegment stream) throws SQLException {
    duck.unwrap(DuckDBConnection.class).registerArrowStream(name, ArrowArrayStream.wrap(stream.address()));
  }

  /** After DuckDB is done with {@code stream}: checks it released it, then frees the struct. */
  private static void free(MemorySegment stream) {
    ArrowArrayStream wrapped = ArrowArrayStream.wrap(stream.address());
    try {
      assertThat(wrapped.snapshot().release).as("moved out and released by DuckDB").isZero();
    } finally {
      if (wrapped.snapshot().release != 0) {
        wrapped.release();
      }
      ArrowStructs.free(stream);
    }
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>(width);
        for (int column = 1; column <= width; column++) {
          row.add(result.getObject(column));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** {@code rows} with every zoned date-time replaced by its instant. */
  private static List<List<Object>> instants(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream()
        .map(value -> value instanceof ZonedDateTime zoned ? (Object) zoned.toInstant() : value).toList()).toList();
  }

  @Test
  void sqlOverAFloeFrameAgreesWithFloesGroupBy() throws SQLException {
    try (DataFrame sales = sales(10_000);
        DataFrame expected = sales.lazy().groupBy("k").agg(col("v").sum()).sort("k").collect()) {
      MemorySegment stream = sales.exportArrowStream();
      List<List<Object>> duckRows;
      try {
        register("t", stream);
        duckRows = rows("select k, sum(v)::BIGINT as v from t group by k order by k nulls first");
      } finally {
        free(stream);
      }
      assertThat(duckRows).hasSize(8).isEqualTo(expected.rows());
    }
  }

  @Test
  void duckDbsArrowResultComesBackIntoFloe() throws SQLException {
    try (DataFrame sales = sales(10_000);
        DataFrame expected = sales.lazy().groupBy("k").agg(col("v").sum(), col("v").count().alias("n")).sort("k")
            .collect()) {
      MemorySegment stream = sales.exportArrowStream();
      try {
        register("t", stream);
        try (Statement statement = duck.createStatement();
            ResultSet result = statement.executeQuery(
                "select k, sum(v)::BIGINT as v, count(v)::UINT32 as n from t group by k order by k nulls first")) {
          ArrowReader reader = (ArrowReader) result.unwrap(DuckDBResultSet.class).arrowExportStream(arrow, 3);
          try (DataFrame fromDuck = ArrowJava.fromArrowReader(reader)) { // consumes the reader
            assertThat(fromDuck.column("k").chunks()).as("batches of 3 rows").hasSize(3);
            assertThat(fromDuck.rows()).isEqualTo(expected.rows());
            assertThat(fromDuck.schema().fields()).extracting(field -> field.type())
                .containsExactly(DataType.UTF8, DataType.INT64, DataType.UINT32);
          }
        }
      } finally {
        free(stream);
      }
    }
  }

  @Test
  void sqlOverALazyFloeQueryReadsItsResult() throws SQLException {
    try (DataFrame sales = sales(20_000)) {
      LazyFrame query = sales.lazy().filter(col("v").gt(100)).select(col("k"), col("v").mul(2).alias("twice"));
      MemorySegment stream = query.collectArrowStream();
      List<List<Object>> duckRows;
      try {
        register("q", stream);
        duckRows = rows("select k, count(*)::BIGINT as n, sum(twice)::BIGINT as s from q group by k order by k nulls first");
      } finally {
        free(stream);
      }
      try (DataFrame expected = query.groupBy("k").agg(col("twice").len().cast(DataType.INT64).alias("n"),
          col("twice").sum().alias("s")).sort("k").collect()) {
        assertThat(duckRows).isEqualTo(expected.rows());
      }
    }
  }

  @Test
  void aRegisteredStreamIsReadOnce() throws SQLException {
    try (DataFrame sales = sales(1_000)) {
      MemorySegment stream = sales.exportArrowStream();
      try {
        register("t", stream);
        assertThat(rows("select count(*) from t")).isEqualTo(List.of(List.of(1_000L)));
        assertThatThrownBy(() -> rows("select count(*) from t")).isInstanceOf(SQLException.class)
            .hasMessageContaining("This stream has been released");
      } finally {
        free(stream);
      }
    }
  }

  @Test
  void aFrameRoundTripsThroughDuckDb() throws SQLException {
    try (DataFrame source = Samples.plainTypes(0, 2_000)) {
      MemorySegment stream = source.exportArrowStream();
      try {
        register("t", stream);
        try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery("select * from t");
            DataFrame back = ArrowJava.fromArrowReader(
                (ArrowReader) result.unwrap(DuckDBResultSet.class).arrowExportStream(arrow, 4_096))) {
          // DuckDB keeps the instants but labels them with its session time zone (UTC here)
          assertThat(back.schema().field("at").type()).isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "Etc/UTC"));
          // the same types by name; DuckDB names a list's value field "l" where Floe says "item"
          assertThat(back.schema().fields()).extracting(field -> field.type().toString())
              .containsExactlyElementsOf(source.schema().fields().stream()
                  .map(field -> field.name().equals("at") ? "datetime[μs, Etc/UTC]" : field.type().toString()).toList());
          assertThat(instants(back.rows())).isEqualTo(instants(source.rows()));
        }
      } finally {
        free(stream);
      }
    }
  }
}
