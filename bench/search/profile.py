"""Profile the portal search on an EXISTING benchmark database (kept with ``BENCH_KEEP=1``).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congphuong_bench_100000 \\
        python -m bench.search.profile [--repeat 3] [--slowest 8] [--explain 3] [--only "khuyến học"]

Migrates first (so a schema change of the index is applied to the kept corpus), regenerates the
labelled queries from the deterministic corpus (`corpus.generate(n)`, n = the number of articles
found), then times every query as ``worker.py`` does (ranking, first results page, counts per
filter; one untimed first pass, then ``--repeat`` passes) and prints recall@10, MRR@10,
p50/p95/max, and for the slowest queries the time of every SQL statement of their best run.
``--explain N`` prints ``EXPLAIN (ANALYZE, BUFFERS)`` of the statements of the N slowest queries
(PostgreSQL). Nothing is written except what ``migrate`` does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time


def _percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class _Recorder:
    """execute_wrapper collecting (sql, params, ms) of every statement."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append((sql, params, (time.perf_counter() - started) * 1000))


def _short(sql, width=150):
    sql = " ".join(sql.split())
    return sql if len(sql) <= width else sql[: width - 1] + "…"


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slowest", type=int, default=8, help="show per-SQL timings of the N slowest queries")
    parser.add_argument("--explain", type=int, default=0, help="EXPLAIN (ANALYZE, BUFFERS) the N slowest queries")
    parser.add_argument("--only", action="append", default=[], help="profile only these query texts")
    parser.add_argument("--no-migrate", action="store_true")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congphuong.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Site

    from congphuong.news.models import ArticlePage, CategoryPage
    from congphuong.search import engine
    from congphuong.search.backends import get_backend

    from . import corpus

    if not args.no_migrate:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"migrate: {time.perf_counter() - started:.1f} s", file=sys.stderr)

    home = Site.objects.get(is_default_site=True).root_page
    categories = list(CategoryPage.objects.child_of(home).order_by("path"))
    slugs = dict(ArticlePage.objects.values_list("slug", "pk"))
    n = len(slugs)
    articles = corpus.generate(n)
    queries = corpus.labelled_queries(articles, extra=[(category.title, "") for category in categories])
    ids = [slugs[f"bai-{article.index + 1}"] for article in articles] + [category.pk for category in categories]
    for query in queries:
        query.relevant = {ids[i] for i in query.relevant}
    if args.only:
        queries = [query for query in queries if query.text in args.only]
    root_id = home.pk
    category_ids = [category.pk for category in categories]
    kinds = [kind for kind, _label in engine.registry.kinds()]
    print(f"{connection.vendor}, {n} articles, {len(queries)} queries, load {os.getloadavg()}", file=sys.stderr)

    def ours(text):
        outcome = engine.run(text, root_id)
        hits = engine.hits_for_page(outcome, outcome.ordered[: engine.PER_PAGE])
        engine.facet_counts(outcome, engine.Filters(), kinds, category_ids)
        return [hit.document.object_id for hit in hits]

    results, cold = [], []
    for query in queries:
        started = time.perf_counter()
        results.append(ours(query.text))
        cold.append((time.perf_counter() - started) * 1000)
    load_before = os.getloadavg()[0]
    best: dict[str, tuple[float, list]] = {}
    latencies = []
    for _ in range(args.repeat):
        for query in queries:
            recorder = _Recorder()
            with connection.execute_wrapper(recorder):
                started = time.perf_counter()
                ours(query.text)
                ms = (time.perf_counter() - started) * 1000
            latencies.append(ms)
            if query.text not in best or ms < best[query.text][0]:
                best[query.text] = (ms, recorder.statements)
    load_after = os.getloadavg()[0]

    recalls, mrrs, diacritics = [], [], []
    for query, top in zip(queries, results, strict=True):
        found = [rank for rank, item in enumerate(top[:10], 1) if item in query.relevant]
        recall = len(found) / min(len(query.relevant), 10)
        recalls.append(recall)
        mrrs.append(1.0 / found[0] if found else 0.0)
        if query.diacritics_only:
            diacritics.append(recall)
        if recall < 1.0 or not found or found[0] != 1:
            print(f"  imperfect: {query.text!r} ({query.group}) recall {recall:.2f}", file=sys.stderr)
    print(
        f"recall@10 {statistics.mean(recalls):.3f} (diacritics-only {statistics.mean(diacritics or [1]):.3f}), "
        f"MRR@10 {statistics.mean(mrrs):.3f}"
    )
    print(
        f"p50 {_percentile(latencies, 0.5):.1f} ms, p95 {_percentile(latencies, 0.95):.1f} ms, "
        f"max {max(latencies):.1f} ms; first pass p50 {_percentile(cold, 0.5):.1f} / p95 "
        f"{_percentile(cold, 0.95):.1f} ms; load {load_before:.1f} → {load_after:.1f}"
    )
    bests = [ms for ms, _statements in best.values()]
    print(
        f"best of {args.repeat} per query (steadier on a busy machine): p50 {_percentile(bests, 0.5):.1f} ms, "
        f"p95 {_percentile(bests, 0.95):.1f} ms, max {max(bests):.1f} ms"
    )
    slowest = sorted(best.items(), key=lambda item: item[1][0], reverse=True)
    for rank, (text, (ms, statements)) in enumerate(slowest[: args.slowest]):
        sql_ms = sum(s[2] for s in statements)
        print(f"\n{text!r}: best {ms:.1f} ms, {len(statements)} statements, {sql_ms:.1f} ms in SQL")
        for sql, _params, statement_ms in statements:
            print(f"  {statement_ms:6.1f}  {_short(sql)}")
        if rank < args.explain and connection.vendor == "postgresql":
            for sql, params, statement_ms in statements:
                if not sql.lstrip().upper().startswith(("SELECT", "WITH", "(")) or statement_ms < 1.0:
                    continue
                with get_backend().session(), connection.cursor() as cursor:  # the planner settings of a search
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                    plan = "\n".join("      " + row[0] for row in cursor.fetchall())
                    print(f"    --- {statement_ms:.1f} ms: {_short(sql, 400)}\n    params {_short(repr(params), 400)}")
                    print(plan)


if __name__ == "__main__":
    main()
