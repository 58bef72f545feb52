"""What one admin page costs the ward editor, in one process: queries, SQL ms, CPU ms, wall ms.

`python -m bench.province.admin_cost --site-id N [--runs 10] [--profile explorer]` on a built province
(bench/province/build.py), with the stack's environment (production settings, DEBUG off). The pages are
measure.py's three slow ones: the dashboard, the explorer of the ward's biggest category (2,000
children) and the page editor of an article of it, requested through Django's test client as the
ward's editor (`bientap_<code>`, second factor passed). `--profile NAME` prints cProfile's top
functions (cumulative) for one GET of that page; `--queries NAME` prints its SQL, grouped.

Prints one JSON object: per page p50/p95 of wall and CPU ms, and the query count and SQL ms of a GET.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import re
import time
from collections import Counter

import django


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def editor_client(site):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from congphuong.wards.models import WardSettings

    code = WardSettings.objects.get(site=site).unit_code
    editor = get_user_model().objects.get(username=f"bientap_{code}")
    device = TOTPDevice.objects.filter(user=editor, confirmed=True).first() or TOTPDevice.objects.create(
        user=editor, name="Điện thoại", confirmed=True
    )
    client = Client(HTTP_HOST=site.hostname, HTTP_X_FORWARDED_PROTO="https")
    client.force_login(editor)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def pages(site_id):
    from django.urls import reverse

    from bench.province.measure import _ward

    site, category, article = _ward(site_id)
    return (
        site,
        category,
        {
            "dashboard": reverse("wagtailadmin_home"),
            "explorer": reverse("wagtailadmin_explore", args=[category.pk]),
            "editor": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        },
    )


def one_get(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        cpu, wall = time.process_time(), time.perf_counter()
        response = client.get(path)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert response.status_code == 200, (path, response.status_code)
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    return wall * 1000, cpu * 1000, len(queries), sql_ms, queries.captured_queries, len(response.content)


def measure(client, path, runs):
    # A worker's first views of a page fill its caches (templates, forms, widgets): two, as the page
    # editor's second GET still costs twice the CPU of the later ones.
    one_get(client, path)
    one_get(client, path)
    walls, cpus, counts, sqls = [], [], [], []
    for _ in range(runs):
        wall, cpu, count, sql, _q, size = one_get(client, path)
        walls.append(wall)
        cpus.append(cpu)
        counts.append(count)
        sqls.append(sql)
    return {
        "wall_p50": round(_percentile(walls, 0.5), 1),
        "wall_p95": round(_percentile(walls, 0.95), 1),
        "cpu_p50": round(_percentile(cpus, 0.5), 1),
        "cpu_p95": round(_percentile(cpus, 0.95), 1),
        "queries": max(counts),
        "sql_ms_p50": round(_percentile(sqls, 0.5), 1),
        "bytes": size,
    }


def shape(sql):
    """A query with its literals blanked, to group the same query run for many rows."""
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)[:220]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-id", type=int, required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--only", action="append", help="dashboard, explorer or editor (repeatable)")
    parser.add_argument("--profile", help="print cProfile's top functions of one GET of this page")
    parser.add_argument("--sort", default="cumulative", help="cProfile sort key (cumulative, tottime)")
    parser.add_argument("--queries", help="print the SQL of one GET of this page, grouped")
    args = parser.parse_args()
    django.setup()
    site, category, paths = pages(args.site_id)
    client = editor_client(site)
    if args.profile:
        one_get(client, paths[args.profile])
        profiler = cProfile.Profile()
        profiler.enable()
        one_get(client, paths[args.profile])
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(60)
        print(out.getvalue())
        return
    if args.queries:
        one_get(client, paths[args.queries])
        *_, captured, _size = one_get(client, paths[args.queries])
        counts = Counter(shape(q["sql"]) for q in captured)
        times = Counter()
        for q in captured:
            times[shape(q["sql"])] += float(q["time"]) * 1000
        print(f"{len(captured)} queries, {sum(times.values()):.1f} ms")
        for sql, n in sorted(counts.items(), key=lambda item: -times[item[0]]):
            print(f"{n:4d} × {times[sql]:7.1f} ms  {sql}")
        return
    out = {"children": category.numchild}
    for name, path in paths.items():
        if args.only and name not in args.only:
            continue
        out[name] = measure(client, path, args.runs)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
