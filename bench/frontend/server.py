"""A production-like server of the demo wards for the front-end benchmarks.

granian (2 workers, the shipped app server) with `bench.frontend.settings` (production settings without TLS) on a
SQLite database under BENCH_DIR (default /tmp/congphuong-bench-frontend), static files collected
and precompressed by WhiteNoise, media served as nginx would. The database, demo and static files
are built once and reused on the next run (delete BENCH_DIR to rebuild).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK_DIR = Path(os.environ.get("BENCH_DIR", "/tmp/congphuong-bench-frontend"))


def environment(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.frontend.settings",
        DATABASE_URL=f"sqlite:///{WORK_DIR / 'demo.sqlite3'}",
        VAR_DIR=str(WORK_DIR),
        STATIC_ROOT=str(WORK_DIR / "static"),
        MEDIA_ROOT=str(WORK_DIR / "media"),
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="localhost,127.0.0.1,.localhost",
        WAGTAILADMIN_BASE_URL=f"http://localhost:{port}",
        PYTHONPATH=str(ROOT),
        # The embedded stack, as `make run`, on purpose (production settings refuse it otherwise).
        CONGPHUONG_ALLOW_SQLITE="1",
        CONGPHUONG_ALLOW_LOCAL_CACHE="1",
    )
    env.pop("REDIS_URL", None)  # the embedded local cache, as `make run`
    return env


def prepare(port: int) -> dict[str, str]:
    env = environment(port)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    stamp = WORK_DIR / "demo.stamp"
    # Always: a reused database gets the migrations added since it was built.
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    if not stamp.exists():
        print(f"Building the demo database under {WORK_DIR} (several minutes)…", file=sys.stderr)
        subprocess.run([*manage, "load_demo", "--port", str(port)], env=env, check=True, stdout=subprocess.DEVNULL)
        stamp.touch()
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    return env


@contextlib.contextmanager
def demo_server(port: int, base_url: str | None = None, env: dict[str, str] | None = None):
    """Yields the base URL of a serving demo; with base_url, uses that server instead."""
    if base_url:
        yield base_url.rstrip("/")
        return
    env = env or prepare(port)
    granian = Path(sys.executable).with_name("granian")
    proc = subprocess.Popen(
        [
            str(granian),
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "2",
            "--blocking-threads",
            "1",
            "--log-level",
            "warning",
            "bench.frontend.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
    )
    url = f"http://localhost:{port}"
    try:
        for _ in range(120):
            if proc.poll() is not None:
                raise RuntimeError(f"granian stopped (exit {proc.returncode})")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url + "/", timeout=5)
                break
            time.sleep(1)
        else:
            raise RuntimeError("granian did not answer within 120 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def demo_paths(env: dict[str, str] | None = None) -> dict[str, str]:
    """The four measured pages of ward A: home, the first category, its newest article, a search."""
    code = (
        "from wagtail.models import Site\n"
        "from congphuong.news.models import ArticlePage, CategoryPage\n"
        "home = Site.objects.get(is_default_site=True).root_page\n"
        "cat = CategoryPage.objects.live().child_of(home).order_by('path').first()\n"
        "art = ArticlePage.objects.live().descendant_of(cat).order_by('-published_at').first()\n"
        "n = len(home.url_path)\n"
        "print(cat.url_path[n - 1:]); print(art.url_path[n - 1:])\n"
    )
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        env=env or os.environ,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    category, article = out[-2], out[-1]
    return {
        "Trang chủ": "/",
        "Chuyên mục": category,
        "Bài viết": article,
        "Tìm kiếm": "/tim-kiem/?q=ph%C6%B0%E1%BB%9Dng",
    }
