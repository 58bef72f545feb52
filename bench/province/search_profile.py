"""Time the search of one ward and of the whole province on a database built by bench/province/build.py.

    DATABASE_URL=postgres://…/congphuong_bench_province \\
        python -m bench.province.search_profile --site-id 3 --seed 20251126 [--repeat 3] [--slowest 5]

The results-page work as bench/province/measure.py times it (ranking, the first page's hits, the
counts per filter; for the province also the ward facet), bench/search's labelled queries of the
ward's corpus, one untimed pass then --repeat passes; prints p50/p95/max for the ward and the
province, the load average, and the time of each SQL statement of the slowest ward queries.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time


def _summary(values):
    ordered = sorted(values)

    def at(fraction):
        return round(ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))], 1)

    return {"p50": at(0.5), "p95": at(0.95), "max": round(ordered[-1], 1), "mean": round(statistics.mean(values), 1)}


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--site-id", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True, help="the ward's corpus seed (build.py's JSON)")
    parser.add_argument("--per-ward", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slowest", type=int, default=0)
    parser.add_argument("--ward-only", action="store_true", help="time the ward's search only")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congphuong.settings.dev")
    import django

    django.setup()
    from django.db import connection
    from wagtail.models import Site

    from bench.search import corpus
    from congphuong.search import engine

    try:
        from congphuong.search.province import province_wards
    except ImportError:  # a checkout from before the province-wide page: the ward only
        province_wards = None

    site = Site.objects.select_related("root_page").get(pk=args.site_id)
    queries = corpus.labelled_queries(corpus.generate(args.per_ward, seed=args.seed))
    kinds = [kind for kind, _label in engine.registry.kinds()]
    categories = [pk for pk, _title in engine.category_choices(site.root_page)]

    def ward_page(text):
        outcome = engine.run(text, site.root_page_id)
        engine.hits_for_page(outcome, outcome.ordered[: engine.PER_PAGE])
        engine.facet_counts(outcome, engine.Filters(), kinds, categories)

    def province_page(text):
        if province_wards is None or args.ward_only:
            return
        wards = province_wards()
        filters = engine.Filters(scope_not=wards.scope_not)
        outcome = engine.run(text, None, filters)
        engine.hits_for_page(outcome, outcome.ordered[: engine.PER_PAGE])
        engine.facet_counts(outcome, filters, kinds, [])
        engine.ward_counts(outcome)

    def timed(function, text):
        started = time.perf_counter()
        function(text)
        return (time.perf_counter() - started) * 1000

    for query in queries:  # untimed first pass: imports, connection, the cached counts per filter
        ward_page(query.text)
        province_page(query.text)
    load_before = os.getloadavg()[0]
    ward_ms, province_ms, by_query = [], [], {}
    for _repeat in range(args.repeat):
        for query in queries:
            ms = timed(ward_page, query.text)
            ward_ms.append(ms)
            by_query[query.text] = min(ms, by_query.get(query.text, ms))
            province_ms.append(timed(province_page, query.text))
    report = {
        "queries": len(queries),
        "ward_ms": _summary(ward_ms),
        "province_ms": _summary(province_ms),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    print(json.dumps(report, ensure_ascii=False))
    for text in sorted(by_query, key=by_query.get, reverse=True)[: args.slowest]:
        statements = []

        def record(execute, sql, params, many, context, statements=statements):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                statements.append((" ".join(sql.split())[:140], (time.perf_counter() - started) * 1000))

        with connection.execute_wrapper(record):
            ms = timed(ward_page, text)
        print(f"\n{text!r}: {ms:.1f} ms")
        for sql, sql_ms in statements:
            print(f"  {sql_ms:7.1f} ms  {sql}")


if __name__ == "__main__":
    main()
