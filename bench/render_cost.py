"""What one render of each public page type costs, with nothing cached: queries and CPU ms.

Runs in-process through Django's test client (the whole middleware stack and Wagtail's serve),
DEBUG off, every cache switch off (CONGPHUONG_CACHE=0), against the database the settings point
at — the demo (`manage.py load_demo`, see the Makefile's `run`), or a copy with many articles
(bench/serving/load.py). Each page is rendered a few times to warm the process (imports,
template loading, renditions made once), then CPU time (process_time) is the median of --runs.
"calls" is the number of Python function calls of one render (cProfile): on a shared, loaded
machine CPU ms varies by ±30 % from run to run, the call count does not, so it is the column to
compare two versions of the code with (it does not see the time the database itself takes).

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python -m bench.render_cost
    … -m bench.render_cost --kept   # a page-cache miss: fragments and the ward chrome kept
    .venv/bin/python -m bench.render_cost --runs 30 --profile article   # cProfile of one page type

The "stock" line is the reference the issue compares with: a plain Wagtail page, served by
Wagtail's own `serve` through the same stack, with a template that extends nothing (what
`wagtail start`'s home page costs, give or take its welcome markup).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

TARGETS = {"article": (10, 10.0), "home": (15, 20.0), "category": (12, 12.0)}


def _setup(hostname: str, kept: bool = False) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congphuong.settings.dev")
    os.environ["DEBUG"] = "0"
    os.environ["CONGPHUONG_CACHE"] = "0"
    for name in ("CONGPHUONG_PAGE_CACHE", "CONGPHUONG_CHROME_CACHE", "CONGPHUONG_FRAGMENT_CACHE"):
        os.environ[name] = "0"
    if kept:  # a page-cache miss as production has it: fragments and the ward chrome kept
        os.environ["CONGPHUONG_CHROME_CACHE"] = os.environ["CONGPHUONG_FRAGMENT_CACHE"] = "1"
    os.environ.setdefault("ALLOWED_HOSTS", f"{hostname},testserver,localhost")
    import django

    django.setup()


def pages(hostname: str) -> dict[str, str]:
    """The paths measured: the ward's home, its category with the most articles, the middle
    article of that category (with its tags and related articles)."""
    from django.db.models import Count
    from wagtail.models import Site

    from congphuong.news.models import ArticlePage, CategoryPage

    site = Site.objects.get(hostname=hostname)
    home = site.root_page
    categories = CategoryPage.objects.child_of(home).live().public()
    category = max(categories, key=lambda c: ArticlePage.objects.live().descendant_of(c).count())
    articles = ArticlePage.objects.live().child_of(category).annotate(n=Count("tagged_items")).order_by("-n", "pk")
    article = articles.filter(listing_image__isnull=False).first() or articles.first()
    return {
        "home": home.relative_url(site),
        "category": category.relative_url(site),
        "article": article.relative_url(site),
    }


def measure(client, path: str, runs: int, host: str) -> dict:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm: templates loaded, renditions made
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (path, response.status_code)
    cpu, database = [], []
    for _ in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.process_time()
            response = client.get(path, HTTP_HOST=host)
            cpu.append((time.process_time() - started) * 1000)
        # The database's share, which process_time misses on PostgreSQL (its own process): the wall
        # time of each query as Django times it, round trip included.
        database.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
        assert response.status_code == 200
    result = {
        "path": path,
        "queries": len(queries.captured_queries),
        "cpu_ms": round(statistics.median(cpu), 2),
        "cpu_ms_min": round(min(cpu), 2),
        "db_ms": round(statistics.median(database), 2),
        "bytes": len(response.content),
        "sql": [query["sql"] for query in queries.captured_queries],
    }
    result["calls"] = _function_calls(client, path, host)  # after: it is one more request
    return result


def _function_calls(client, path: str, host: str) -> int:
    """Python function calls of one render: unlike CPU ms, the same on a loaded machine, so two
    versions of the code compare in any run (a proxy for the interpreter's work, not for the
    database's)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    client.get(path, HTTP_HOST=host)
    profiler.disable()
    return pstats.Stats(profiler).total_calls


def stock_reference(client, runs: int, host: str) -> dict | None:
    """A plain Wagtail Page under the ward's home, served with a template that extends nothing.

    Made inside a transaction that is rolled back, so the database is left as it was."""
    from django.db import transaction
    from django.test.utils import override_settings
    from wagtail.models import Page, Site

    site = Site.objects.get(hostname=host.split(":")[0])
    result = None

    class Rollback(Exception):
        pass

    templates_dir = os.path.join(os.path.dirname(__file__), "render_cost_templates")
    from django.conf import settings

    engines = [dict(engine) for engine in settings.TEMPLATES]
    engines[0] = {**engines[0], "DIRS": [templates_dir, *engines[0].get("DIRS", [])]}
    try:
        with transaction.atomic(), override_settings(TEMPLATES=engines):
            page = site.root_page.add_child(instance=Page(title="Stock", slug="stock-wagtail-reference"))
            result = measure(client, page.relative_url(site), runs, host)
            raise Rollback
    except Rollback:
        pass
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hostname", default="localhost")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", choices=sorted(TARGETS), help="print a cProfile of this page type")
    parser.add_argument("--sql", action="store_true", help="print the queries of each page")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock Wagtail reference")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--paths-json",
        help="measure these paths instead ({'home': …, 'category': …, 'article': …}: bench/serving's pages.json)",
    )
    parser.add_argument("--kept", action="store_true", help="page cache off, fragments and chrome kept")
    args = parser.parse_args()
    _setup(args.hostname, kept=args.kept)

    from django.test import Client

    client = Client()
    host = args.hostname
    if args.paths_json:
        with open(args.paths_json, encoding="utf-8") as source:
            chosen = json.load(source)
        paths = {name: chosen[name] for name in TARGETS}
    else:
        paths = pages(args.hostname)
    if args.profile:
        import cProfile
        import pstats

        measure(client, paths[args.profile], 1, host)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.runs):
            client.get(paths[args.profile], HTTP_HOST=host)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(60)
        return
    results = {name: measure(client, path, args.runs, host) for name, path in paths.items()}
    if not args.no_stock:
        results["stock"] = stock_reference(client, args.runs, host)
    if args.json:
        print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "sql"} for k, v in results.items()}))
        return
    print(f"{'page':<10}{'queries':>9}{'calls':>9}{'CPU ms':>9}{'min':>8}{'target':>14}  path")
    for name, row in results.items():
        target = TARGETS.get(name)
        goal = f"≤{target[0]} q ≤{target[1]:g} ms" if target else ""
        cost = f"{row['queries']:>9}{row['calls']:>9}{row['cpu_ms']:>9}{row['cpu_ms_min']:>8}"
        print(f"{name:<10}{cost}{goal:>14}  {row['path']}")
        if args.sql:
            for sql in row["sql"]:
                print("    ", sql[:300])


if __name__ == "__main__":
    main()
