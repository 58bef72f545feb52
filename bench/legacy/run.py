"""Legacy import and ward merger benchmark (issue 18, "Measured").

    python -m bench.legacy.run --pages 10000                 # import only
    python -m bench.legacy.run --pages 10000 --merge 5000    # and a merge of 3 wards × 5000 pages
    make bench-legacy PAGES=10000 MERGE=5000

Each measurement runs `bench.legacy.worker` in a process of its own on a fresh database: an SQLite
file under /tmp/congphuong-bench/ (BENCH_DIR), copied from a prepared one (migrated, units loaded;
remade when a migration changes) so that the 1–2 minutes of `migrate` are not paid each time; or,
with DATABASE_URL set, that database (which must be empty: it is migrated, not dropped). Prints the
timings, the machine's load and the content hashes before and after.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK_DIR = Path(os.environ.get("BENCH_DIR", "/tmp/congphuong-bench"))


def _migrations_key() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("congphuong/*/migrations/*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _env(db_path: Path | None) -> dict:
    env = dict(os.environ)
    env["VAR_DIR"] = str(WORK_DIR)
    env.setdefault("DJANGO_SETTINGS_MODULE", "congphuong.settings.test")
    if db_path is not None:
        env["DATABASE_URL"] = f"sqlite:///{db_path}"
    return env


def _fresh_sqlite(name: str) -> Path:
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    template = WORK_DIR / f"legacy-prepared-{_migrations_key()}.sqlite3"
    if not template.exists():
        print(f"Chuẩn bị CSDL mẫu (migrate, danh mục đơn vị): {template}", file=sys.stderr)
        partial = template.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, "-m", "bench.legacy.worker", "prepare"], cwd=ROOT, env=_env(partial), check=True
        )
        partial.rename(template)
    target = WORK_DIR / f"{name}.sqlite3"
    shutil.copyfile(template, target)
    return target


def run_one(mode: str, pages: int, extra: list[str]) -> dict:
    db_path = None if os.environ.get("DATABASE_URL") else _fresh_sqlite(f"legacy-{mode}-{pages}")
    out = WORK_DIR / f"legacy-{mode}-{pages}.json"
    command = [sys.executable, "-m", "bench.legacy.worker", mode, "--pages", str(pages), "--out", str(out), *extra]
    subprocess.run(command, cwd=ROOT, env=_env(db_path), check=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    if db_path is not None and not os.environ.get("BENCH_KEEP"):
        db_path.unlink(missing_ok=True)
    return report


def _machine() -> str:
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, nproc {os.cpu_count()}, {platform.machine()}, "
        f"Python {platform.python_version()}, tải 1/5/15 phút {load}"
    )


def summary(report: dict) -> str:
    same = "GIỐNG" if report["hash_before"] == report["hash_after"] else "KHÁC"
    lines = []
    if report["mode"] == "import":
        lines.append(
            f"Nhập {report['pages']:,} trang cũ ({report['layouts']}, {report['images']} ảnh): "
            f"{report['import_s']} s ({report['import_cpu_s']} s CPU; "
            + ", ".join(f"{run['folder']} {run['seconds']} s" for run in report["runs"])
            + f"), tải {report['load'][0]} → {report['load'][1]}"
        )
        lines.append(
            f"Chạy lại thư mục html: {report['rerun_html_s']} s, trang sau đó {report['articles_total_after_rerun']}"
        )
    else:
        lines.append(
            f"Sáp nhập 3 phường × {report['pages']:,} trang ({', '.join(report['old_wards'])}) vào phường mới: "
            f"{report['merge_s']} s ({report['merge_cpu_s']} s CPU), tải {report['load'][0]} → {report['load'][1]}; "
            f"tạo dữ liệu {report['fill_s']} s, lập chỉ mục {report.get('index_s', '–')} s; "
            f"chạy lại {report['second_run_s']} s"
        )
        if "documents_at_new_address" in report:
            lines.append(
                f"Chỉ mục tìm kiếm: {report['documents_before']} → {report['documents_after']} tài liệu; "
                f"{report['documents_at_new_address']}/{report['articles_in_new_ward']} bài ở địa chỉ mới"
            )
    lines.append(
        f"Mã băm trước {report['hash_before'][:16]}… sau {report['hash_after'][:16]}… {same}: "
        f"{report['items_before']} mục trước, {report['items_after']} sau, "
        f"mất {report['lost']}, khác {report['unexpected']}"
        + (f", mất theo bố cục {report['lost_by_layout']}" if report.get("lost_by_layout") else "")
    )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000, help="legacy pages to import (0: skip)")
    parser.add_argument("--merge", type=int, default=0, help="pages in each of the three wards to merge (0: skip)")
    parser.add_argument("--publish", action="store_true", help="import with --publish")
    parser.add_argument("--profile", action="store_true", help="cProfile the timed steps (…json.*.prof)")
    args = parser.parse_args(argv)
    extra = (["--publish"] if args.publish else []) + (["--profile"] if args.profile else [])
    print(_machine())
    if args.pages:
        print(summary(run_one("import", args.pages, extra)))
    if args.merge:
        print(summary(run_one("merge", args.merge, ["--profile"] if args.profile else [])))
    print(_machine())


if __name__ == "__main__":
    main()
