# Helper of dev.floe.MultiFileDifferentialTest: writes trees of CSV, Arrow IPC and NDJSON files
# (hive partition directories, nulls, differing schemas), reads each case with Polars and dumps
# the result in CsvDump's line format, or "E<TAB>Polars error<TAB>Floe exception" on failure.
# usage: multi_file.py DIR   (writes DIR/cases.tsv and DIR/out/<case>.txt)
import os
import struct
import sys

import polars as pl

root = sys.argv[1]


def write(rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def ipc(rel, frame):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    frame.write_ipc(path)


write("csv/year=2024/m=1/a.csv", "a,b\n1,x\n2,\n")
write("csv/year=2024/m=2/b.csv", "a,b\n3.5,y\n")
write("csv/year=2025/m=1/c.csv", "a,b\n,z\n4,w\n")
write("csv/other/d.csv", "a,c\n1,x\n")
write("csv/mixed/e.csv", "a,b\nq,1\n")
ipc("ipc/d=2024-01-02/f=1.5/s=a%2Fb/x.arrow", pl.DataFrame({"a": [1, None], "b": ["x", None]}))
ipc("ipc/d=2024-01-03/f=2/s=__HIVE_DEFAULT_PARTITION__/y.arrow", pl.DataFrame({"a": [3], "b": ["y"]}))
ipc("ipc/d=2024-01-03/f=3/s=q/z.arrow", pl.DataFrame({"a": [4, 5], "b": [None, "z"]}))
ipc("ipc_dt/on=true/t=2024-01-05 10%3A11%3A12/u=2024-01-05T10%3A11%3A12Z/a.arrow", pl.DataFrame({"a": [1, 2]}))
ipc("ipc_dt/on=False/t=2024-01-06T00%3A00%3A00.123456/u=2024-01-06T00%3A00Z/b.arrow", pl.DataFrame({"a": [3]}))
ipc("ipc_dt/on=__HIVE_DEFAULT_PARTITION__/t=2024-01-07 00%3A00/u=2024-01-07T00%3A00%3A00.5Z/c.arrow", pl.DataFrame({"a": [4]}))
ipc("ipc_bad/a.arrow", pl.DataFrame({"a": [1], "b": ["x"]}))
ipc("ipc_bad/b.arrow", pl.DataFrame({"a": [1.5], "b": ["y"]}))
ipc("ipc_names/a.arrow", pl.DataFrame({"a": [1], "b": ["x"]}))
ipc("ipc_names/b.arrow", pl.DataFrame({"a": [2], "c": ["y"]}))
write("nd/k=1/a.ndjson", '{"a":1,"b":"x"}\n{"a":null,"b":null}\n')
write("nd/k=2/b.ndjson", '{"a":2,"b":"y"}\n')
write("nd/k=2/c.ndjson", '{"b":"w","a":3}\n')
write("nd_bad/a.ndjson", '{"a":1}\n')
write("nd_bad/b.ndjson", '{"a":2.5}\n')


def p(rel):
    return os.path.join(root, rel)


# name, format, source ("|"-separated list, or a glob/directory), hive (None/True/False), path column, Floe error
CASES = [
    ("csv_glob_widen_float", "csv", p("csv/year=*/*/*.csv"), None, "path", ""),
    ("csv_glob_double_star", "csv", p("csv/year=2024/**/*.csv"), None, None, ""),
    ("csv_glob_class_alt", "csv", p("csv/year=202[4]/m=[!2]/?.csv"), None, "file", ""),
    ("csv_list_widen_string", "csv", p("csv/year=2024/m=1/a.csv") + "|" + p("csv/mixed/e.csv"), None, None, ""),
    ("csv_list_order", "csv", p("csv/mixed/e.csv") + "|" + p("csv/year=2024/m=1/a.csv"), None, "p", ""),
    ("csv_dir", "csv", p("csv/year=2024"), None, None, ""),
    ("csv_names_differ", "csv", p("csv/**/*.csv"), None, None, "SchemaMismatchException"),
    ("csv_no_match", "csv", p("csv/*.parquet"), None, None, "FloeIoException"),
    ("ipc_glob", "ipc", p("ipc/**/*.arrow"), None, "path", ""),
    ("ipc_glob_hive", "ipc", p("ipc/**/*.arrow"), True, "path", ""),
    ("ipc_dir_auto_hive", "ipc", p("ipc"), None, None, ""),
    ("ipc_dir_no_hive", "ipc", p("ipc"), False, "f", ""),
    ("ipc_prefix_hive", "ipc", p("ipc/d=2024-01-03/*/*/*.arrow"), True, None, ""),
    ("ipc_list_hive", "ipc", p("ipc/d=2024-01-03/f=3/s=q/z.arrow") + "|" + p("ipc/d=2024-01-02/f=1.5/s=a%2Fb/x.arrow"), True, None, ""),
    ("ipc_types_differ", "ipc", p("ipc_bad/*.arrow"), None, None, "SchemaMismatchException"),
    ("ipc_names_differ", "ipc", p("ipc_names/*.arrow"), None, None, "SchemaMismatchException"),
    ("ipc_no_match", "ipc", p("ipc/*.arrow"), None, None, "FloeIoException"),
    ("nd_glob", "ndjson", p("nd/*/*.ndjson"), None, "path", ""),
    ("nd_list", "ndjson", p("nd/k=2/c.ndjson") + "|" + p("nd/k=1/a.ndjson"), None, None, ""),
    ("nd_double_star", "ndjson", p("nd/**/*.ndjson"), None, None, ""),
    ("nd_types_differ", "ndjson", p("nd_bad/*.ndjson"), None, None, "FloeException"),
    ("nd_no_match", "ndjson", p("nd/*.json"), None, None, "FloeIoException"),
]
# with a row index (name, offset) and n_rows: the index continues across files, n_rows is a total
LIMITED = [
    ("csv_row_index_n_rows", "csv", p("csv/year=*/*/*.csv"), None, "path", "", "i", 10, 4),
    ("csv_row_index", "csv", p("csv/year=2024/**/*.csv"), None, None, "", "idx", 0, None),
    ("csv_n_rows_first_file", "csv", p("csv/year=2024/**/*.csv"), None, None, "", None, 0, 1),
    ("nd_n_rows", "ndjson", p("nd/*/*.ndjson"), None, "path", "", None, 0, 3),
    ("ipc_hive_datetime_bool", "ipc", p("ipc_dt/**/*.arrow"), True, None, "", None, 0, None),
    ("ipc_row_index_hive", "ipc", p("ipc/**/*.arrow"), True, "path", "", "row", 7, None),
    ("ipc_row_index_list", "ipc", p("ipc/d=2024-01-03/f=3/s=q/z.arrow") + "|" + p("ipc/d=2024-01-02/f=1.5/s=a%2Fb/x.arrow"), None, None, "", "r", 0, None),
    ("nd_row_index", "ndjson", p("nd/*/*.ndjson"), None, "path", "", "idx", 3, None),
    ("nd_row_index_n_rows", "ndjson", p("nd/*/*.ndjson"), None, None, "", "idx", 0, 2),
]
CASES = [case + (None, 0, None) for case in CASES] + LIMITED


def enc(value, dtype):
    if value is None:
        return "null"
    if dtype == pl.Boolean:
        return "b:" + ("true" if value else "false")
    if dtype in (pl.Float64, pl.Float32):
        return "f:%d" % struct.unpack("<q", struct.pack("<d", value))[0]
    if dtype == pl.String:
        return "s:" + value.encode().hex()
    return "i:%d" % value


def read(fmt, source, hive, paths, row_index, offset, n_rows):
    src = source.split("|") if "|" in source else source
    if fmt == "csv":
        return pl.scan_csv(src, include_file_paths=paths, row_index_name=row_index,
                           row_index_offset=offset, n_rows=n_rows).collect()
    if fmt == "ipc":
        return pl.scan_ipc(src, hive_partitioning=hive, include_file_paths=paths, row_index_name=row_index,
                           row_index_offset=offset).collect()
    return pl.read_ndjson(src, include_file_paths=paths, n_rows=n_rows, row_index_name=row_index,
                          row_index_offset=offset)


os.makedirs(os.path.join(root, "out"), exist_ok=True)
with open(os.path.join(root, "cases.tsv"), "w") as cases:
    for name, fmt, source, hive, paths, error, row_index, offset, n_rows in CASES:
        cases.write("\t".join([name, fmt, source, str(hive), paths or "", error, row_index or "",
                               str(offset), "" if n_rows is None else str(n_rows)]) + "\n")
        with open(os.path.join(root, "out", name + ".txt"), "w") as out:
            try:
                frame = read(fmt, source, hive, paths, row_index, offset, n_rows)
            except Exception as e:  # noqa: BLE001 - the error is the expected result
                out.write("E\t%s\t%s\n" % (type(e).__name__, str(e).replace("\n", " ")))
                continue
            for series in frame.get_columns():
                out.write("C\t%s\t%s\n" % (series.name.encode().hex(), series.dtype))
                physical = series.to_physical() if series.dtype.is_temporal() else series
                for value in physical.to_list():
                    out.write(enc(value, physical.dtype) + "\n")
