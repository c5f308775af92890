package dev.floe.kernels.temporal;

import dev.floe.kernels.temporal.ChronoItem.Field;
import dev.floe.kernels.temporal.ChronoItem.Fixed;
import dev.floe.kernels.temporal.ChronoItem.Kind;
import dev.floe.kernels.temporal.ChronoItem.Literal;
import dev.floe.kernels.temporal.ChronoItem.Numeric;
import dev.floe.kernels.temporal.ChronoItem.Space;
import java.util.List;

/**
 * chrono's relaxed RFC 3339 parsing of {@code %+}: {@code %Y-%m-%d}, then {@code T}, {@code t}
 * or a space, {@code %H:%M:%S%.f}, optional whitespace and an offset ({@code Z}, {@code UTC} or
 * {@code ±hh[:]mm}).
 */
final class ChronoRfc3339 {
  private ChronoRfc3339() {}

  private static final List<ChronoItem> DATE = List.of(
      new Numeric(Field.YEAR, 4, true), new Space(), new Literal("-"),
      new Numeric(Field.MONTH, 2, false), new Space(), new Literal("-"),
      new Numeric(Field.DAY, 2, false));
  private static final List<ChronoItem> TIME = List.of(
      new Numeric(Field.HOUR, 2, false), new Space(), new Literal(":"),
      new Numeric(Field.MINUTE, 2, false), new Space(), new Literal(":"),
      new Numeric(Field.SECOND, 2, false), new Fixed(Kind.FRACTION), new Space());

  static boolean parse(ChronoParser parser) {
    if (!parser.runItems(DATE)) {
      return false;
    }
    String s = parser.text();
    int pos = parser.position();
    if (pos >= s.length() || "Tt ".indexOf(s.charAt(pos)) < 0) {
      return false;
    }
    parser.position(pos + 1);
    if (!parser.runItems(TIME)) {
      return false;
    }
    long offset = ChronoOffsets.scan(parser, true, false);
    return offset != ChronoParsed.NONE && parser.parsed().setOffset(offset);
  }
}
