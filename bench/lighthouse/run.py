"""Lighthouse 12 (mobile preset) on home, category, article and search of the demo ward.

    python -m bench.lighthouse.run [--port 8620] [--base-url URL] [--runs 3]

Runs the pinned Lighthouse of bench/lighthouse/package.json (installed by `make bench-lighthouse`
with `npm ci`) against Debian's Chromium (CHROME_PATH, default /usr/bin/chromium, flags
`--headless=new --no-sandbox`), by default on a production-like granian server of the demo
(bench/frontend/server.py). Each page is audited --runs times; the table gives the median score
of each category (and the lowest, when they differ) and the failing audits of the median run.
Targets (issue 6): performance ≥ 95, accessibility 100, best practices ≥ 95, SEO 100.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
OUT = HERE.parent / "out" / "lighthouse"  # the full JSON reports (not committed)
HIDDEN_MODES = {"informative", "notApplicable", "manual", "error"}


def audit(url: str, out: Path, attempts: int = 3) -> dict:
    """One Lighthouse run; on a busy machine Chromium sometimes loses the trace (NO_NAVSTART): retried."""
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    for attempt in range(1, attempts + 1):
        print(f"lighthouse {url} (lần {attempt})", file=sys.stderr)
        done = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--chrome-flags=--headless=new --no-sandbox " + os.environ.get("LIGHTHOUSE_EXTRA_CHROME_FLAGS", ""),
                "--only-categories=" + ",".join(CATEGORIES),
                "--output=json",
                f"--output-path={out}",
                "--quiet",
            ],
            env=env,
        )
        if done.returncode == 0:
            return json.loads(out.read_text(encoding="utf-8"))
    raise RuntimeError(f"Lighthouse failed {attempts} times on {url}")


def warm(url: str) -> None:
    """One request first: a running portal has its image renditions made and its caches filled;
    the first view after load_demo would measure making them."""
    import ssl
    import urllib.request

    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the local stack's own certificate
    with urllib.request.urlopen(url, context=context, timeout=120) as response:  # noqa: S310 (our own server)
        response.read()


def slug(name: str) -> str:
    import unicodedata

    ascii_name = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in ascii_name if c.isascii()).lower().replace(" ", "-")


def summarise(report: dict) -> dict:
    scores = {k: round(report["categories"][k]["score"] * 100) for k in CATEGORIES}
    failing = [
        f"{key} ({audit_['displayValue']})" if audit_.get("displayValue") else key
        for key, audit_ in report["audits"].items()
        if audit_.get("score") is not None
        and audit_["score"] < 0.9
        and audit_.get("scoreDisplayMode") not in HIDDEN_MODES
    ]
    return {
        "scores": scores,
        "failing": failing,
        "benchmark_index": report["environment"].get("benchmarkIndex"),
        "version": report.get("lighthouseVersion"),
    }


def main(argv=None) -> int:
    from bench.frontend.server import demo_paths, demo_server, environment, prepare

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8620)
    parser.add_argument("--base-url", help="audit an already running server of the demo")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse is not installed: run `npm ci --prefix {HERE}` (make bench-lighthouse does it).")
    env = environment(args.port) if args.base_url else prepare(args.port)
    paths = demo_paths(None if args.base_url else env)
    OUT.mkdir(parents=True, exist_ok=True)
    rows, all_ok = [], True
    with demo_server(args.port, args.base_url, env) as base_url:
        for path in paths.values():
            warm(base_url + path)
        for name, path in paths.items():
            runs = [summarise(audit(base_url + path, OUT / f"{slug(name)}-{i}.json")) for i in range(1, args.runs + 1)]
            perf = sorted(runs, key=lambda run: run["scores"]["performance"])
            median_run = perf[len(perf) // 2]
            cells = []
            for category, target in CATEGORIES.items():
                values = [run["scores"][category] for run in runs]
                median = statistics.median_low(values)
                all_ok &= median >= target
                cells.append(f"{median}" + (f" (min {min(values)})" if min(values) != median else ""))
            rows.append((name, path, cells, median_run))
    version, index = rows[0][3]["version"], [r[3]["benchmark_index"] for r in rows]
    print(f"Lighthouse {version}, mobile, {args.runs} runs a page; benchmarkIndex {min(index):.0f}–{max(index):.0f}")
    print("| Trang | Hiệu năng | Trợ năng | Thực hành tốt | SEO | Mục chưa đạt (lần chạy trung vị) |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, _path, cells, median_run in rows:
        print(f"| {name} | " + " | ".join(cells) + f" | {', '.join(median_run['failing']) or '—'} |")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
