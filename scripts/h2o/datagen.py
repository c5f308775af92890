#!/usr/bin/env python3
"""The h2o.ai db-benchmark datasets (groupby G1_*, join J1_*) as Parquet, deterministically, with numpy.

The distributions and schemas follow db-benchmark's _data/groupby-datagen.R and _data/join-datagen.R;
the values are not R's (numpy's PCG64 with seed 108, not R's Mersenne Twister), so checksums of answers
hold for the files written here, not for the published h2o files.

groupby  G1_{rows}_{k}_{nas}_{sort}, N rows, K groups:
  id1, id2  string "id%03d" of 1..K        id3  string "id%010d" of 1..N/K   (uniform, with replacement)
  id4, id5  int32 1..K                     id6  int32 1..N/K
  v1 int32 1..5, v2 int32 1..15, v3 float64 uniform(0, 100) rounded to 6 decimals
  --nas P: in every column, P% of the rows (chosen without replacement, per column) are null.
  --sort 1: rows sorted by id1..id6, nulls first (data.table's setkey; strings in byte order).
join  J1_{rows}_NA_0_0 (x) and its right-hand tables small / medium / big, N/1e6, N/1e3 and N rows:
  Each key domain of n values is a permutation of 1..1.1n split into common (0.9n), left-only (0.1n)
  and right-only (0.1n) keys. x draws id1/id2/id3 from common+left of the 1e1/1e4/1e7-scaled domains
  (every key at least once, the rest uniform, shuffled); the right tables draw from common+right, and
  the key they are joined on (small id1, medium id2, big id3) is a permutation (unique).
  id4/id5/id6 are the strings "id" + id1/id2/id3; v1 (x) and v2 (right tables) uniform(0, 100), 6 decimals.
  Columns: x id1..id6 v1; small id1 id4 v2; medium id1 id2 id4 id5 v2; big id1..id6 v2.
  Scaling down (--rows below 1e7): each key domain keeps at least 10 values (small has 10 rows).

Files are cached: NAME.parquet is remade only when NAME.params.json (the generator's parameters) is
missing or different. --csv also writes NAME.csv (header, nulls as empty fields, like fwrite).

Usage (from the repository root; see scripts/h2o/README.md):
  $(scripts/python-env.sh) scripts/h2o/datagen.py --task groupby --rows 1e7 --k 1e2 [--nas 0] [--sort 0]
  $(scripts/python-env.sh) scripts/h2o/datagen.py --task join --rows 1e7 [--dir target/h2o] [--csv]
Prints the paths of the files.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

SEED = 108
VERSION = 1  # bump when the generated values change, so cached files are remade
DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "target" / "h2o"


def pretty_sci(x: int) -> str:
    """1e7 for 10000000, 2e5 for 200000 (as db-benchmark names its files)."""
    exponent = 0
    while x >= 10 and x % 10 == 0:
        x //= 10
        exponent += 1
    return f"{x}e{exponent}"


def parse_count(text: str) -> int:
    value = float(text)
    if value != int(value) or value < 1:
        raise argparse.ArgumentTypeError(f"not a positive integer: {text}")
    return int(value)


def id_strings(numbers: np.ndarray, width: int = 0) -> pa.Array:
    """'id' + number, zero-padded to width digits ('id%0{width}d')."""
    text = pc.cast(pa.array(numbers), pa.string())
    if width:
        text = pc.utf8_lpad(text, width=width, padding="0")
    return pc.binary_join_element_wise("id", text, "")


def sample_strings(rng, n_values: int, size: int, width: int) -> pa.Array:
    """size draws (with replacement) of 'id%0{width}d' % 1..n_values."""
    dictionary = id_strings(np.arange(1, n_values + 1, dtype=np.int64), width)
    return pc.take(dictionary, pa.array(rng.integers(0, n_values, size, dtype=np.int64)))


def rounded_uniform(rng, size: int) -> np.ndarray:
    return np.round(rng.random(size) * 100.0, 6)


def groupby_table(rows: int, k: int, nas: int, sort: int) -> pa.Table:
    rng = np.random.default_rng(SEED)
    small = max(1, rows // k)
    columns = {
        "id1": sample_strings(rng, k, rows, 3),
        "id2": sample_strings(rng, k, rows, 3),
        "id3": sample_strings(rng, small, rows, 10),
        "id4": pa.array(rng.integers(1, k + 1, rows, dtype=np.int32)),
        "id5": pa.array(rng.integers(1, k + 1, rows, dtype=np.int32)),
        "id6": pa.array(rng.integers(1, small + 1, rows, dtype=np.int32)),
        "v1": pa.array(rng.integers(1, 6, rows, dtype=np.int32)),
        "v2": pa.array(rng.integers(1, 16, rows, dtype=np.int32)),
        "v3": pa.array(rounded_uniform(rng, rows)),
    }
    if nas > 0:
        n_nulls = rows * nas // 100
        for name, values in columns.items():
            mask = np.zeros(rows, dtype=bool)
            mask[rng.choice(rows, n_nulls, replace=False)] = True
            columns[name] = pc.if_else(pa.array(mask), pa.scalar(None, values.type), values)
    table = pa.table(columns)
    if sort:
        table = table.sort_by([(f"id{i}", "ascending", "at_start") for i in range(1, 7)])
    return table


def split_keys(rng, n: int):
    """(common, left-only, right-only) keys: a permutation of 1..1.1n cut 0.9n / 0.1n / 0.1n."""
    tenth = n // 10
    key = rng.permutation(np.arange(1, n + tenth + 1, dtype=np.int32))
    return key[: n - tenth], key[n - tenth: n], key[n:]


def sample_all(rng, keys: np.ndarray, size: int) -> np.ndarray:
    """size draws from keys with every key present at least once, shuffled."""
    assert len(keys) <= size
    drawn = np.concatenate([keys, keys[rng.integers(0, len(keys), size - len(keys))]])
    return rng.permutation(drawn)


def join_tables(rows: int) -> dict:
    """{'x': ..., 'small': ..., 'medium': ..., 'big': ...}: Arrow tables with db-benchmark's columns."""
    rng = np.random.default_rng(SEED)
    sizes = [max(10, rows // 1_000_000), max(10, rows // 1_000), rows]
    keys = [split_keys(rng, n) for n in sizes]
    left = [np.concatenate([common, only_left]) for common, only_left, _ in keys]
    right = [np.concatenate([common, only_right]) for common, _, only_right in keys]
    x = {f"id{i + 1}": sample_all(rng, left[i], rows) for i in range(3)}
    x["v1"] = rounded_uniform(rng, rows)
    small = {"id1": sample_all(rng, right[0], sizes[0]), "v2": rounded_uniform(rng, sizes[0])}
    medium = {"id1": sample_all(rng, right[0], sizes[1]), "id2": sample_all(rng, right[1], sizes[1])}
    medium["v2"] = rounded_uniform(rng, sizes[1])
    big = {f"id{i + 1}": sample_all(rng, right[i], sizes[2]) for i in range(3)}
    big["v2"] = rounded_uniform(rng, sizes[2])
    return {name: with_string_keys(columns) for name, columns in
            [("x", x), ("small", small), ("medium", medium), ("big", big)]}


def with_string_keys(columns: dict) -> pa.Table:
    """Adds id4/id5/id6 = 'id' + id1/id2/id3 and orders the columns ids first, values last."""
    out = {name: pa.array(values) for name, values in columns.items() if name.startswith("id")}
    for i in (1, 2, 3):
        if f"id{i}" in columns:
            out[f"id{i + 3}"] = id_strings(columns[f"id{i}"])
    out = dict(sorted(out.items(), key=lambda item: int(item[0][2:])))
    for name in ("v1", "v2"):
        if name in columns:
            out[name] = pa.array(columns[name])
    return pa.table(out)


def groupby_name(rows, k, nas=0, sort=0) -> str:
    return f"G1_{pretty_sci(rows)}_{pretty_sci(k)}_{nas}_{sort}"


def join_names(rows) -> dict:
    """{'x': 'J1_1e7_NA_0_0', 'small': 'J1_1e7_1e1_0_0', ...}, named after each table's row count."""
    sizes = {"small": max(10, rows // 1_000_000), "medium": max(10, rows // 1_000), "big": rows}
    names = {"x": f"J1_{pretty_sci(rows)}_NA_0_0"}
    names.update({role: f"J1_{pretty_sci(rows)}_{pretty_sci(n)}_0_0" for role, n in sizes.items()})
    return names


def cached(directory: Path, name: str, params: dict, csv: bool) -> bool:
    stamp = directory / f"{name}.params.json"
    files = [directory / f"{name}.parquet"] + ([directory / f"{name}.csv"] if csv else [])
    return all(f.exists() for f in files) and stamp.exists() and json.loads(stamp.read_text()) == params


def write(directory: Path, name: str, table: pa.Table, params: dict, csv: bool):
    directory.mkdir(parents=True, exist_ok=True)
    stamp = directory / f"{name}.params.json"
    stamp.unlink(missing_ok=True)
    pq.write_table(table, directory / f"{name}.parquet", compression="zstd")
    if csv:
        with open(directory / f"{name}.csv", "wb") as out:
            out.write((",".join(table.column_names) + "\n").encode())
            pacsv.write_csv(table, out, pacsv.WriteOptions(include_header=False, quoting_style="none"))
    stamp.write_text(json.dumps(params, indent=1) + "\n")


def ensure_groupby(directory: Path, rows: int, k: int, nas: int = 0, sort: int = 0, csv=False) -> Path:
    """The groupby file's path, generated unless cached."""
    name = groupby_name(rows, k, nas, sort)
    params = {"task": "groupby", "rows": rows, "k": k, "nas": nas, "sort": sort, "seed": SEED,
              "version": VERSION, "numpy": np.__version__}
    if not cached(directory, name, params, csv):
        start = time.perf_counter()
        write(directory, name, groupby_table(rows, k, nas, sort), params, csv)
        print(f"datagen: wrote {name} in {time.perf_counter() - start:.1f}s", file=sys.stderr)
    return directory / f"{name}.parquet"


def ensure_join(directory: Path, rows: int, csv=False) -> dict:
    """{'x': path, 'small': path, 'medium': path, 'big': path}, generated unless all are cached."""
    names = join_names(rows)
    params = {"task": "join", "rows": rows, "seed": SEED, "version": VERSION, "numpy": np.__version__}
    if not all(cached(directory, name, params, csv) for name in names.values()):
        start = time.perf_counter()
        for role, table in join_tables(rows).items():
            write(directory, names[role], table, params, csv)
        print(f"datagen: wrote {names['x']} and its small/medium/big in {time.perf_counter() - start:.1f}s",
              file=sys.stderr)
    return {role: directory / f"{name}.parquet" for role, name in names.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--task", choices=["groupby", "join", "all"], default="all")
    parser.add_argument("--rows", type=parse_count, default=10_000_000, help="N, e.g. 1e7 or 1e5")
    parser.add_argument("--k", default="1e2", help="groupby K, comma-separated (e.g. 1e2,1e5,1e7)")
    parser.add_argument("--nas", type=int, default=0, choices=range(0, 101), metavar="0..100",
                        help="groupby: percent of nulls per column")
    parser.add_argument("--sort", type=int, default=0, choices=[0, 1], help="groupby: sort by id1..id6")
    parser.add_argument("--csv", action="store_true", help="also write CSV files")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="output directory (target/h2o)")
    args = parser.parse_args()
    if args.task in ("groupby", "all"):
        for k in args.k.split(","):
            print(ensure_groupby(args.dir, args.rows, parse_count(k), args.nas, args.sort, args.csv))
    if args.task in ("join", "all"):
        if args.rows < 10_000:
            parser.error("join: --rows must be at least 1e4")
        for path in ensure_join(args.dir, args.rows, args.csv).values():
            print(path)


if __name__ == "__main__":
    main()
