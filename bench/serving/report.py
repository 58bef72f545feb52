"""Turn bench/serving/run.sh's result lines into the Markdown table of bench/RESULTS.md.

Input (stdin or a file): lines ``page<TAB>mode<TAB>WRK_RESULT requests=… duration_us=… p50_us=… p99_us=…``
(page ``stock``, mode ``s``: the stock Wagtail home page); optionally a second file, the JSON of
``bench/render_cost.py --json`` (CPU ms, queries and calls of one cold render per page type).

Issue 17's targets, checked under the table: (a₀) article ≥ 150 req/s and ≥ 0.4× the stock home;
(b) ≥ 1/10 and (c) ≥ 1/2 of (d); p99 < 50 ms for (b) and (c); one render of home ≤ 15 queries and
≤ 20 ms of CPU, category ≤ 12 and ≤ 12 ms, article ≤ 10 and ≤ 10 ms.
"""

from __future__ import annotations

import json
import re
import sys

PAGES = [("home", "trang chủ"), ("category", "danh mục"), ("article", "bài viết"), ("search", "tìm kiếm")]
MODES = [
    ("a0", "(a₀) granian, không cache gì"),
    ("a", "(a) granian, không cache trang"),
    ("b", "(b) granian, cache trang"),
    ("c", "(c) qua nginx"),
    ("d", "(d) nginx, tệp tĩnh"),
]


def parse(lines):
    results = {}
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or "WRK_RESULT" not in parts[2]:
            continue
        page, mode, text = parts
        values = {key: int(value) for key, value in re.findall(r"(\w+)=(-?\d+)", text)}
        seconds = values["duration_us"] / 1e6
        results[(page, mode)] = {
            "rps": values["requests"] / seconds if seconds else 0.0,
            "p50": values["p50_us"] / 1000,
            "p99": values["p99_us"] / 1000,
            "bad": values["non2xx"] + values["errors"],
            "kb": values["bytes"] / max(values["requests"], 1) / 1024,
        }
    return results


def _cell(result):
    if result is None:
        return "—"
    bad = f" ⚠ {result['bad']} lỗi" if result["bad"] else ""
    return f"{result['rps']:,.0f} / {result['p50']:.1f} / {result['p99']:.1f}{bad}"


RENDER_TARGETS = {"home": (15, 20.0), "category": (12, 12.0), "article": (10, 10.0)}


def _cost(render: dict | None) -> str:
    if not render:
        return "—"
    database = f" + {render['db_ms']:.1f} ms DB" if "db_ms" in render else ""
    return f"{render['cpu_ms']:.1f} ms{database} / {render['queries']} q / {render['calls']:,} calls"


def table(results, costs=None) -> str:
    costs = costs or {}
    stock = results.get(("stock", "s"))
    head = (
        "| Trang | "
        + " | ".join(label for _key, label in MODES)
        + " | (a₀) CPU / truy vấn một lượt | a₀/s | a/d | b/d | c/d |"
    )
    rows = [head, "| --- |" + " ---: |" * (len(MODES) + 5)]
    for page, label in PAGES:
        cells = [_cell(results.get((page, mode))) for mode, _label in MODES]
        cold = results.get((page, "a0"))
        cells.append(_cost(costs.get(page)))
        cells.append(f"{cold['rps'] / stock['rps']:.2f}" if cold and stock and stock["rps"] else "—")
        static = results.get((page, "d"))
        ratios = []
        for mode in "abc":
            result = results.get((page, mode))
            ratios.append(f"{result['rps'] / static['rps']:.3f}" if result and static and static["rps"] else "—")
        # Response size (uncompressed HTML) from whichever mode completed requests.
        sizes = [r["kb"] for mode in "dcba" if (r := results.get((page, mode))) and r["rps"]]
        size_note = f" ({sizes[0]:.0f} KB)" if sizes else ""
        rows.append(f"| {label}{size_note} | " + " | ".join(cells + ratios) + " |")
    if stock:
        stock_cost = _cost(costs.get("stock"))
        rows.append("")
        rows.append(
            f"(s) stock `wagtail start` home page, granian as (a₀): {_cell(stock)} ({stock['kb']:.0f} KB); "
            f"one render in-process (a plain Wagtail page under the ward, bench/render_cost.py): {stock_cost}."
        )
    return "\n".join(rows)


def _mark(ok: bool) -> str:
    return "✔" if ok else "**✘**"


def targets(results, costs=None) -> str:
    """The issue's targets against this run, one line each."""
    costs = costs or {}
    lines = ["| Target | Measured | |", "| --- | --- | --- |"]
    cold, stock = results.get(("article", "a0")), results.get(("stock", "s"))
    if cold:
        lines.append(f"| (a₀) article ≥ 150 req/s | {cold['rps']:,.0f} req/s | {_mark(cold['rps'] >= 150)} |")
        if stock and stock["rps"]:
            ratio = cold["rps"] / stock["rps"]
            lines.append(f"| (a₀) article ≥ 0.4× stock home | {ratio:.2f}× | {_mark(ratio >= 0.4)} |")
    for mode, share in (("b", 0.1), ("c", 0.5)):
        ratios = []
        for page, _label in PAGES:
            result, static = results.get((page, mode)), results.get((page, "d"))
            if result and static and static["rps"]:
                ratios.append(result["rps"] / static["rps"])
        if ratios:
            lines.append(
                f"| ({mode}) ≥ {share:g} of (d) | {min(ratios):.3f}–{max(ratios):.3f} | {_mark(min(ratios) >= share)} |"
            )
        p99 = [r["p99"] for page, _l in PAGES if (r := results.get((page, mode)))]
        if p99:
            lines.append(f"| ({mode}) p99 < 50 ms | {min(p99):.1f}–{max(p99):.1f} ms | {_mark(max(p99) < 50)} |")
    for page, (queries, cpu) in RENDER_TARGETS.items():
        render = costs.get(page)
        if render:
            ok = render["queries"] <= queries and render["cpu_ms"] <= cpu
            lines.append(
                f"| {page}: one cold render ≤ {queries} queries, ≤ {cpu:g} ms CPU | "
                f"{render['queries']} queries, {render['cpu_ms']:.1f} ms | {_mark(ok)} |"
            )
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as source:
            results = parse(source)
    else:
        results = parse(sys.stdin)
    costs = {}
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as source:
            costs = json.load(source)
    print(table(results, costs))
    print()
    print(targets(results, costs))


if __name__ == "__main__":
    main()
