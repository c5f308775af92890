#!/usr/bin/env python3
"""TPC-H lineitem for the I/O benchmarks: its Polars schema and the conversion of the CSV.

  python scripts/lineitem.py convert DIR   DIR/lineitem.csv -> lineitem.parquet, lineitem.arrow
  python scripts/lineitem.py types DIR     Polars' inferred types next to the TPC-H ones

The schema is the one Polars' TPC-H benchmarks use (https://github.com/pola-rs/tpch): keys and
line numbers Int64, quantity and amounts Float64, dates Date, the rest String. Polars' inference
differs (l_quantity is written as an integer and infers Int64; dates stay String unless
try_parse_dates), so both engines read the CSV with this explicit schema; Floe's copy is
dev.floe.jmh.lineitem.IoSideBySide.SCHEMA. The Parquet (zstd) and uncompressed IPC files are
written by Polars with its defaults from the CSV read with this schema, so both engines read the
same bytes. scripts/lineitem.sh calls this after generating the CSV.
"""
import sys
from pathlib import Path


def schema():
    import polars as pl

    types = [
        ("l_orderkey", pl.Int64), ("l_partkey", pl.Int64), ("l_suppkey", pl.Int64),
        ("l_linenumber", pl.Int64), ("l_quantity", pl.Float64), ("l_extendedprice", pl.Float64),
        ("l_discount", pl.Float64), ("l_tax", pl.Float64), ("l_returnflag", pl.String),
        ("l_linestatus", pl.String), ("l_shipdate", pl.Date), ("l_commitdate", pl.Date),
        ("l_receiptdate", pl.Date), ("l_shipinstruct", pl.String), ("l_shipmode", pl.String),
        ("l_comment", pl.String),
    ]
    return pl.Schema(types)


# The two columns of the projected Parquet scan (IoSideBySide.PROJECTION in Floe).
PROJECTION = ["l_quantity", "l_extendedprice"]


def read_csv(path: Path):
    import polars as pl

    return pl.read_csv(path, schema=schema())


def check(frame) -> str:
    """rows:sum(l_quantity), the check string Floe's IoSideBySide prints for a read."""
    return f"{frame.height}:{frame['l_quantity'].sum():.1f}"


def types(directory: Path):
    import polars as pl

    inferred = pl.read_csv(directory / "lineitem.csv", n_rows=10_000).schema
    for name, wanted in schema().items():
        mark = "" if inferred[name] == wanted else "   <- differs, explicit schema used"
        print(f"{name:16} inferred {str(inferred[name]):8} TPC-H {str(wanted):8}{mark}")


def convert(directory: Path):
    import polars as pl

    frame = read_csv(directory / "lineitem.csv")
    for target, write in (
        ("lineitem.parquet", lambda path: frame.write_parquet(path)),  # zstd, Polars defaults
        ("lineitem.arrow", lambda path: frame.write_ipc(path, compression="uncompressed")),
    ):
        final = directory / target
        if final.exists():
            continue
        partial = directory / (target + ".partial")
        write(partial)
        partial.rename(final)
        print(f"{final}: {final.stat().st_size:,} bytes (polars {pl.__version__})", file=sys.stderr)
    types(directory)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("convert", "types"):
        print(__doc__, file=sys.stderr)
        return 2
    {"convert": convert, "types": types}[sys.argv[1]](Path(sys.argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
