"""The parts of bench/serving/soak.sh that are Python: the paths wrk rotates over, the editor who
publishes every 10 s and watches for the new article through nginx, the memory sampler, the report.

    python -m bench.serving.soak paths --pages pages.json            # JSON list of paths for wrk
    python -m bench.serving.soak editor --category /dang-uy/ …       # needs the stack's environment
    python -m bench.serving.soak sample --app-pid … --out samples.jsonl
    python -m bench.serving.soak report --wrk wrk.out --publishes publishes.jsonl --samples samples.jsonl …

The editor publishes the way the admin's "Publish" does (a draft child, then
`save_revision().publish()`), in its own process with the production settings: Wagtail's
`page_published` fires, the page cache purge runs on commit, and nothing in nginx or granian
knows a benchmark is running. A publish is "visible" on a URL when a GET through nginx (HTTPS,
`Accept-Encoding: gzip` like a phone) returns 200 with the new title; the delay runs from the
moment `publish()` returned (the commit, the purge) to the moment that response arrived.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import random
import re
import secrets
import ssl
import statistics
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

POLL_INTERVAL = 0.05  # seconds between two GETs of one URL while waiting for a publish
POLL_TIMEOUT = 15.0  # a publish not visible after this is reported as never visible


def _wait_for_start(path: str) -> float:
    """soak.sh starts wrk, then writes the start time (epoch) to `path`."""
    while not os.path.exists(path):
        time.sleep(0.05)
    return float(Path(path).read_text().strip())


def _jsonl(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


# ---------------------------------------------------------------------------------------------
# paths


def cmd_paths(args) -> None:
    """The URLs wrk rotates over: home (twice: the page a crowd lands on), the fullest category
    (pages 1 and 2), four generated articles spread over the corpus, one demo article, search."""
    import django

    django.setup()
    from wagtail.models import Site

    from congphuong.news.models import ArticlePage

    with open(args.pages, encoding="utf-8") as source:
        pages = json.load(source)
    site = Site.objects.get(hostname=args.hostname, is_default_site=True)
    articles = ArticlePage.objects.live().public().descendant_of(site.root_page).order_by("pk")
    count = articles.count()
    picked = [pages["article"]]
    for fraction in (0.1, 0.35, 0.85):
        article = articles[int(count * fraction)]
        picked.append(article.relative_url(site))
    paths = [
        pages["home"],
        pages["category"],
        pages["category"] + "?trang=2",
        *picked,
        pages["home"],
        pages["search"],
    ]
    print(json.dumps(paths, ensure_ascii=False))


# ---------------------------------------------------------------------------------------------
# editor


class Poller:
    """GET one path over a kept-alive connection until `needle` shows: through nginx (HTTPS), or
    straight to granian (`direct`, with the headers nginx adds) to tell the micro-cache's share of a
    delay from the page cache's."""

    def __init__(self, port: int, server_name: str, *, direct_port: int | None = None):
        self.port, self.server_name, self.direct_port = port, server_name, direct_port
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE  # the stack's self-signed certificate

    def _connect(self, direct: bool):
        if direct:
            return http.client.HTTPConnection("127.0.0.1", self.direct_port, timeout=10)
        # By name: nginx refuses a TLS handshake without a known server name (SNI).
        return http.client.HTTPSConnection(self.server_name, self.port, context=self.context, timeout=10)

    def wait_for(self, path: str, needle: bytes, started: float, timeout: float, direct: bool = False) -> dict:
        headers = {
            "Host": f"{self.server_name}:{self.port}",
            "Accept-Encoding": "gzip",
            "User-Agent": "congphuong-soak-editor",
        }
        if direct:
            headers["X-Forwarded-Proto"] = "https"
        conn = None
        statuses: dict[str, int] = {}
        trace = []  # [seconds since the publish, X-Cache-Status, start of the ETag]: what each GET got
        errors = 0
        try:
            while True:
                if time.monotonic() - started > timeout:
                    return {"delay": None, "errors": errors, "statuses": statuses, "trace": trace}
                try:
                    if conn is None:
                        conn = self._connect(direct)
                    conn.request("GET", path, headers=headers)
                    response = conn.getresponse()
                    body = response.read()
                except (OSError, http.client.HTTPException):
                    errors += 1
                    if conn is not None:
                        conn.close()
                    conn = None
                    time.sleep(POLL_INTERVAL)
                    continue
                arrived = time.monotonic()
                statuses[str(response.status)] = statuses.get(str(response.status), 0) + 1
                trace.append(
                    [
                        round(arrived - started, 3),
                        response.getheader("X-Cache-Status") or response.getheader("X-Page-Cache") or "",
                        (response.getheader("ETag") or "").strip('W/"')[:8],
                    ]
                )
                if response.getheader("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                if response.status == 200 and needle in body:
                    return {
                        "delay": round(arrived - started, 4),
                        "errors": errors,
                        "statuses": statuses,
                        "x_cache_status": response.getheader("X-Cache-Status"),
                        "x_page_cache": response.getheader("X-Page-Cache"),
                        "trace": trace,
                    }
                time.sleep(POLL_INTERVAL)
        finally:
            if conn is not None:
                conn.close()


def cmd_editor(args) -> None:
    import django

    django.setup()
    from wagtail.models import Site

    from congphuong.news.models import CategoryPage

    site = Site.objects.get(hostname=args.hostname, is_default_site=True)
    url_path = site.root_page.url_path + args.category.lstrip("/")
    category = CategoryPage.objects.get(url_path=url_path)
    poller = Poller(args.port, args.hostname, direct_port=args.app_port)
    targets = {"home": site.root_page.relative_url(site), "category": args.category}

    with open(args.ready, "w") as ready:
        ready.write(str(os.getpid()))
    start = _wait_for_start(args.start_file)
    with open(args.out, "a", encoding="utf-8") as out, ThreadPoolExecutor(max_workers=4) as pool:
        _publish_loop(args, start, out, pool, category, site, poller, targets)


def _publish_loop(args, start, out, pool, category, site, poller, targets) -> None:
    from django.utils.html import escape

    from congphuong.news.models import ArticlePage

    until = start + args.duration
    token = secrets.token_hex(2)
    number = 0
    tick = start + args.first
    jitter = random.Random()
    while tick <= until - args.tail:
        # At a random fraction of the second: nginx's cache clock counts whole seconds, so a
        # fixed phase would always meet the micro-cache at the same point of an entry's life.
        delay = tick + jitter.random() - time.time()
        if delay > 0:
            time.sleep(delay)
        number += 1
        title = f"Tin kiểm thử tải {number:02d} {token}"
        record = {"n": number, "title": title, "at": round(time.time() - start, 3)}
        try:
            before = time.monotonic()
            page = ArticlePage(
                title=title,
                slug=f"kiem-thu-tai-{token}-{number:02d}",
                lead="Bài viết do bench/serving/soak.py đăng trong lúc đo tải.",
                live=False,  # like the admin's create view: a draft child, then publish its revision
            )
            category.add_child(instance=page)
            revision = page.save_revision(log_action=False)
            revision.publish()
            published = time.monotonic()
            record["publish_s"] = round(published - before, 4)
            targets["article"] = page.relative_url(site)
            record["url"] = targets["article"]
            needle = escape(title).encode()
            futures = {
                name: pool.submit(poller.wait_for, path, needle, published, args.timeout)
                for name, path in targets.items()
            }
            if args.app_port:  # diagnosis: the home page behind the micro-cache
                futures["home_app"] = pool.submit(
                    poller.wait_for, targets["home"], needle, published, args.timeout, direct=True
                )
            record["visible"] = {name: future.result() for name, future in futures.items()}
        except Exception:
            record["error"] = traceback.format_exc(limit=5)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        delays = {name: (result or {}).get("delay") for name, result in record.get("visible", {}).items()}
        print(f"publish {number:02d} at {record['at']:.0f}s: {record.get('publish_s')} s, {delays}", file=sys.stderr)
        tick += args.interval


# ---------------------------------------------------------------------------------------------
# memory sampler


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as source:
            return [int(child) for child in source.read().split()]
    except OSError:
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as source:
                        fields = source.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == pid:
                    found.append(int(entry))
        return found


def _memory(pid: int) -> dict | None:
    values = {"pid": pid}
    try:
        with open(f"/proc/{pid}/status") as source:
            for line in source:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "RssAnon"):
                    values["rss" if key == "VmRSS" else "anon"] = int(value.split()[0])
        with open(f"/proc/{pid}/smaps_rollup") as source:
            for line in source:
                if line.startswith("Pss:"):
                    values["pss"] = int(line.split()[1])
    except (OSError, ValueError):
        return None
    return values if "rss" in values else None


def _read_pid(path: str) -> int | None:
    try:
        with open(path) as source:
            return int(source.read().strip())
    except (OSError, ValueError):
        return None


def cmd_sample(args) -> None:
    import psycopg
    import redis

    redis_pid = redis.Redis.from_url(args.redis_url).info("server").get("process_id")
    pg = psycopg.connect(args.pg_url, autocommit=True)
    start = _wait_for_start(args.start_file)
    with open(args.out, "a", encoding="utf-8") as out:
        _sample_loop(args, start, out, pg, redis_pid)
    pg.close()


def _sample_loop(args, start, out, pg, redis_pid) -> None:
    until = start + args.duration
    tick = start
    while True:
        delay = tick - time.time()
        if delay > 0:
            time.sleep(delay)
        groups: dict[str, list] = {}
        master = _read_pid(args.app_pid)
        groups["app_master"] = [m for m in [_memory(master)] if m] if master else []
        groups["app_workers"] = [m for pid in (_children(master) if master else []) if (m := _memory(pid))]
        nginx = _read_pid(args.nginx_pid)
        groups["nginx"] = [m for pid in ([nginx, *_children(nginx)] if nginx else []) if (m := _memory(pid))]
        groups["redis"] = [m for m in [_memory(int(redis_pid))] if m] if redis_pid else []
        backends = [row[0] for row in pg.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [args.db])]
        groups["postgres"] = [m for pid in backends if (m := _memory(pid))]
        with open("/proc/loadavg") as source:
            load = [float(value) for value in source.read().split()[:3]]
        record = {"t": round(time.time() - start, 2), "load": load, "groups": groups}
        out.write(json.dumps(record) + "\n")
        out.flush()
        if tick >= until:
            break
        tick = min(tick + args.every, until)


# ---------------------------------------------------------------------------------------------
# report


def _percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (no interpolation: with 30 publishes, p95 is the 29th)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def _parse_wrk(path: str) -> dict:
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    match = re.search(r"WRK_SOAK (.*)", text)
    if not match:
        return {}
    return {key: int(value) for key, value in re.findall(r"(\w+)=(-?\d+)", match.group(1))}


def _log_tail(path: str, offset: int) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as source:
            source.seek(offset)
            return source.read().splitlines()
    except OSError:
        return []


def _mib(kib: float) -> str:
    return f"{kib / 1024:,.1f}"


def _group_total(sample: dict, names: tuple[str, ...], key: str = "rss") -> int:
    return sum(entry.get(key, 0) for name in names for entry in sample["groups"].get(name, []))


def _group_count(sample: dict, names: tuple[str, ...]) -> int:
    return sum(len(sample["groups"].get(name, [])) for name in names)


MEMORY_GROUPS = [
    ("granian (main + workers)", ("app_master", "app_workers")),
    ("granian workers", ("app_workers",)),
    ("nginx (master + workers)", ("nginx",)),
    ("Redis (whole server, shared)", ("redis",)),
    ("PostgreSQL backends of the run's database", ("postgres",)),
]


def memory_table(samples: list[dict]) -> tuple[list[str], dict]:
    """Rows of the memory table and the figures the verdict needs."""
    first, last = samples[0], samples[-1]
    mid = min(samples, key=lambda s: abs(s["t"] - last["t"] / 2))
    lines = [
        "| Processes | count start → end | RSS start | RSS mid | RSS end | RSS max | growth, last half |"
        " private (RssAnon) start → end | PSS end |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    figures = {}
    for label, names in MEMORY_GROUPS:
        totals = [_group_total(s, names) for s in samples]
        start, middle, end = _group_total(first, names), _group_total(mid, names), _group_total(last, names)
        growth = (end - middle) / middle if middle else 0.0
        figures[names] = {"start": start, "mid": middle, "end": end, "max": max(totals), "growth": growth}
        lines.append(
            f"| {label} | {_group_count(first, names)} → {_group_count(last, names)} | {_mib(start)} | {_mib(middle)}"
            f" | {_mib(end)} | {_mib(max(totals))} | {growth:+.1%} | {_mib(_group_total(first, names, 'anon'))} →"
            f" {_mib(_group_total(last, names, 'anon'))} | {_mib(_group_total(last, names, 'pss'))} |"
        )
    worker_pids = [{entry["pid"] for entry in s["groups"].get("app_workers", [])} for s in samples]
    seen = set().union(*worker_pids) if worker_pids else set()
    figures["recycled"] = len(seen - worker_pids[0]) if worker_pids else 0
    figures["mid_t"] = mid["t"]
    return lines, figures


def cmd_report(args) -> int:
    meta = dict(item.split("=", 1) for item in args.meta)
    wrk = _parse_wrk(args.wrk)
    publishes = _jsonl(args.publishes)
    samples = _jsonl(args.samples)
    verdicts = []

    duration = meta.get("duration", "?")
    if match := re.fullmatch(r"(\d+)([smh]?)", duration):
        number, unit = int(match.group(1)), {"": "second", "s": "second", "m": "minute", "h": "hour"}[match.group(2)]
        duration = f"{number} {unit}{'s' if number != 1 else ''}"
    print(f"## Soak: {duration} at {meta.get('connections', '?')} connections while publishing")
    print()
    loads = [s["load"][0] for s in samples]
    print(
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, `nproc` = {meta.get('nproc')}, {meta.get('machine')};"
        f" {meta.get('software')}; demo ward + {meta.get('n')} generated articles; `make bench-soak`"
        f" (`bench/serving/soak.sh`), wrk `-t{meta.get('threads')} -c{meta.get('connections')}"
        f" -d{meta.get('duration')}` through nginx (HTTPS, `Accept-Encoding: gzip`) rotating over"
        f" {meta.get('paths_count')} paths, an editor publishing every {meta.get('interval')} s."
    )
    print()
    if loads:
        print(
            f"**Load average** (1 min, `/proc/loadavg`, the machine is shared): {meta.get('load_before')} before,"
            f" {min(loads):.2f}–{max(loads):.2f} during (mean {statistics.mean(loads):.2f}),"
            f" {meta.get('load_after')} after; `uptime` before: `{meta.get('uptime')}`."
        )
        print()
    print(f"Paths: {meta.get('paths')}.")
    print()

    # -- traffic
    print("### Traffic (wrk)")
    print()
    if wrk:
        seconds = wrk["duration_us"] / 1e6
        sockets = wrk["connect"] + wrk["read"] + wrk["write"] + wrk["timeout"]
        print(
            "| Requests | req/s | 2xx | 3xx | 4xx | 5xx | socket errors (connect/read/write/timeout) |"
            " p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |"
        )
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        print(
            f"| {wrk['requests']:,} | {wrk['requests'] / seconds:,.0f} | {wrk['s2xx']:,} | {wrk['s3xx']:,} |"
            f" {wrk['s4xx']:,} | {wrk['s5xx']:,} | {sockets} ({wrk['connect']}/{wrk['read']}/{wrk['write']}/"
            f"{wrk['timeout']}) | {wrk['p50_us'] / 1000:.1f} | {wrk['p90_us'] / 1000:.1f} |"
            f" {wrk['p99_us'] / 1000:.1f} | {wrk['p999_us'] / 1000:.1f} | {wrk['max_us'] / 1000:.1f} |"
        )
        fivexx = wrk["s5xx"]
    else:
        print("wrk printed no result line (see the run's log).")
        fivexx, sockets = None, None
    print()

    # The app's log: granian's own lines and Django's JSON lines, one access line per request.
    app_log = _log_tail(args.app_log, args.app_log_offset)
    upstream_statuses: dict[str, int] = {}
    upstream = 0
    for line in app_log:
        if '"logger": "congphuong.access"' in line:
            upstream += 1
            match = re.search(r'"status": (\d{3})', line)
            if match:
                upstream_statuses[match.group(1)] = upstream_statuses.get(match.group(1), 0) + 1
    tracebacks = sum(1 for line in app_log if "Traceback" in line or '"exception": ' in line)
    errors = sum(1 for line in app_log if '"level": "ERROR"' in line or line.startswith("[ERROR]"))
    respawned = sum(1 for line in app_log if "Respawning worker" in line)
    spawned = sum(1 for line in app_log if "Spawning worker" in line)
    nginx_bad = _log_tail(args.nginx_access, 0)
    nginx_statuses: dict[str, int] = {}
    for line in nginx_bad:
        match = re.search(r'" (\d{3}) ', line)
        if match:
            nginx_statuses[match.group(1)] = nginx_statuses.get(match.group(1), 0) + 1
    nginx_errors = [line for line in _log_tail(args.nginx_error, 0) if "[error]" in line or "[crit]" in line]
    print(
        f"Behind nginx's micro-cache, granian answered {upstream:,} requests during the run"
        f" ({', '.join(f'{k}: {v:,}' for k, v in sorted(upstream_statuses.items())) or 'none'}); its log:"
        f" {tracebacks} tracebacks, {errors} error lines, {respawned} workers respawned (memory limit or"
        f" crash), {spawned} workers spawned. nginx logged {len(nginx_bad)} non-2xx/3xx answers"
        f" ({', '.join(f'{k}: {v}' for k, v in sorted(nginx_statuses.items())) or 'none'})"
        f" and {len(nginx_errors)} error lines."
    )
    print()
    kinds: dict[str, int] = {}
    for line in nginx_errors:
        # "2026/12/05 21:14:48 [crit] 20559#20559: *81 cache file "…/1/d6/09e6…" has too long header, client: …"
        message = re.sub(r"^\S+ \S+ \[(\w+)\] \d+#\d+: (\*\d+ )?", r"[\1] ", line).split(", client:")[0]
        message = re.sub(r'"[^"]*/([0-9a-f]{32})"', '"…"', message)
        kinds[message] = kinds.get(message, 0) + 1
    for message, count in sorted(kinds.items(), key=lambda item: -item[1])[:5]:
        print(f"- nginx error log, {count}×: `{message}`")
    if kinds:
        print()

    # -- publishes
    print(f"### Publish → visible through nginx ({len(publishes)} publishes)")
    print()
    print(
        "Delay from `publish()` returning (commit and purge done) to the first 200 through nginx carrying the"
        f" new title; GETs every {POLL_INTERVAL * 1000:.0f} ms per URL, giving up after {POLL_TIMEOUT:.0f} s."
    )
    print()
    print("| URL | p50 s | p95 s | max s | > 2 s | never | answered by (X-Cache-Status of the first hit) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    all_delays: list[float] = []
    missing = 0
    for name in ("home", "category", "article", "home_app"):
        if name == "home_app" and not any(name in record.get("visible", {}) for record in publishes):
            continue
        delays, never, cache = [], 0, {}
        for record in publishes:
            result = record.get("visible", {}).get(name)
            if not result or result.get("delay") is None:
                never += 1
                continue
            delays.append(result["delay"])
            status = result.get("x_cache_status") or "—"
            cache[status] = cache.get(status, 0) + 1
        label = name
        if name == "home_app":
            label = "(home straight from granian: the page cache alone, not counted)"
            cache = {}
        else:
            missing += never
            all_delays += delays
        over = sum(1 for d in delays if d > args.max_delay)
        if delays:
            print(
                f"| {label} | {_percentile(delays, 0.5):.2f} | {_percentile(delays, 0.95):.2f} | {max(delays):.2f} |"
                f" {over} | {never} | {', '.join(f'{k} {v}' for k, v in sorted(cache.items()))} |"
            )
        else:
            print(f"| {label} | — | — | — | — | {never} | — |")
    errors = [record for record in publishes if record.get("error")]
    publish_s = [record["publish_s"] for record in publishes if "publish_s" in record]
    print()
    if publish_s:
        print(
            f"`publish()` itself (add the draft, save the revision, publish, purge) took p50"
            f" {statistics.median(publish_s):.2f} s, max {max(publish_s):.2f} s. Failed publishes: {len(errors)}."
        )
        print()
    for record in errors[:3]:
        print(f"```\npublish {record['n']}: {record['error'].strip()}\n```")
        print()

    # -- memory
    print("### Memory (MiB, sampled every 10 s from /proc)")
    print()
    figures = {}
    if samples:
        lines, figures = memory_table(samples)
        print("\n".join(lines))
        print()
        print(
            f'{len(samples)} samples; "mid" is the sample at {figures["mid_t"]:.0f} s, growth is end vs mid.'
            f" granian replaces a worker past {meta.get('max_rss')} MiB of RSS:"
            f" {figures['recycled']} worker(s) replaced during the run (a replaced worker starts small again, so"
            " the total is only comparable between samples with the same workers). Each worker imports Django"
            " itself (no copy-on-write sharing with the master); PSS splits shared library pages."
            " PostgreSQL backends also count the shared buffers they touched, hence the private column;"
            " they come and go with `CONN_MAX_AGE`. nginx's cache loader process exits"
            " about a minute after the start. Redis is the machine's shared server (other sessions'"
            " databases included)."
        )
        print()

    # -- verdict
    app_growth = figures.get(("app_master", "app_workers"), {}).get("growth")
    verdicts.append(
        (
            "zero 5xx",
            fivexx == 0 and not upstream_statuses.keys() & {str(s) for s in range(500, 600)},
            f"{fivexx} 5xx from wrk, {sum(v for k, v in upstream_statuses.items() if k.startswith('5'))} from"
            f" granian, {sum(v for k, v in nginx_statuses.items() if k.startswith('5'))} in nginx's log",
        )
    )
    verdicts.append(("no socket errors (not an issue target)", sockets == 0, f"{sockets} socket errors"))
    verdicts.append(
        (
            f"memory flat (granian total RSS grows < {args.max_growth:.0%} over the last half)",
            app_growth is not None and app_growth < args.max_growth,
            f"{app_growth:+.1%}" if app_growth is not None else "no samples",
        )
    )
    worst = max(all_delays) if all_delays else None
    verdicts.append(
        (
            f"every publish visible within {args.max_delay:g} s (home, category, article, through nginx)",
            bool(publishes) and missing == 0 and not errors and worst is not None and worst <= args.max_delay,
            (f"max {worst:.2f} s, p95 {_percentile(all_delays, 0.95):.2f} s" if all_delays else "no publish")
            + (f", {missing} never visible" if missing else "")
            + (f", {len(errors)} failed" if errors else ""),
        )
    )
    print("### Targets")
    print()
    print("| Target | Result | |")
    print("| --- | --- | --- |")
    for label, ok, detail in verdicts:
        print(f"| {label} | **{'PASS' if ok else 'FAIL'}** | {detail} |")
    return 0 if all(ok for _label, ok, _detail in verdicts) else 1


# ---------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    paths = sub.add_parser("paths")
    paths.add_argument("--pages", required=True, help="load.py's JSON output")
    paths.add_argument("--hostname", default="localhost")

    editor = sub.add_parser("editor")
    editor.add_argument("--category", required=True, help="path of the category to publish into")
    editor.add_argument("--port", type=int, required=True, help="nginx's HTTPS port")
    editor.add_argument("--hostname", default="localhost")
    editor.add_argument("--app-port", type=int, help="also poll the home page straight from granian")
    editor.add_argument("--duration", type=float, required=True, help="seconds from the start time")
    editor.add_argument("--interval", type=float, default=10.0)
    editor.add_argument("--first", type=float, default=5.0, help="first publish, seconds after the start")
    editor.add_argument("--tail", type=float, default=3.0, help="no publish in the last TAIL seconds")
    editor.add_argument("--timeout", type=float, default=POLL_TIMEOUT)
    editor.add_argument("--ready", required=True, help="file written once Django is set up")
    editor.add_argument("--start-file", required=True, help="file soak.sh writes the start time (epoch) to")
    editor.add_argument("--out", required=True)

    sample = sub.add_parser("sample")
    sample.add_argument("--app-pid", required=True)
    sample.add_argument("--nginx-pid", required=True)
    sample.add_argument("--pg-url", required=True, help="a database to ask pg_stat_activity")
    sample.add_argument("--db", required=True, help="the run's database: its backends are sampled")
    sample.add_argument("--redis-url", required=True)
    sample.add_argument("--duration", type=float, required=True)
    sample.add_argument("--every", type=float, default=10.0)
    sample.add_argument("--start-file", required=True)
    sample.add_argument("--out", required=True)

    report = sub.add_parser("report")
    report.add_argument("--wrk", required=True)
    report.add_argument("--publishes", required=True)
    report.add_argument("--samples", required=True)
    report.add_argument("--app-log", required=True)
    report.add_argument("--app-log-offset", type=int, default=0)
    report.add_argument("--nginx-access", required=True, help="the run's non-2xx/3xx access log")
    report.add_argument("--nginx-error", required=True)
    report.add_argument("--max-delay", type=float, default=2.0)
    report.add_argument("--max-growth", type=float, default=0.10)
    report.add_argument("--meta", action="append", default=[], help="KEY=VALUE for the header")

    args = parser.parse_args()
    if args.command == "paths":
        cmd_paths(args)
    elif args.command == "editor":
        cmd_editor(args)
    elif args.command == "sample":
        cmd_sample(args)
    else:
        sys.exit(cmd_report(args))


if __name__ == "__main__":
    main()
