"""Search benchmark: the portal index against Wagtail's stock database backend, on SQLite and PostgreSQL.

    python -m bench.search.run --sizes 1000,10000,100000 --backends sqlite,postgres

For each backend and size it starts a worker on a fresh database (SQLite file under
/tmp/congphuong-bench/, PostgreSQL database ``congphuong_bench_<n>`` created and dropped through
BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres), then prints one table:
recall@10, MRR@10, p50/p95 latency of the portal search (ranking + first results page + facet
counts) and of Wagtail's stock ``.search()`` (top 10), indexing time and database size.
``make bench-search N=1000,10000`` runs it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK_DIR = Path(os.environ.get("BENCH_DIR", "/tmp/congphuong-bench"))


def _pg_admin(sql):
    import psycopg

    url = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)
    return url.rsplit("/", 1)[0]


def run_one(backend: str, n: int, stock_max: int, repeat: int) -> dict:
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["VAR_DIR"] = str(WORK_DIR)
    if backend == "sqlite":
        db_path = WORK_DIR / f"sqlite-{n}.sqlite3"
        db_path.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{db_path}"
    else:
        name = f"congphuong_bench_{n}"
        _pg_admin(f"DROP DATABASE IF EXISTS {name}")
        base = _pg_admin(f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = f"{base}/{name}"
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    command = [sys.executable, "-m", "bench.search.worker", "--n", str(n), "--out", out, "--repeat", str(repeat)]
    command += ["--stock-max", str(stock_max)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    with open(out, encoding="utf-8") as handle:
        report = json.load(handle)
    os.unlink(out)
    if backend == "sqlite" and not os.environ.get("BENCH_KEEP"):
        (WORK_DIR / f"sqlite-{n}.sqlite3").unlink(missing_ok=True)
    elif backend != "sqlite" and not os.environ.get("BENCH_KEEP"):
        _pg_admin(f"DROP DATABASE IF EXISTS congphuong_bench_{n}")
    return report


def _fmt(value, digits=3):
    return f"{value:.{digits}f}"


def table(reports) -> str:
    head = (
        "| CSDL | N | Công cụ | recall@10 | recall@10 chỉ khác dấu | MRR@10 | p50 ms | p95 ms "
        "| p95 ms không đếm bộ lọc | p50/p95 ms lần đầu | lập chỉ mục s (CPU s) | CSDL MB |"
    )
    lines = [head, "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for report in reports:
        size_mb = report["db_bytes"] / 1e6
        for name, label, index_key in (("ours", "Cổng Phường", "index"), ("stock", "Wagtail gốc", "stock_index")):
            if name not in report:
                continue
            data = report[name]
            cpu = report.get(f"{index_key}_cpu_s")
            index_cell = _fmt(report[f"{index_key}_s"], 1) + (f" ({_fmt(cpu, 1)})" if cpu is not None else "")
            lines.append(
                f"| {report['backend']} | {report['n']:,} | {label} | {_fmt(data['overall']['recall'])} "
                f"| {_fmt(data['diacritics_only']['recall'])} | {_fmt(data['overall']['mrr'])} "
                f"| {_fmt(data['p50_ms'], 1)} | {_fmt(data['p95_ms'], 1)} "
                f"| {_fmt(data.get('p95_rank_ms', data['p95_ms']), 1)} "
                f"| {_fmt(data.get('p50_cold_ms', 0), 1)} / {_fmt(data.get('p95_cold_ms', 0), 1)} "
                f"| {index_cell} | {size_mb:,.0f} |"
            )
    return "\n".join(lines)


def group_table(reports) -> str:
    groups = sorted({group for report in reports for group in report["ours"]["groups"]})
    lines = ["| CSDL | N | " + " | ".join(groups) + " |", "| --- | ---: |" + " ---: |" * len(groups)]
    for report in reports:
        cells = []
        for group in groups:
            data = report["ours"]["groups"].get(group)
            cells.append(f"{data['recall']:.2f} / {data['mrr']:.2f}" if data else "–")
        lines.append(f"| {report['backend']} | {report['n']:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--stock-max", type=int, default=10**9, help="skip Wagtail's stock index above this size")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="also write every report to this file")
    args = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size]
    reports = []
    for n in sizes:
        for backend in args.backends.split(","):
            reports.append(run_one(backend.strip(), n, args.stock_max, args.repeat))
            if args.json:  # after each run: a long benchmark that stops half-way keeps what it measured
                with open(args.json, "w", encoding="utf-8") as handle:
                    json.dump(reports, handle, ensure_ascii=False, indent=1)
    print()
    now = datetime.datetime.now()
    print(f"Máy: {platform.node()} · {os.cpu_count()} nhân · Python {platform.python_version()} · {now:%Y-%m-%d %H:%M}")
    print(table(reports))
    print()
    print("recall@10 / MRR@10 theo nhóm truy vấn (Cổng Phường):")
    print(group_table(reports))
    for report in reports:
        if report.get("stock", {}).get("timeouts"):
            stopped = ", ".join(report["stock"]["timeouts"])
            label = f"{report['backend']} {report['n']:,}"
            print(f"{label}: Wagtail gốc bị dừng sau 5 s (tính là không có kết quả): {stopped}")
        misses = report["ours"]["misses"]
        if misses:
            print(f"\n{report['backend']} {report['n']:,}: truy vấn chưa hoàn hảo:")
            for miss in misses:
                print(f"  {miss['group']:<10} recall {miss['recall']:.2f} MRR {miss['mrr']:.2f}  {miss['q']}")
        print(
            f"{report['backend']} {report['n']:,}: tạo trang {report['insert_s']:.1f} s; "
            f"tải máy (loadavg 1 phút) khi đo: {report.get('loadavg', '?')}; "
            f"trang /tim-kiem/ qua Django p50 {report['page_p50_ms']:.1f} ms, p95 {report['page_p95_ms']:.1f} ms"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(reports, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
