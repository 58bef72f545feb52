"""One benchmark run on the database of DATABASE_URL (must be empty): prints a JSON report.

    DATABASE_URL=… python -m bench.search.worker --n 10000 --out result.json

Steps: migrate; generate N articles and insert them as pages; build the portal index
(`indexer.rebuild`, the code of ``manage.py rebuild_search_index``) and Wagtail's stock
database index; run every labelled query against both, measuring quality and latency.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

STOCK_TIMEOUT_S = 5


class _time_limit:
    """Abort the current query after `seconds` (SQLite progress handler / PostgreSQL statement_timeout)."""

    def __init__(self, connection, seconds):
        self.connection, self.seconds = connection, seconds

    def __enter__(self):
        self.connection.ensure_connection()
        if self.connection.vendor == "sqlite":
            deadline = time.monotonic() + self.seconds
            self.connection.connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        else:
            with self.connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {int(self.seconds * 1000)}")

    def __exit__(self, *exc):
        if self.connection.vendor == "sqlite":
            self.connection.connection.set_progress_handler(None, 0)
        else:
            with self.connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
        return False


def _percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _metrics(results, queries):
    """recall@10 (relevant found in the top 10 / min(relevant, 10)) and MRR@10, overall and per group."""
    per_query = []
    for query, top in zip(queries, results, strict=True):
        found = [rank for rank, item in enumerate(top[:10], 1) if item in query.relevant]
        recall = len(found) / min(len(query.relevant), 10)
        mrr = 1.0 / found[0] if found else 0.0
        per_query.append((query, recall, mrr))

    def summary(items):
        return {
            "queries": len(items),
            "recall": statistics.mean(r for _q, r, _m in items) if items else 0.0,
            "mrr": statistics.mean(m for _q, _r, m in items) if items else 0.0,
        }

    groups = {}
    for item in per_query:
        groups.setdefault(item[0].group, []).append(item)
    return {
        "overall": summary(per_query),
        "diacritics_only": summary([item for item in per_query if item[0].diacritics_only]),
        "groups": {group: summary(items) for group, items in groups.items()},
        "misses": [
            {"q": q.text, "group": q.group, "recall": round(r, 3), "mrr": round(m, 3)}
            for q, r, m in per_query
            if r < 1.0 or m < 1.0
        ],
    }


def _db_size():
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "sqlite":
        return os.path.getsize(settings.DATABASES["default"]["NAME"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the query set")
    parser.add_argument("--stock-max", type=int, default=10**9, help="skip Wagtail's stock index above this N")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congphuong.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import OperationalError, connection, reset_queries
    from django.test import Client
    from wagtail.models import Page

    from congphuong.search import engine, indexer

    from . import corpus, pages

    report = {"n": args.n, "backend": connection.vendor}
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    report["migrate_s"] = time.perf_counter() - started

    site, home, categories = pages.make_ward()
    started = time.perf_counter()
    articles = corpus.generate(args.n)
    queries = corpus.labelled_queries(articles, extra=[(category.title, "") for category in categories])
    report["generate_s"] = time.perf_counter() - started
    started = time.perf_counter()
    page_ids = pages.insert_articles(articles, categories)
    report["insert_s"] = time.perf_counter() - started
    print(f"[{connection.vendor} {args.n}] {len(page_ids)} trang, {len(queries)} truy vấn", file=sys.stderr)

    started, cpu = time.perf_counter(), time.process_time()
    report["indexed"] = indexer.rebuild()
    report["index_s"] = time.perf_counter() - started
    report["index_cpu_s"] = time.process_time() - cpu  # this process only (not the PostgreSQL server)
    print(f"[{connection.vendor} {args.n}] chỉ mục riêng: {report['index_s']:.1f} s", file=sys.stderr)

    stock = args.n <= args.stock_max
    if stock:
        from wagtail.search.backends import get_search_backend

        from congphuong.news.models import ArticlePage

        backend = get_search_backend()
        started, cpu = time.perf_counter(), time.process_time()
        backend.add_bulk(Page, list(Page.objects.filter(depth__lt=4)))
        ids = page_ids
        for start in range(0, len(ids), 1000):
            backend.add_bulk(ArticlePage, list(ArticlePage.objects.filter(pk__in=ids[start : start + 1000])))
        report["stock_index_s"] = time.perf_counter() - started
        report["stock_index_cpu_s"] = time.process_time() - cpu
        print(f"[{connection.vendor} {args.n}] chỉ mục Wagtail: {report['stock_index_s']:.1f} s", file=sys.stderr)
    report["db_bytes"] = _db_size()

    relevant_pages = []
    page_ids_all = page_ids + [category.pk for category in categories]
    for query in queries:
        query.relevant = {page_ids_all[i] for i in query.relevant}
        relevant_pages.append(query)
    root_id = home.pk
    categories_ids = [category.pk for category in categories]
    kinds = [kind for kind, _label in engine.registry.kinds()]

    rank_latencies = []

    def ours(text, timed=False):
        started = time.perf_counter()
        outcome = engine.run(text, root_id)
        keys = outcome.ordered[: engine.PER_PAGE]
        hits = engine.hits_for_page(outcome, keys)
        if timed:
            rank_latencies.append((time.perf_counter() - started) * 1000)
        engine.facet_counts(outcome, engine.Filters(), kinds, categories_ids)
        return [hit.document.object_id for hit in hits]

    timeouts = []

    def wagtail_stock(text, timed=False):
        """Wagtail's stock search, stopped after STOCK_TIMEOUT_S (a common word can take minutes)."""
        try:
            with _time_limit(connection, STOCK_TIMEOUT_S):
                results = Page.objects.live().public().descendant_of(home, inclusive=True).search(text)[:10]
                return [page.pk for page in results]
        except OperationalError:
            timeouts.append(text)
            return []

    runners = {"ours": ours}
    if stock:
        runners["stock"] = wagtail_stock
    for name, run in runners.items():
        repeat = args.repeat if name == "ours" else 1
        cold = []
        results = []
        for query in queries:  # the first pass: nothing cached yet (the counts per filter are cached)
            started = time.perf_counter()
            results.append(run(query.text))
            cold.append((time.perf_counter() - started) * 1000)
        latencies = []
        rank_latencies.clear()
        loads = [os.getloadavg()[0]]
        for _ in range(repeat):
            for query in queries:
                started = time.perf_counter()
                run(query.text, timed=True)
                latencies.append((time.perf_counter() - started) * 1000)
                reset_queries()
        loads.append(os.getloadavg()[0])
        report[name] = _metrics(results, queries)
        report[name]["p50_ms"] = _percentile(latencies, 0.5)
        report[name]["p95_ms"] = _percentile(latencies, 0.95)
        report[name]["max_ms"] = max(latencies)
        report[name]["p95_cold_ms"] = _percentile(cold, 0.95)
        report[name]["p50_cold_ms"] = _percentile(cold, 0.5)
        if rank_latencies:
            report[name]["p95_rank_ms"] = _percentile(rank_latencies, 0.95)
        report["loadavg"] = " → ".join(f"{load:.1f}" for load in loads)
        if name == "stock":
            report[name]["timeouts"] = sorted(set(timeouts))
        print(
            f"[{connection.vendor} {args.n}] {name}: recall@10 {report[name]['overall']['recall']:.3f}, "
            f"MRR {report[name]['overall']['mrr']:.3f}, p95 {report[name]['p95_ms']:.1f} ms",
            file=sys.stderr,
        )

    # The whole page through the test client (middleware, template, facets), once per query.
    client = Client()
    page_latencies = []
    for query in queries:
        started = time.perf_counter()
        response = client.get("/tim-kiem/", {"q": query.text})
        page_latencies.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (query.text, response.status_code)
    report["page_p50_ms"] = _percentile(page_latencies, 0.5)
    report["page_p95_ms"] = _percentile(page_latencies, 0.95)

    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
