import os
import polars as pl, datetime as dt, decimal
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "frame_goldens.py")).read().split("cases = []")[0])
out = []
def emit(name, text, java, scope, call="frame.toString()"):
    out.append(f"""  @Test
  void {name}() {{
    try (DataFrame frame = {java};
        FloeConfig.Scope scope = {scope}) {{
      assertThat({call}).isEqualTo({block(text)});
    }}
  }}
""")
df = pl.DataFrame({"a": list(range(7))})
with pl.Config(tbl_rows=5):
    emit("tblRowsFiveShowsThreeThenTwo", str(df), 'DataFrame.of(Series.ofLongs("a", 0, 1, 2, 3, 4, 5, 6))', "Floe.config().withTblRows(5).apply()")
df = pl.DataFrame({f"c{i}": [i] for i in range(7)})
with pl.Config(tbl_cols=5):
    emit("tblColsFiveShowsThreeThenTwo", str(df), 'FrameDisplayGoldenTest.wide(7, 1)', "Floe.config().withTblCols(5).apply()")
df = pl.DataFrame({"s": ["abcdefghijklmnop", "short"], "l": [[1, 2, 3, 4, 5, 6], [1]]})
with pl.Config(fmt_str_lengths=10, fmt_table_cell_list_len=5):
    emit("strLenAndListLen", str(df), 'DataFrame.of(Series.of("s", "abcdefghijklmnop", "short"), Series.of("l", List.of(1L, 2L, 3L, 4L, 5L, 6L), List.of(1L)))', "Floe.config().withStrLen(10).withListLen(5).apply()")
df = pl.DataFrame({"a": ["hello world, this is long"] * 2, "b": ["another fairly long text"] * 2})
with pl.Config(tbl_width_chars=30):
    emit("narrowTableWidthWrapsAtSpaces", str(df), 'DataFrame.of(Series.of("a", "hello world, this is long", "hello world, this is long"), Series.of("b", "another fairly long text", "another fairly long text"))', "Floe.config().withTblWidth(30).apply()")
df = pl.DataFrame({"a": list(range(30))})
with pl.Config(tbl_rows=-1):
    emit("negativeTblRowsShowsAll", str(df), 'DataFrame.of(Series.ofLongs("a", LongStream.range(0, 30).toArray()))', "Floe.config().withTblRows(-1).apply()")
with pl.Config(tbl_rows=4):
    emit("seriesFollowsTblRows", str(pl.Series("a", list(range(30)))), 'DataFrame.of(Series.ofLongs("a", LongStream.range(0, 30).toArray()))', "Floe.config().withTblRows(4).apply()", 'frame.column("a").toString()')
df = pl.DataFrame({"d":[dt.date(2024,1,5), None], "t":[dt.time(12,30,5,1000), None], "dt":[dt.datetime(2024,1,5,12,30), None],
   "ny": pl.Series([dt.datetime(2024,7,5,12,30), None]).dt.replace_time_zone("America/New_York"),
   "du": [dt.timedelta(days=1,hours=5, minutes=3), dt.timedelta(seconds=-5)],
   "dec": [decimal.Decimal("12.345"), None],
   "bin": [b"it's", None], "b": [True, False], "f":[1e-7, 1e16], "s":["it's \"q\"\n", "plain"], "l":[[1,None], None],
   "st":[{"x":1,"y":"a"}, None], "ld": [[dt.date(2024,1,5)], []],
   "a_very_long_column_name_that_goes_on_and_on_and_on_forever_and_ever": [1, 2]})
emit("glimpseOfEveryType", df.glimpse(return_type="string"), "glimpseInput()", "Floe.config().withTblRows(10).apply()", "frame.glimpse()")
print("\n".join(out))
