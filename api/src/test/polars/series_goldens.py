import os
import polars as pl, datetime as dt, decimal
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "frame_goldens.py")).read().split("cases = []")[0])
cases = []
def case(name, s, java):
    cases.append((name, str(s), java))
case("integersWithNull", pl.Series("a", [1, None, 3]), 'Series.of("a", 1L, null, 3L)')
case("emptySeries", pl.Series("e", [], dtype=pl.Int64), 'Series.of("e", DataType.INT64)')
case("allNullSeriesHasNullType", pl.Series("n", [None, None]), 'Series.ofList("n", Arrays.asList(null, null))')
case("stringsAreQuotedAndCut", pl.Series("s", ["x" * 40, "ab", None, "日本語テキスト" * 5]), 'Series.of("s", "x".repeat(40), "ab", null, "日本語テキスト".repeat(5))')
case("longSeriesShowsFirstAndLastFive", pl.Series("big", list(range(1000000, 1000015))), 'Series.ofLongs("big", LongStream.range(1_000_000, 1_000_015).toArray())')
case("lengthHasDigitGroups", pl.Series("a", [1] * 1234), 'Series.ofLongs("a", LongStream.generate(() -> 1).limit(1234).toArray())')
case("floats", pl.Series("f", [1.0, 0.1, 1e-7, 1e7, 123456.789, float("nan"), float("inf"), -0.0, None, 1 / 3]), 'Series.of("f", 1.0, 0.1, 1e-7, 1e7, 123456.789, Double.NaN, Double.POSITIVE_INFINITY, -0.0, null, 1 / 3.0)')
case("float32WidensLikePolars", pl.Series("f32", [1.5, 0.1, 1e-7, 3.3333], dtype=pl.Float32), 'Series.of("f32", 1.5f, 0.1f, 1e-7f, 3.3333f)')
case("dates", pl.Series("d", [dt.date(2024, 1, 5), None]), 'Series.of("d", LocalDate.of(2024, 1, 5), null)')
case("times", pl.Series("t", [dt.time(12, 30, 5), dt.time(1, 2, 3, 456789), dt.time(0, 0)]), 'Series.of("t", LocalTime.of(12, 30, 5), LocalTime.of(1, 2, 3, 456_789_000), LocalTime.MIDNIGHT)')
case("datetimes", pl.Series("dt", [dt.datetime(2024, 1, 5, 12, 30), dt.datetime(2024, 1, 5, 12, 30, 5, 123456), dt.datetime(2024, 1, 5)]), 'Series.of("dt", LocalDateTime.of(2024, 1, 5, 12, 30), LocalDateTime.of(2024, 1, 5, 12, 30, 5, 123_456_000), LocalDateTime.of(2024, 1, 5, 0, 0))')
case("datetimesInAmsterdam", pl.Series("dtz", [dt.datetime(2024, 1, 5, 12, 30), dt.datetime(2024, 7, 5, 12, 30)]).dt.replace_time_zone("UTC").dt.convert_time_zone("Europe/Amsterdam"), 'Series.of("dtz", ZonedDateTime.of(2024, 1, 5, 13, 30, 0, 0, AMSTERDAM), ZonedDateTime.of(2024, 7, 5, 14, 30, 0, 0, AMSTERDAM))')
case("durations", pl.Series("du", [dt.timedelta(days=1, hours=2), dt.timedelta(milliseconds=3), dt.timedelta(0), dt.timedelta(seconds=-5), dt.timedelta(days=-1, seconds=3), dt.timedelta(microseconds=1500), dt.timedelta(seconds=61, microseconds=1)]),
     'Series.of("du", Duration.ofHours(26), Duration.ofMillis(3), Duration.ZERO, Duration.ofSeconds(-5), Duration.ofDays(-1).plusSeconds(3), Duration.ofNanos(1_500_000), Duration.ofSeconds(61).plusNanos(1_000))')
case("lists", pl.Series("l", [[1, 2, 3], [1, 2, 3, 4, 5], [], None, [None, 1]]), 'Series.of("l", List.of(1L, 2L, 3L), List.of(1L, 2L, 3L, 4L, 5L), List.of(), null, Arrays.asList(null, 1L))')
case("listsOfStringsAreNotCut", pl.Series("ls", [["a", "b"], ["x" * 40]]), 'Series.of("ls", List.of("a", "b"), List.of("x".repeat(40)))')
case("structs", pl.Series("st", [{"x": 1, "y": "a"}, {"x": None, "y": "b"}, None]), 'Series.of("st", FrameDisplayGoldenTest.map("x", 1L, "y", "a"), FrameDisplayGoldenTest.map("x", null, "y", "b"), null)')
case("decimals", pl.Series("dec", [decimal.Decimal("1.50"), decimal.Decimal("-2.25"), None]), 'Series.of("dec", new BigDecimal("1.50"), new BigDecimal("-2.25"), null)')
case("binaries", pl.Series("b", [b"abc", b"\x00\xff hi", None]), 'Series.of("b", new byte[] {\'a\', \'b\', \'c\'}, new byte[] {0, (byte) 0xff, \' \', \'h\', \'i\'}, null)')
case("booleans", pl.Series("bool", [True, False, None]), 'Series.of("bool", true, false, null)')
case("unsigned", pl.Series("u", [1, 255], dtype=pl.UInt8), 'Series.of("u", DataType.UINT8, 1, 255)')
for name, text, java in cases:
    print(f"""  @Test
  void {name}() {{
    try (Series series = {java}) {{
      assertThat(series.toString()).isEqualTo({block(text)});
    }}
  }}
""")
