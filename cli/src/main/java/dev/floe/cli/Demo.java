package dev.floe.cli;

import dev.floe.DataFrame;
import dev.floe.Series;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** {@code ./floe demo}: a first look at Floe's eager DataFrame. */
final class Demo {
  private Demo() {}

  static void run(PrintStream out) {
    try (DataFrame frame = sample();
        DataFrame slice = frame.slice(1, 3);
        DataFrame selection = frame.select("name", "score", "joined");
        DataFrame summary = frame.describe()) {
      out.println("A frame of several types with nulls:");
      out.println(frame);
      out.println();
      out.println("frame.slice(1, 3):");
      out.println(slice);
      out.println();
      out.println("frame.select(\"name\", \"score\", \"joined\"):");
      out.println(selection);
      out.println();
      out.println("frame.describe():");
      out.println(summary);
      out.println();
      out.println("frame.glimpse():");
      out.println(frame.glimpse());
    }
  }

  /** Six rows: integers, strings (one null, one non-ASCII), floats, booleans, dates, lists. */
  private static final ZoneId UTC = ZoneId.of("UTC");

  static DataFrame sample() {
    return DataFrame.of(
        Series.of("id", 1L, 2L, 3L, 4L, 5L, 6L),
        Series.of("name", "Ada", "Grace", null, "Edsger", "Barbara", "Zoë"),
        Series.of("score", 91.5, null, 77.25, 88.0, 64.5, null),
        Series.of("active", true, false, true, null, true, false),
        Series.of(
            "joined",
            LocalDate.of(2021, 3, 14),
            LocalDate.of(2020, 1, 2),
            null,
            LocalDate.of(2023, 7, 1),
            LocalDate.of(2019, 11, 30),
            LocalDate.of(2024, 2, 29)),
        Series.of(
            "last_seen",
            ZonedDateTime.of(2026, 11, 20, 9, 30, 0, 0, UTC),
            null,
            ZonedDateTime.of(2026, 11, 21, 17, 5, 12, 0, UTC),
            ZonedDateTime.of(2026, 10, 2, 8, 0, 0, 0, UTC),
            ZonedDateTime.of(2026, 11, 23, 23, 59, 59, 0, UTC),
            ZonedDateTime.of(2026, 9, 15, 12, 0, 0, 0, UTC)),
        Series.of(
            "tags",
            List.of("math", "engines"),
            List.of("navy"),
            null,
            List.of(),
            List.of("lisp", "ml", "vision"),
            List.of("dataframes")));
  }
}
