package dev.floe.planner.expr;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import org.junit.jupiter.api.Test;

/** Types, checks and printing of the parsing and splitting str functions (Polars 1.44.2). */
@LeakChecked
class StringParsingResolverTest {
  private static final Schema SCHEMA =
      Schema.of(
          Field.of("s", DataType.UTF8),
          Field.of("large", DataType.LARGE_UTF8),
          Field.of("view", DataType.UTF8_VIEW),
          Field.of("n", DataType.INT64));

  private static ResolvedExpr one(Expr expr) {
    return new Resolver(SCHEMA).resolveOne(expr);
  }

  @Test
  void outputTypesFollowPolars() {
    DataType listOfStrings = DataType.ListType.of(DataType.UTF8);
    assertThat(one(col("s").str().split(",")).type()).isEqualTo(listOfStrings);
    assertThat(one(col("view").str().extractAll("\\d+")).type()).isEqualTo(listOfStrings);
    assertThat(one(col("large").str().extract("(\\d)")).type()).isEqualTo(DataType.LARGE_UTF8);
    assertThat(one(col("s").str().countMatches("a", true)).type()).isEqualTo(DataType.UINT32);
    assertThat(one(col("s").str().toInteger()).type()).isEqualTo(DataType.INT64);
    assertThat(one(col("s").str().toDecimal(2)).type())
        .isEqualTo(new DataType.Decimal128(38, 2));
    assertThat(one(col("s").str().toDate()).type()).isEqualTo(DataType.DATE32);
    assertThat(one(col("s").str().toTime()).type())
        .isEqualTo(new DataType.Time64(TimeUnit.NANOSECOND));
    assertThat(one(col("s").str().strptime(new DataType.Time64(TimeUnit.MICROSECOND), "%T"))
        .type()).isEqualTo(new DataType.Time64(TimeUnit.NANOSECOND));
    assertThat(one(col("s").str().toDatetime()).type())
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, null));
    assertThat(one(col("s").str().toDatetime("%Y-%m-%d %H:%M:%S%.9f")).type())
        .isEqualTo(new DataType.Timestamp(TimeUnit.NANOSECOND, null));
    assertThat(one(col("s").str().toDatetime("%Y-%m-%d %H:%M:%S.%3f")).type())
        .isEqualTo(new DataType.Timestamp(TimeUnit.MILLISECOND, null));
    assertThat(one(col("s").str().toDatetime("%Y-%m-%d %H:%M%z")).type())
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
    assertThat(one(col("s").str().toDatetime(StrptimeOptions.DEFAULT
        .withFormat("%Y-%m-%d %H:%M%#z").withTimeUnit(TimeUnit.MILLISECOND)
        .withTimeZone("Europe/Paris"))).type())
        .isEqualTo(new DataType.Timestamp(TimeUnit.MILLISECOND, "Europe/Paris"));
    assertThat(one(col("s").str().toDatetime("%Y-%m-%d %H:%M%%z")).type())
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, null));
  }

  @Test
  void invalidOptionsAreRejectedBeforeEvaluation() {
    assertThatThrownBy(() -> one(col("s").str().toInteger(IntegerParseOptions.DEFAULT.withBase(1))))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("base in 2..36, got 1")
        .hasMessageContaining("col(\"s\").str().toInteger(base=1)");
    assertThatThrownBy(() -> one(col("s").str().toDecimal(39)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("scale in 0..38");
    assertThatThrownBy(() -> one(col("s").str().extract("(", 1)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("invalid regular expression");
    assertThatThrownBy(() -> one(col("s").str().toDatetime(
        StrptimeOptions.DEFAULT.withFormat("%F").withTimeZone("Mars/Base"))))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("unknown time zone \"Mars/Base\"");
    assertThatThrownBy(() -> one(col("s").str().strptime(DataType.INT64, "%Y")))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("date, datetime or time, not i64");
    assertThatThrownBy(() -> one(col("n").str().split(",")))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot apply str.split() to i64 in col(\"n\").str().split(\",\")");
    // a split separator is literal text, never a regex
    assertThat(one(col("s").str().split("(")).type()).isEqualTo(DataType.ListType.of(DataType.UTF8));
  }

  @Test
  void printsPolarsLikeText() {
    assertThat(col("s").str().split(",", SplitOptions.DEFAULT.withInclusive(true)).toString())
        .isEqualTo("col(\"s\").str().split(\",\", inclusive=true)");
    assertThat(col("s").str().extract("(\\d)", 1).toString())
        .isEqualTo("col(\"s\").str().extract(\"(\\\\d)\", 1)");
    assertThat(col("s").str().toInteger(
        IntegerParseOptions.DEFAULT.withBase(16).withStrict(false)).toString())
        .isEqualTo("col(\"s\").str().toInteger(base=16, strict=false)");
    assertThat(col("s").str().toDate(
        StrptimeOptions.DEFAULT.withFormat("%d/%m/%Y").withStrict(false)).toString())
        .isEqualTo("col(\"s\").str().strptime(date, \"%d/%m/%Y\", strict=false)");
    assertThat(col("s").str().toDatetime().toString())
        .isEqualTo("col(\"s\").str().strptime(datetime[μs], null)");
  }
}
