"""Evaluates expression trees on a frame with Polars, for Floe's differential tests.

Input (JSON file, argv[1]):  {"frame": {"columns": [{"name", "dtype", "values"}...]},
                              "cases": [{"id", "exprs": [tree, ...], "context": "select"|"with_columns"|"filter"}]}
Output (JSON file, argv[2]): {"results": [{"id", "columns": [{"name", "dtype", "values"}] } | {"id", "error"}]}

Value encoding (both directions): null -> null; floats NaN/inf/-inf -> "NaN"/"inf"/"-inf";
date -> "YYYY-MM-DD"; datetime -> ISO text; everything else as JSON.
Expression trees: {"op": "col", "name"} | {"op": "lit", "value", "dtype"} |
  {"op": "binary", "fn": add|sub|mul|truediv|floordiv|mod|pow|eq|ne|lt|le|gt|ge|eq_missing|and|or|xor, "left", "right"} |
  {"op": "unary", "fn": neg|abs|not|is_null|is_not_null|is_nan|is_finite|sqrt|exp|log|floor|ceil, "arg"} |
  {"op": "cast", "dtype", "strict", "arg"} | {"op": "fill_null", "value": tree, "arg"} |
  {"op": "agg", "fn": sum|mean|min|max|count|len|null_count|std|var|first|last, "arg"} |
  {"op": "when", "cases": [[cond, then], ...], "otherwise"} | {"op": "alias", "name", "arg"} |
  {"op": "is_between", "arg", "lower", "upper"} | {"op": "round", "decimals", "arg"} | {"op": "clip", "lower", "upper", "arg"}
"""
import datetime as dt
import json
import math
import sys

import polars as pl

DTYPES = {
    "i8": pl.Int8, "i16": pl.Int16, "i32": pl.Int32, "i64": pl.Int64,
    "u8": pl.UInt8, "u16": pl.UInt16, "u32": pl.UInt32, "u64": pl.UInt64,
    "f32": pl.Float32, "f64": pl.Float64, "bool": pl.Boolean, "str": pl.String,
    "date": pl.Date, "null": pl.Null,
}


def dtype_of(text):
    if text in DTYPES:
        return DTYPES[text]
    if text.startswith("datetime["):
        inner = text[len("datetime["):-1].split(", ")
        unit = {"ms": "ms", "μs": "us", "ns": "ns"}[inner[0]]
        return pl.Datetime(unit, inner[1] if len(inner) > 1 else None)
    if text.startswith("duration["):
        return pl.Duration({"ms": "ms", "μs": "us", "ns": "ns"}[text[len("duration["):-1]])
    raise ValueError("unsupported dtype " + text)


def decode(value, dtype):
    if value is None:
        return None
    if dtype in (pl.Float32, pl.Float64) and isinstance(value, str):
        return float(value)
    if dtype == pl.Date:
        return dt.date.fromisoformat(value)
    if isinstance(dtype, pl.Datetime):
        return dt.datetime.fromisoformat(value)
    return value


def encode(value):
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value // dt.timedelta(microseconds=1)
    return value


def build(tree):
    op = tree["op"]
    if op == "col":
        return pl.col(tree["name"])
    if op == "lit":
        dtype = dtype_of(tree["dtype"])
        return pl.lit(decode(tree["value"], dtype), dtype=dtype)
    if op == "alias":
        return build(tree["arg"]).alias(tree["name"])
    if op == "binary":
        left, right, fn = build(tree["left"]), build(tree["right"]), tree["fn"]
        if fn == "eq_missing":
            return left.eq_missing(right)
        return {
            "add": lambda: left + right, "sub": lambda: left - right, "mul": lambda: left * right,
            "truediv": lambda: left / right, "floordiv": lambda: left // right,
            "mod": lambda: left % right, "pow": lambda: left.pow(right),
            "eq": lambda: left == right, "ne": lambda: left != right, "lt": lambda: left < right,
            "le": lambda: left <= right, "gt": lambda: left > right, "ge": lambda: left >= right,
            "and": lambda: left & right, "or": lambda: left | right, "xor": lambda: left ^ right,
        }[fn]()
    if op == "unary":
        arg, fn = build(tree["arg"]), tree["fn"]
        return {"neg": lambda: -arg, "not": lambda: ~arg}.get(fn, lambda: getattr(arg, fn)())()
    if op == "cast":
        return build(tree["arg"]).cast(dtype_of(tree["dtype"]), strict=tree["strict"])
    if op == "fill_null":
        return build(tree["arg"]).fill_null(build(tree["value"]))
    if op == "agg":
        return getattr(build(tree["arg"]), tree["fn"])()
    if op == "when":
        cases = tree["cases"]
        chain = pl.when(build(cases[0][0])).then(build(cases[0][1]))
        for condition, value in cases[1:]:
            chain = chain.when(build(condition)).then(build(value))
        return chain.otherwise(build(tree["otherwise"]))
    if op == "is_between":
        return build(tree["arg"]).is_between(build(tree["lower"]), build(tree["upper"]))
    if op == "round":
        return build(tree["arg"]).round(tree["decimals"])
    if op == "clip":
        return build(tree["arg"]).clip(build(tree["lower"]), build(tree["upper"]))
    raise ValueError("unknown op " + op)


def frame(spec):
    data = {}
    schema = {}
    for column in spec["columns"]:
        dtype = dtype_of(column["dtype"])
        schema[column["name"]] = dtype
        data[column["name"]] = [decode(v, dtype) for v in column["values"]]
    return pl.DataFrame(data, schema=schema)


def run(case, df):
    exprs = [build(tree) for tree in case["exprs"]]
    context = case.get("context", "select")
    out = {"select": df.select, "with_columns": df.with_columns}.get(context)
    result = out(exprs) if out else df.filter(exprs[0])
    return [
        {"name": name, "dtype": str(series.dtype), "values": [encode(v) for v in series.to_list()]}
        for name, series in zip(result.columns, result.get_columns())
    ]


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    df = frame(request["frame"])
    results = []
    for case in request["cases"]:
        try:
            results.append({"id": case["id"], "columns": run(case, df)})
        except Exception as failure:  # Polars' own error: Floe must fail on the same cases
            results.append({"id": case["id"], "error": type(failure).__name__ + ": " + str(failure)})
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump({"results": results}, handle)


if __name__ == "__main__":
    main()
