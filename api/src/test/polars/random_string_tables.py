import os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../resources/dev/floe/format")
import polars as pl, random
random.seed(7)
pieces = ["a", "bc", "def", "hello", "wörld", "ñandú", "日本", "語テキスト", "😀", "x" * 12, "-", "1234567", "Ü", "é"]
def rand_text():
    n = random.choice([0, 1, 1, 2, 3, 5, 8, 14])
    words = [random.choice(pieces) for _ in range(n)]
    sep = random.choice([" ", " ", "", "  "])
    text = sep.join(words)
    if random.random() < 0.05:
        text = text + "\n" + random.choice(pieces)
    return text
out = []
for case in range(150):
    ncols = random.randint(1, 12)
    nrows = random.randint(0, 8)
    names = []
    for c in range(ncols):
        name = random.choice(["c", "col", "名前", "a long column name", "x" * 35, "ü", "value"]) + str(c)
        names.append(name)
    data = {}
    for name in names:
        data[name] = [None if random.random() < 0.1 else rand_text() for _ in range(nrows)]
    df = pl.DataFrame(data, schema={n: pl.String for n in names})
    cfg = {}
    if random.random() < 0.3:
        cfg["tbl_width_chars"] = random.choice([40, 60, 80, 120, 200])
    if random.random() < 0.2:
        cfg["tbl_rows"] = random.choice([2, 3, 5])
    if random.random() < 0.2:
        cfg["fmt_str_lengths"] = random.choice([5, 10, 50])
    with pl.Config(**cfg):
        text = str(df)
    out.append("#case " + " ".join(f"{k}={v}" for k, v in cfg.items()))
    def enc(v):
        return "\\N" if v is None else v.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    out.append("\t".join(enc(n) for n in names))
    for r in range(nrows):
        out.append("\t".join(enc(data[n][r]) for n in names))
    out.append("#expected")
    out.append(text)
    out.append("#end")
open(os.path.join(OUT, "polars-random-tables.txt"), "w").write("\n".join(out) + "\n")
