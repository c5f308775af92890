"""Draws the TPC-H side-by-side results of peers.py --json FILE as an SVG bar chart (no plotting
library needed): for every query the warm median of each engine, then each engine's total of the
medians and its worst peak RSS.

    python3 scripts/tpch/chart.py /tmp/peers-sf1.json docs/img/tpch-sf1.svg
"""
import json
import statistics
import sys
from html import escape

COLORS = {"floe": "#d6604d", "polars": "#4393c3", "polars-streaming": "#92c5de", "duckdb": "#fdb863"}
BAR, GAP, LEFT, WIDTH = 7, 8, 70, 560


def medians(data):
    out = {}
    for result in data["results"]:
        if "times" in result:
            times = result["times"]
            out[(result["engine"], result["query"])] = statistics.median(times[1:]) if len(times) > 1 else times[0]
    return out


def bars(svg, y, label, values, scale, unit):
    """One group of horizontal bars (one per engine) under a label; returns the next y."""
    svg.append(f'<text x="{LEFT - 8}" y="{y + len(values) * BAR / 2 + 4}" text-anchor="end">{escape(label)}</text>')
    for engine, value in values:
        width = max(1.0, value * scale)
        svg.append(f'<rect x="{LEFT}" y="{y}" width="{width:.1f}" height="{BAR - 1}" fill="{COLORS[engine]}">'
                   f'<title>{escape(engine)} {value:.1f} {unit}</title></rect>')
        svg.append(f'<text x="{LEFT + width + 3:.1f}" y="{y + BAR - 1}" font-size="7">{value:.0f}</text>')
        y += BAR
    return y + GAP


def main():
    source, target = sys.argv[1], sys.argv[2]
    data = json.load(open(source))
    times = medians(data)
    engines = [e for e in COLORS if any(key[0] == e for key in times)]
    queries = sorted({key[1] for key in times})
    rss = {}
    for result in data["results"]:
        if "rss_mb" in result:
            rss[result["engine"]] = max(rss.get(result["engine"], 0), result["rss_mb"])
    totals = {e: sum(times.get((e, q), 0) for q in queries) for e in engines}
    longest = max(times.values())
    svg = []
    y = 40
    svg.append(f'<text x="{LEFT}" y="20" font-size="13" font-weight="bold">TPC-H SF{data["scale"]:g}: warm median per '
               f'query (ms), {data.get("date", "")}</text>')
    for number in queries:
        y = bars(svg, y, f"Q{number:02d}", [(e, times[(e, number)]) for e in engines if (e, number) in times],
                 WIDTH / longest, "ms")
    y += 10
    svg.append(f'<text x="{LEFT}" y="{y}" font-size="12" font-weight="bold">sum of the medians (ms)</text>')
    y = bars(svg, y + 8, "total", [(e, totals[e]) for e in engines], WIDTH / max(totals.values()), "ms")
    y += 10
    xmx = data.get("floe_xmx")
    svg.append(f'<text x="{LEFT}" y="{y}" font-size="12" font-weight="bold">worst peak RSS over the queries (MiB'
               + (f'; Floe JVM with -Xmx{escape(xmx)}' if xmx else '') + ')</text>')
    y = bars(svg, y + 8, "RSS", [(e, rss[e]) for e in engines if e in rss], WIDTH / max(rss.values()), "MiB")
    legend = "".join(f'<rect x="{LEFT + 150 * i}" y="{y}" width="10" height="10" fill="{COLORS[e]}"/>'
                     f'<text x="{LEFT + 150 * i + 14}" y="{y + 9}">{escape(e)}</text>' for i, e in enumerate(engines))
    height = y + 30
    with open(target, "w") as out:
        out.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{LEFT + WIDTH + 60}" height="{height}" '
                  f'font-family="sans-serif" font-size="9"><rect width="100%" height="100%" fill="white"/>'
                  + "".join(svg) + legend + "</svg>\n")


if __name__ == "__main__":
    main()
