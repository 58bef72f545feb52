"""Page speed by Lighthouse, the tool the national ranking's figures come from.

The ranking's limits are Lighthouse's own "poor" thresholds (mobile): first content < 3 s, largest
content < 4 s, fully shown (Speed Index) < 5.8 s, blocking tasks (Total Blocking Time) < 0.6 s.
The executable is `CONGPHUONG_LIGHTHOUSE` (settings) or the copy pinned in bench/lighthouse
(`make bench-lighthouse` installs it with npm); Chromium is CHROME_PATH (default /usr/bin/chromium).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

# (field of PageSpeedRun, Lighthouse audit id, limit in ms, what readers of the ranking call it)
METRICS = (
    ("first_contentful_paint_ms", "first-contentful-paint", 3000, "Hiện nội dung đầu tiên"),
    ("largest_contentful_paint_ms", "largest-contentful-paint", 4000, "Hiện nội dung lớn nhất"),
    ("speed_index_ms", "speed-index", 5800, "Hiển thị đầy đủ"),
    ("total_blocking_time_ms", "total-blocking-time", 600, "Tác vụ chặn"),
)
TIMEOUT_SECONDS = 180
# On a busy machine Chromium sometimes loses the page-load trace (NO_NAVSTART): tried again.
ATTEMPTS = 3


class LighthouseUnavailable(Exception):
    """Said to the operator in Vietnamese: what is missing to measure."""


@dataclass
class SpeedFigures:
    tool: str
    values: dict[str, int]  # field → ms


def executable() -> Path | None:
    configured = getattr(settings, "CONGPHUONG_LIGHTHOUSE", "")
    candidates = [Path(configured)] if configured else []
    candidates.append(Path(settings.BASE_DIR) / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse")
    return next((path for path in candidates if path.is_file() and os.access(path, os.X_OK)), None)


def figures_from_report(report: dict) -> SpeedFigures:
    """The four figures of a Lighthouse JSON report; a report without one of them is refused."""
    audits = report.get("audits") or {}
    values = {}
    for field, audit_id, _limit, label in METRICS:
        value = (audits.get(audit_id) or {}).get("numericValue")
        if not isinstance(value, int | float):
            raise ValueError(f"Báo cáo Lighthouse không có chỉ số «{label}» ({audit_id}).")
        values[field] = round(value)
    version = report.get("lighthouseVersion", "?")
    form_factor = (report.get("configSettings") or {}).get("formFactor", "mobile")
    return SpeedFigures(
        tool=f"Lighthouse {version} ({'di động' if form_factor == 'mobile' else 'máy tính'})", values=values
    )


def measure(url: str) -> SpeedFigures:
    """Run Lighthouse (mobile, performance only) on `url`."""
    binary = executable()
    if binary is None:
        raise LighthouseUnavailable(
            "Chưa cài Lighthouse: chạy `make bench-lighthouse` (cần Node.js) hoặc đặt CONGPHUONG_LIGHTHOUSE."
        )
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome).exists() or shutil.which("node") is None:
        raise LighthouseUnavailable("Thiếu Chromium hoặc Node.js trên máy chủ: không đo được tốc độ trang.")
    problem = ""
    for _attempt in range(ATTEMPTS):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "report.json"
            done = subprocess.run(  # noqa: S603 (our own executable, arguments built here)
                [
                    str(binary),
                    url,
                    "--chrome-flags=--headless=new --no-sandbox",
                    "--only-categories=performance",
                    "--output=json",
                    f"--output-path={out}",
                    "--quiet",
                ],
                env=dict(os.environ, CHROME_PATH=chrome),
                timeout=TIMEOUT_SECONDS,
                capture_output=True,
                text=True,
            )
            if done.returncode == 0 and out.exists():
                return figures_from_report(json.loads(out.read_text(encoding="utf-8")))
            problem = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"mã lỗi {done.returncode}"]
    raise LighthouseUnavailable(f"Lighthouse không đo được {url} sau {ATTEMPTS} lần: {problem[0][:200]}")
