"""The h2o.ai db-benchmark questions: groupby q1..q10 and join q1..q5, for Polars and DuckDB.

Each question has db-benchmark's title, a Polars query (lazy, as db-benchmark's polars solution: a
function of the LazyFrame(s) returning a LazyFrame), DuckDB's SELECT (the statement db-benchmark's duckdb
solution wraps in CREATE TABLE ans AS ...), and the measure columns of its checksum. Both engines name
the answer's columns alike, so one checksum definition serves both (and Floe's runner):
  checksum = for each measure column, the sum of its non-null, non-NaN values (integers exactly,
  floats with math.fsum, i.e. correctly rounded and independent of row order).
Join answers keep x's columns and add the right table's non-key columns (Polars suffixes "_right",
DuckDB "<table>_"); the checksum only reads v1 and v2. "medium outer on int" is a left join, as in
db-benchmark (x's rows are all kept).
"""
import polars as pl

GROUPBY = [
    ("q1", "sum v1 by id1", ["v1"],
     lambda x: x.group_by("id1").agg(pl.col("v1").sum()),
     "SELECT id1, sum(v1) AS v1 FROM x GROUP BY id1"),
    ("q2", "sum v1 by id1:id2", ["v1"],
     lambda x: x.group_by("id1", "id2").agg(pl.col("v1").sum()),
     "SELECT id1, id2, sum(v1) AS v1 FROM x GROUP BY id1, id2"),
    ("q3", "sum v1 mean v3 by id3", ["v1", "v3"],
     lambda x: x.group_by("id3").agg(pl.col("v1").sum(), pl.col("v3").mean()),
     "SELECT id3, sum(v1) AS v1, avg(v3) AS v3 FROM x GROUP BY id3"),
    ("q4", "mean v1:v3 by id4", ["v1", "v2", "v3"],
     lambda x: x.group_by("id4").agg(pl.col("v1", "v2", "v3").mean()),
     "SELECT id4, avg(v1) AS v1, avg(v2) AS v2, avg(v3) AS v3 FROM x GROUP BY id4"),
    ("q5", "sum v1:v3 by id6", ["v1", "v2", "v3"],
     lambda x: x.group_by("id6").agg(pl.col("v1", "v2", "v3").sum()),
     "SELECT id6, sum(v1) AS v1, sum(v2) AS v2, sum(v3) AS v3 FROM x GROUP BY id6"),
    ("q6", "median v3 sd v3 by id4 id5", ["median_v3", "sd_v3"],
     lambda x: x.group_by("id4", "id5").agg(pl.col("v3").median().alias("median_v3"),
                                            pl.col("v3").std().alias("sd_v3")),
     "SELECT id4, id5, quantile_cont(v3, 0.5) AS median_v3, stddev(v3) AS sd_v3 FROM x GROUP BY id4, id5"),
    ("q7", "max v1 - min v2 by id3", ["range_v1_v2"],
     lambda x: x.group_by("id3").agg((pl.col("v1").max() - pl.col("v2").min()).alias("range_v1_v2")),
     "SELECT id3, max(v1) - min(v2) AS range_v1_v2 FROM x GROUP BY id3"),
    ("q8", "largest two v3 by id6", ["largest2_v3"],
     lambda x: (x.drop_nulls("v3").sort("v3", descending=True).group_by("id6")
                .agg(pl.col("v3").head(2).alias("largest2_v3")).explode("largest2_v3")),
     "SELECT id6, v3 AS largest2_v3 FROM (SELECT id6, v3, row_number() OVER (PARTITION BY id6 ORDER BY v3 DESC)"
     " AS order_v3 FROM x WHERE v3 IS NOT NULL) sub_query WHERE order_v3 <= 2"),
    ("q9", "regression v1 v2 by id2 id4", ["r2"],
     lambda x: x.group_by("id2", "id4").agg((pl.corr("v1", "v2") ** 2).alias("r2")),
     "SELECT id2, id4, pow(corr(v1, v2), 2) AS r2 FROM x GROUP BY id2, id4"),
    ("q10", "sum v3 count by id1:id6", ["v3", "count"],
     lambda x: x.group_by("id1", "id2", "id3", "id4", "id5", "id6").agg(pl.col("v3").sum(),
                                                                        pl.len().alias("count")),
     "SELECT id1, id2, id3, id4, id5, id6, sum(v3) AS v3, count(*) AS count FROM x "
     "GROUP BY id1, id2, id3, id4, id5, id6"),
]

JOIN = [
    ("q1", "small inner on int", ["v1", "v2"],
     lambda t: t["x"].join(t["small"], on="id1"),
     "SELECT x.*, small.id4 AS small_id4, v2 FROM x JOIN small USING (id1)"),
    ("q2", "medium inner on int", ["v1", "v2"],
     lambda t: t["x"].join(t["medium"], on="id2"),
     "SELECT x.*, medium.id1 AS medium_id1, medium.id4 AS medium_id4, medium.id5 AS medium_id5, v2 "
     "FROM x JOIN medium USING (id2)"),
    ("q3", "medium outer on int", ["v1", "v2"],
     lambda t: t["x"].join(t["medium"], on="id2", how="left"),
     "SELECT x.*, medium.id1 AS medium_id1, medium.id4 AS medium_id4, medium.id5 AS medium_id5, v2 "
     "FROM x LEFT JOIN medium USING (id2)"),
    ("q4", "medium inner on factor", ["v1", "v2"],
     lambda t: t["x"].join(t["medium"], on="id5"),
     "SELECT x.*, medium.id1 AS medium_id1, medium.id2 AS medium_id2, medium.id4 AS medium_id4, v2 "
     "FROM x JOIN medium USING (id5)"),
    ("q5", "big inner on int", ["v1", "v2"],
     lambda t: t["x"].join(t["big"], on="id3"),
     "SELECT x.*, big.id1 AS big_id1, big.id2 AS big_id2, big.id4 AS big_id4, big.id5 AS big_id5, "
     "big.id6 AS big_id6, v2 FROM x JOIN big USING (id3)"),
]
