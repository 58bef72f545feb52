"""Turn bench/serving/run.sh's result lines into the Markdown table of bench/RESULTS.md.

Input (stdin or a file): lines ``page<TAB>mode<TAB>WRK_RESULT requests=… duration_us=… p50_us=… p99_us=…``.
"""

from __future__ import annotations

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


def table(results) -> str:
    head = "| Trang | " + " | ".join(label for _key, label in MODES) + " | a/d | b/d | c/d |"
    rows = [head, "| --- |" + " ---: |" * (len(MODES) + 3)]
    for page, label in PAGES:
        cells = [_cell(results.get((page, mode))) for mode, _label in MODES]
        static = results.get((page, "d"))
        ratios = []
        for mode in "abc":
            result = results.get((page, mode))
            ratios.append(f"{result['rps'] / static['rps']:.3f}" if result and static and static["rps"] else "—")
        # Response size (uncompressed HTML) from whichever mode completed requests.
        sizes = [r["kb"] for mode in "dcba" if (r := results.get((page, mode))) and r["rps"]]
        size_note = f" ({sizes[0]:.0f} KB)" if sizes else ""
        rows.append(f"| {label}{size_note} | " + " | ".join(cells + ratios) + " |")
    return "\n".join(rows)


def main() -> None:
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as source:
            print(table(parse(source)))
    else:
        print(table(parse(sys.stdin)))


if __name__ == "__main__":
    main()
