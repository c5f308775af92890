import polars as pl, datetime as dt, decimal, sys
from zoneinfo import ZoneInfo

def block(text, indent=10):
    pad = " " * indent
    out = []
    for line in text.split("\n"):
        line = line.replace("\\", "\\\\").replace("\t", "\\t").replace('"""', '\\"""')
        if line.endswith(" "):
            line = line[:-1] + "\\s"
        out.append(pad + line if line else "")
    return '"""\n' + "\n".join(out) + '"""'

cases = []
def case(name, text, java, comment=None):
    cases.append((name, text, java, comment))

# 1 long frame
df = pl.DataFrame({"a": list(range(25)), "b": [i / 3 for i in range(25)]})
case("longFrameShowsFirstAndLastFiveRows", str(df), """DataFrame.of(
            Series.ofLongs("a", LongStream.range(0, 25).toArray()),
            Series.ofDoubles("b", LongStream.range(0, 25).mapToDouble(i -> i / 3.0).toArray()))""")
# 2 wide frame
df = pl.DataFrame({f"c{i}": [i, i + 1] for i in range(12)})
case("wideFrameShowsFirstAndLastFourColumns", str(df), """wide(12, 2)""")
df = pl.DataFrame({f"c{i}": list(range(20)) for i in range(12)})
case("longAndWideFrameElidesBoth", str(df), """wideRows(12, 20)""")
# 3 nulls
df = pl.DataFrame({"i": [1, None, 3], "f": [None, 2.5, float("nan")], "s": ["x", None, "z"],
                   "b": [None, True, False], "n": [None, None, None]})
case("nullsPrintAsNull", str(df), """DataFrame.of(
            Series.of("i", 1L, null, 3L),
            Series.of("f", null, 2.5, Double.NaN),
            Series.of("s", "x", null, "z"),
            Series.of("b", null, true, false),
            Series.of("n", null, null, null))""")
# 4 unicode
df = pl.DataFrame({"text": ["日本語テキスト", "héllo wörld", "😀 emoji", "x" * 40, "ñandú ü", "Ünïcödé àccents everywhere here!!", None]})
case("unicodeWidthsAndCutStrings", str(df), """DataFrame.of(Series.of("text",
            "日本語テキスト", "héllo wörld", "😀 emoji", "x".repeat(40), "ñandú ü",
            "Ünïcödé àccents everywhere here!!", null))""")
df = pl.DataFrame({"日本語の列名": ["日本語テキスト" * 5, "short"], "emoji": ["😀😀😀", "ñandú ü"]})
case("wideCharactersWrapInsideTheirCell", str(df), """DataFrame.of(
            Series.of("日本語の列名", "日本語テキスト".repeat(5), "short"),
            Series.of("emoji", "😀😀😀", "ñandú ü"))""")
df = pl.DataFrame({f"col{i}": ["abcdefghij" * 2 + str(i)] * 3 for i in range(6)})
case("tableWiderThanHundredColumnsWrapsCells", str(df), """wrapping()""")
# 5 nested
df = pl.DataFrame({
 "l": [[1, 2, 3], [1, 2, 3, 4, 5], [], None],
 "ls": [["a", "b"], ["x" * 40], None, ["q"]],
 "st": [{"x": 1, "y": "a"}, {"x": None, "y": "b"}, None, {"x": 3, "y": None}],
 "nested": [[[1, 2], [3]], None, [[]], [[4]]],
})
case("nestedListsAndStructs", str(df), """DataFrame.of(
            Series.of("l", List.of(1L, 2L, 3L), List.of(1L, 2L, 3L, 4L, 5L), List.of(), null),
            Series.of("ls", List.of("a", "b"), List.of("x".repeat(40)), null, List.of("q")),
            Series.of("st", map("x", 1L, "y", "a"), map("x", null, "y", "b"), null, map("x", 3L, "y", null)),
            Series.of("nested", List.of(List.of(1L, 2L), List.of(3L)), null, List.of(List.of()), List.of(List.of(4L))))""")
# 6 temporal
df = pl.DataFrame({
  "d": [dt.date(2024, 1, 5), None],
  "t": [dt.time(12, 30, 5, 1000), dt.time(0, 0)],
  "dt": [dt.datetime(2024, 1, 5, 12, 30), dt.datetime(2024, 1, 5, 12, 30, 5, 123456)],
  "ny": pl.Series([dt.datetime(2024, 7, 5, 12, 30), dt.datetime(2024, 1, 5, 12, 30)]).dt.replace_time_zone("America/New_York"),
  "utc": pl.Series([dt.datetime(2024, 7, 5, 12, 30), None]).dt.replace_time_zone("UTC"),
  "du": [dt.timedelta(days=1, hours=2), dt.timedelta(milliseconds=3)],
})
case("temporalTypesWithTimeZones", str(df), """DataFrame.of(
            Series.of("d", LocalDate.of(2024, 1, 5), null),
            Series.of("t", LocalTime.of(12, 30, 5, 1_000_000), LocalTime.MIDNIGHT),
            Series.of("dt", LocalDateTime.of(2024, 1, 5, 12, 30), LocalDateTime.of(2024, 1, 5, 12, 30, 5, 123_456_000)),
            Series.of("ny", ZonedDateTime.of(2024, 7, 5, 12, 30, 0, 0, NEW_YORK), ZonedDateTime.of(2024, 1, 5, 12, 30, 0, 0, NEW_YORK)),
            Series.of("utc", new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"), ZonedDateTime.of(2024, 7, 5, 12, 30, 0, 0, ZoneOffset.UTC), null),
            Series.of("du", Duration.ofHours(26), Duration.ofMillis(3)))""")
df = pl.DataFrame({"d": [dt.date(2024, 1, 5)], "t": [dt.time(12, 30, 5, 1000)], "dt": [dt.datetime(2024, 1, 5, 12, 30)],
   "ny": pl.Series([dt.datetime(2024, 7, 5, 12, 30)]).dt.replace_time_zone("America/New_York"),
   "ms": pl.Series([dt.datetime(2024, 1, 5, 12, 30, 1, 500000)]).cast(pl.Datetime("ms")),
   "ns": pl.Series([dt.datetime(2024, 1, 5, 12, 30, 1, 500000)]).cast(pl.Datetime("ns", "Asia/Kolkata")),
   "du": [dt.timedelta(hours=5, minutes=3)],
   "dec": [decimal.Decimal("12.345")],
   "bin": [b"hello world"], "b": [True]})
case("manyTypesWrapWithinTheDefaultWidth", str(df), """DataFrame.of(
            Series.of("d", LocalDate.of(2024, 1, 5)),
            Series.of("t", LocalTime.of(12, 30, 5, 1_000_000)),
            Series.of("dt", LocalDateTime.of(2024, 1, 5, 12, 30)),
            Series.of("ny", ZonedDateTime.of(2024, 7, 5, 12, 30, 0, 0, NEW_YORK)),
            Series.of("ms", new DataType.Timestamp(TimeUnit.MILLISECOND, null), LocalDateTime.of(2024, 1, 5, 12, 30, 1, 500_000_000)),
            Series.of("ns", new DataType.Timestamp(TimeUnit.NANOSECOND, "Asia/Kolkata"),
                LocalDateTime.of(2024, 1, 5, 12, 30, 1, 500_000_000).atZone(ZoneOffset.UTC)),
            Series.of("du", Duration.ofMinutes(303)),
            Series.of("dec", new BigDecimal("12.345")),
            Series.of("bin", (Object) "hello world".getBytes(StandardCharsets.UTF_8)),
            Series.of("b", true))""")
# empty
case("frameWithoutColumns", str(pl.DataFrame()), "DataFrame.empty()")
df = pl.DataFrame({"a": [], "b": []}, schema={"a": pl.Int64, "b": pl.String})
case("frameWithoutRows", str(df), """DataFrame.of(Series.of("a", DataType.INT64), Series.of("b", DataType.UTF8))""")
# describe
df = pl.DataFrame({"a": [1, 2, 3, None, 5], "b": [1.5, None, 2.5, 3.5, 10.0], "c": ["x", "y", None, "z", "w"],
                   "d": [True, False, None, True, True], "e": [dt.date(2024, 1, i) for i in range(1, 6)]})
case("describeMatchesPolars", str(df.describe()), "describeInput()", "describe")
case("glimpseMatchesPolars", df.glimpse(return_type="string"), "describeInput()", "glimpse")
df2 = pl.DataFrame({"a": list(range(1, 12))})
case("describeUsesNearestRankPercentiles", str(df2.describe()), """DataFrame.of(Series.ofLongs("a", LongStream.rangeClosed(1, 11).toArray()))""", "describe")
df3 = pl.DataFrame({"one": [1.0, None], "nan": [float('nan'), 1.0], "t": [dt.time(1, 0), dt.time(2, 0, 0, 5)],
  "du": [dt.timedelta(hours=1), dt.timedelta(hours=2, microseconds=1)],
  "tz": pl.Series([dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 2, 1)]).dt.replace_time_zone("Europe/Amsterdam"),
  "n": [None, None], "l": [[1], [2, 3]], "b": [b"a", b"b"], "s": ["ä", "z"],
  "u": pl.Series([1, 2**64 - 1], dtype=pl.UInt64), "dec": [decimal.Decimal("1.5"), None], "bo": [True, None]})
case("describeOfEveryKindOfColumnWraps", str(df3.describe(percentiles=None)), "describeKinds()", "describeNone")
print("/* generated */")
for name, text, java, comment in cases:
    print("=====", name, comment or "")
    print(java)
    print("-----")
    print(block(text))
