package dev.floe.io.scan;

import static dev.floe.io.scan.ScanPredicate.and;
import static dev.floe.io.scan.ScanPredicate.eq;
import static dev.floe.io.scan.ScanPredicate.ge;
import static dev.floe.io.scan.ScanPredicate.gt;
import static dev.floe.io.scan.ScanPredicate.in;
import static dev.floe.io.scan.ScanPredicate.isNotNull;
import static dev.floe.io.scan.ScanPredicate.isNull;
import static dev.floe.io.scan.ScanPredicate.le;
import static dev.floe.io.scan.ScanPredicate.lt;
import static dev.floe.io.scan.ScanPredicate.ne;
import static dev.floe.io.scan.ScanPredicate.not;
import static dev.floe.io.scan.ScanPredicate.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Construction, validation, column listing and printing of scan predicates. */
@LeakChecked
class ScanPredicateTest {
  @Test
  void factoriesBuildTheRecords() {
    assertThat(gt("a", 5L)).isEqualTo(new ScanPredicate.Compare("a", ScanPredicate.Op.GT, 5L));
    assertThat(List.of(eq("a", 1), ne("a", 1), lt("a", 1), le("a", 1), gt("a", 1), ge("a", 1)))
        .extracting(p -> ((ScanPredicate.Compare) p).op())
        .containsExactly(ScanPredicate.Op.values());
    assertThat(isNull("a")).isEqualTo(new ScanPredicate.IsNull("a"));
    assertThat(not(isNotNull("a"))).isEqualTo(new ScanPredicate.Not(new ScanPredicate.IsNotNull("a")));
    assertThat(in("a", List.of(1L, 2L))).isEqualTo(new ScanPredicate.In("a", List.of(1L, 2L)));
    assertThat(and(isNull("a"), isNull("b"))).isInstanceOf(ScanPredicate.And.class);
    assertThat(or(isNull("a"))).isEqualTo(new ScanPredicate.Or(List.of(isNull("a"))));
  }

  @Test
  void acceptsEveryDocumentedLiteralType() {
    List<Object> literals = List.of(1L, 1, (short) 1, (byte) 1, 1.5, 1.5f, new BigDecimal("1.50"),
        "x", true, LocalDate.of(2024, 1, 2), LocalDateTime.of(2024, 1, 2, 3, 4), Instant.EPOCH,
        LocalTime.NOON);
    for (Object literal : literals) {
      assertThat(((ScanPredicate.Compare) eq("c", literal)).literal()).isEqualTo(literal);
    }
    assertThat(in("c", literals).columns()).containsExactly("c");
  }

  @Test
  void rejectsNullAndUnsupportedLiteralsNamingColumnAndValue() {
    UUID id = new UUID(1, 2);
    assertThatThrownBy(() -> eq("when", id)).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("'when'").hasMessageContaining(id.toString());
    assertThatThrownBy(() -> lt("a", null)).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("'a'").hasMessageContaining("isNull");
    assertThatThrownBy(() -> in("b", Arrays.asList(1L, null))).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("'b'");
  }

  @Test
  void listsColumnsInOrderOfFirstMention() {
    ScanPredicate predicate = or(and(gt("b", 1L), isNull("a")), not(in("b", List.of(2L))),
        isNotNull("c"));
    assertThat(predicate.columns()).containsExactly("b", "a", "c");
    assertThat(and().columns()).isEmpty();
  }

  @Test
  void printsLikePolars() {
    assertThat(gt("a", 5L)).hasToString("[(col(\"a\")) > (5)]");
    assertThat(eq("s", "x")).hasToString("[(col(\"s\")) == (\"x\")]");
    assertThat(and(ge("a", 1), le("a", 2)))
        .hasToString("[([(col(\"a\")) >= (1)]) & ([(col(\"a\")) <= (2)])]");
    assertThat(or(isNull("a"), ne("b", true)))
        .hasToString("[(col(\"a\").is_null()) | ([(col(\"b\")) != (true)])]");
    assertThat(not(isNotNull("a"))).hasToString("col(\"a\").is_not_null().not()");
    assertThat(in("a", List.of(1L, "z"))).hasToString("col(\"a\").is_in([1, \"z\"])");
    assertThat(and()).hasToString("true");
    assertThat(or()).hasToString("false");
  }
}
