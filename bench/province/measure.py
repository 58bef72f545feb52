"""The measurements of `make bench-province` besides wrk's: search, admin, publishing, sitemap and RSS,
memory, database size, adding a ward. Prints one JSON object; run by bench/province/run.sh with the
stack's environment once granian and nginx are up.

    python -m bench.province.measure pages --site-id N                  # paths wrk measures (JSON)
    python -m bench.province.measure all --site-id N --other-site-id M --https-port … --app-port … \
        --cached-port … --app-pid-file … --next-code …

- search: the portal's results-page work (`engine.run` + the first page's hits + the counts per filter,
  as bench/search times it) for bench/search's labelled queries, within the ward (its root) and across
  every public ward (what `/tim-kiem/toan-thanh-pho/` runs: `province_wards()`'s scope, the ward facet), p50/p95
  over REPEAT passes; recall@10 and MRR@10 within the ward, labels mapped to the ward's pages; and the
  whole search page over HTTP from granian with the page cache off;
- admin: GETs from granian (production settings) with the ward editor's session (signed in, second
  factor passed, as the admin requires): dashboard, the explorer of the category of 2,000 children, the
  page editor of one of them, the image chooser, the Q&A queue; p50/p95 of ADMIN_RUNS each;
- publish: an article published the admin's way (draft child, `save_revision().publish()`) in the ward:
  delay until its title shows on the ward's home and category through nginx; another ward's home,
  cached by the page cache before, is still a page-cache hit afterwards (no other ward purged);
- the sitemap index (sitemap.xml), its first page (sitemap-trang.xml) and rss/ of the ward from
  granian: size, URLs, p50/p95, page cache off and on;
- memory of each granian worker (VmRSS, PSS) after all this; database size and the largest tables;
- time of `add_ward` for one more unit on the built database.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import ssl
import statistics
import sys
import time
from urllib.parse import quote

REPEAT = 3
ADMIN_RUNS = 20
HTTP_RUNS = 10


def _percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))], 1)


def _summary(values) -> dict:
    return {"n": len(values), "p50": _percentile(values, 0.5), "p95": _percentile(values, 0.95)}


class Http:
    """GETs to granian (plain HTTP, the headers nginx adds) or nginx (HTTPS, SNI localhost), with the
    ward's Host header: *.localhost names do not resolve here, and nginx takes the Host header."""

    def __init__(self, port: int, host: str, tls: bool = False, cookie: str = ""):
        self.port, self.host, self.tls, self.cookie = port, host, tls, cookie
        self.conn = None

    def _connect(self):
        if self.tls:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            return http.client.HTTPSConnection("localhost", self.port, context=context, timeout=30)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def get(self, path: str):
        headers = {"Host": self.host}
        if not self.tls:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookie:
            headers["Cookie"] = self.cookie
        for attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = self._connect()
                started = time.perf_counter()
                self.conn.request("GET", path, headers=headers)
                response = self.conn.getresponse()
                body = response.read()
                return response, body, (time.perf_counter() - started) * 1000
            except (OSError, http.client.HTTPException):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def timed(self, path: str, runs: int) -> dict:
        times, statuses, size = [], {}, 0
        for _ in range(runs):
            response, body, ms = self.get(path)
            times.append(ms)
            statuses[response.status] = statuses.get(response.status, 0) + 1
            size = len(body)
        return {**_summary(times), "statuses": statuses, "bytes": size}


def _ward(site_id):
    from wagtail.models import Site

    from congphuong.news.models import ArticlePage, CategoryPage

    site = Site.objects.select_related("root_page").get(pk=site_id)
    category = CategoryPage.objects.filter(path__startswith=site.root_page.path).order_by("-numchild").first()
    article = ArticlePage.objects.child_of(category).live().order_by("path")[category.numchild // 2]
    return site, category, article


def cmd_pages(args) -> None:
    site, category, article = _ward(args.site_id)
    print(
        json.dumps(
            {
                "host": site.hostname,
                "home": site.root_page.relative_url(site),
                "category": category.relative_url(site),
                "category_children": category.numchild,
                "article": article.relative_url(site),
                "search": "/tim-kiem/?q=" + quote("khuyến học"),
            },
            ensure_ascii=False,
        )
    )


# --- search ---------------------------------------------------------------------------------------


def search(site, per_ward: int, seed: int, app: Http) -> dict:
    from bench.search import corpus
    from congphuong.news.models import ArticlePage
    from congphuong.search import engine
    from congphuong.search.province import province_wards

    articles = corpus.generate(per_ward, seed=seed)
    queries = corpus.labelled_queries(articles)
    # The builder's slugs end with "-<index + 1>": the label's article indexes become the ward's page ids.
    by_index = {}
    for pk, slug in ArticlePage.objects.filter(path__startswith=site.root_page.path).values_list("pk", "slug"):
        suffix = slug.rsplit("-", 1)[-1]
        if suffix.isdigit():
            by_index[int(suffix) - 1] = pk
    kinds = [kind for kind, _label in engine.registry.kinds()]
    categories = [pk for pk, _title in engine.category_choices(site.root_page)]

    def results_page(text, root_id, filters=None):
        started = time.perf_counter()
        outcome = engine.run(text, root_id, filters)
        hits = engine.hits_for_page(outcome, outcome.ordered[: engine.PER_PAGE])
        engine.facet_counts(outcome, engine.Filters(), kinds, categories if root_id else [])
        return (time.perf_counter() - started) * 1000, [hit.document.object_id for hit in hits]

    def province_page(text):
        """What /tim-kiem/toan-thanh-pho/ runs (search/views.py): every public ward, the ward facet."""
        started = time.perf_counter()
        wards = province_wards()
        filters = engine.Filters(scope_not=wards.scope_not)
        outcome = engine.run(text, None, filters)
        engine.hits_for_page(outcome, outcome.ordered[: engine.PER_PAGE])
        engine.facet_counts(outcome, filters, kinds, [])
        engine.ward_counts(outcome)
        return (time.perf_counter() - started) * 1000

    def quality(top, query):
        relevant = {by_index[i] for i in query.relevant if i in by_index}
        found = [rank for rank, item in enumerate(top[:10], 1) if item in relevant]
        return (len(found) / min(len(relevant), 10) if relevant else 1.0), (1.0 / found[0] if found else 0.0)

    # The labels know articles only (bench/search's corpus); the ward also has documents and answered
    # questions on the same topics, which rightly compete for the top 10. So quality is given twice:
    # over all results, and with the "Tin bài" filter a citizen can pick (the labelled setting).
    articles_only = engine.Filters(kinds=("tin-bai",))
    ward_ms, province_ms, recalls, mrrs, article_recalls, article_mrrs = [], [], [], [], [], []
    for query in queries[:3]:
        results_page(query.text, site.root_page_id)  # warm the process (imports, first connection)
    for repeat in range(REPEAT):
        for query in queries:
            ms, top = results_page(query.text, site.root_page_id)
            ward_ms.append(ms)
            if repeat == 0:
                recall, mrr = quality(top, query)
                recalls.append(recall)
                mrrs.append(mrr)
                recall, mrr = quality(results_page(query.text, site.root_page_id, articles_only)[1], query)
                article_recalls.append(recall)
                article_mrrs.append(mrr)
            province_ms.append(province_page(query.text))
    http_ms = [app.get("/tim-kiem/?q=" + quote(query.text))[2] for query in queries[:40]]
    province_http_ms = [app.get("/tim-kiem/toan-thanh-pho/?q=" + quote(query.text))[2] for query in queries[:40]]
    return {
        "queries": len(queries),
        "ward_ms": _summary(ward_ms),
        "province_ms": _summary(province_ms),
        "ward_page_http_ms": _summary(http_ms),
        "province_page_http_ms": _summary(province_http_ms),
        "recall_at_10": round(statistics.mean(recalls), 3),
        "mrr_at_10": round(statistics.mean(mrrs), 3),
        "articles_recall_at_10": round(statistics.mean(article_recalls), 3),
        "articles_mrr_at_10": round(statistics.mean(article_mrrs), 3),
    }


# --- admin ----------------------------------------------------------------------------------------


def editor_cookie(site) -> str:
    """A session of the ward's editor with the second factor passed, in the stack's session store."""
    from django.conf import settings
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
    client = Client()
    client.force_login(editor)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def admin(site, category, article, app: Http) -> dict:
    from django.urls import reverse

    pages = {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer_2000": reverse("wagtailadmin_explore", args=[category.pk]),
        "page_editor": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "image_chooser": reverse("wagtailimages_chooser:choose"),
        "qa_queue": "/admin/hoi-dap-phan-anh/",
    }
    out = {}
    for name, path in pages.items():
        response, body, _ms = app.get(path)  # first view: the worker's caches
        result = app.timed(path, ADMIN_RUNS)
        result["first_status"] = response.status
        out[name] = result
    out["explorer_children"] = category.numchild
    return out


# --- publishing -----------------------------------------------------------------------------------


def publish(site, category, other_site, front: Http, cached: Http, other_cached: Http) -> dict:
    import secrets

    from django.utils.html import escape

    from congphuong.editorial.publishing import approved_publishing
    from congphuong.news.models import ArticlePage

    # The other ward's home, cached by the page cache: a miss fills it, the next GET is a hit.
    other_home = other_site.root_page.relative_url(other_site)
    other_cached.get(other_home)
    before = other_cached.get(other_home)[0].getheader("X-Page-Cache")
    token = secrets.token_hex(3)
    title = f"Tin đăng thử khi đo tỉnh {token}"
    started = time.monotonic()
    page = ArticlePage(title=title, slug=f"tin-dang-thu-{token}", lead="Bài đăng thử của bench/province.", live=False)
    category.add_child(instance=page)
    with approved_publishing():
        page.save_revision(log_action=False).publish()
    published = time.monotonic()
    needle = escape(title).encode()
    visible = {}
    for name, path in (("home", site.root_page.relative_url(site)), ("category", category.relative_url(site))):
        while True:
            response, body, _ms = front.get(path)
            if response.getheader("Content-Encoding") == "gzip":
                import gzip

                body = gzip.decompress(body)
            if response.status == 200 and needle in body:
                visible[name] = round(time.monotonic() - published, 3)
                break
            if time.monotonic() - published > 15:
                visible[name] = None
                break
            time.sleep(0.05)
    after = other_cached.get(other_home)[0].getheader("X-Page-Cache")
    return {
        "publish_s": round(published - started, 3),
        "visible_s": visible,
        "other_ward_cache_before": before,
        "other_ward_cache_after": after,
        "other_ward_kept": before == after == "hit",
    }


# --- sitemap, RSS, memory, database, add_ward --------------------------------------------------------


def feeds(site, app: Http, cached: Http) -> dict:
    out = {}
    # The sitemap index, and its first page: at most 2,000 pages (wards/sitemap.py).
    paths = (("sitemap index", "/sitemap.xml"), ("sitemap", "/sitemap-trang.xml"), ("rss", "/rss/"))
    for name, path in paths:
        response, body, _ms = app.get(path)
        out[name] = {
            "status": response.status,
            "bytes": len(body),
            "entries": len(re.findall(rb"<(?:url|item|sitemap)>", body)),
            "uncached_ms": app.timed(path, HTTP_RUNS),
            "cached_ms": cached.timed(path, HTTP_RUNS),
        }
    return out


def memory(pid_files) -> list[dict]:
    from bench.serving.soak import _children, _memory, _read_pid

    out = []
    for pid_file in pid_files:
        main_pid = _read_pid(pid_file)
        if main_pid is None:
            continue
        for pid in _children(main_pid):
            values = _memory(pid)
            if values:
                out.append(
                    {
                        "server": pid_file.rsplit("/", 1)[-1],
                        "rss_mib": round(values["rss"] / 1024, 1),
                        "pss_mib": round(values.get("pss", 0) / 1024, 1),
                    }
                )
    return out


def database() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
        cursor.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
            "ORDER BY 2 DESC LIMIT 10"
        )
        tables = [(name, round(bytes_ / 2**20, 1)) for name, bytes_ in cursor.fetchall()]
        cursor.execute("SELECT count(*) FROM wagtailcore_page")
        pages = cursor.fetchone()[0]
    return {"bytes": size, "mib": round(size / 2**20, 1), "pages": pages, "largest_tables_mib": tables}


def add_one_ward(code: str, domain: str, port: int) -> dict:
    from congphuong.units import provisioning

    started = time.monotonic()
    ward = provisioning.add_ward(code, f"p{code}.{domain}", port=port)
    return {"code": code, "seconds": round(time.monotonic() - started, 2), "pages": len(ward.sections) + 1}


def cmd_all(args) -> None:
    from wagtail.models import Site

    site, category, article = _ward(args.site_id)
    other = Site.objects.select_related("root_page").get(pk=args.other_site_id)
    host = f"{site.hostname}:{args.https_port}"
    app = Http(args.app_port, host)
    cached = Http(args.cached_port, host)
    front = Http(args.https_port, host, tls=True)
    result = {"ward": {"site_id": site.pk, "host": site.hostname, "name": site.site_name}}
    steps = [
        ("search", lambda: search(site, args.per_ward, args.seed, app)),
        ("admin", lambda: admin(site, category, article, Http(args.app_port, host, cookie=editor_cookie(site)))),
        (
            "publish",
            lambda: publish(
                site, category, other, front, cached, Http(args.cached_port, f"{other.hostname}:{args.https_port}")
            ),
        ),
        ("feeds", lambda: feeds(site, app, cached)),
        ("memory", lambda: memory(args.app_pid_file)),
        ("database", database),
        ("add_ward", lambda: add_one_ward(args.next_code, args.domain, args.https_port)),
    ]
    for name, step in steps:
        print(f"== đo {name}", file=sys.stderr)
        try:
            result[name] = step()
        except Exception as error:  # one failed measurement must not lose the others
            result[name] = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(result, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    pages = sub.add_parser("pages")
    pages.add_argument("--site-id", type=int, required=True)
    every = sub.add_parser("all")
    every.add_argument("--site-id", type=int, required=True)
    every.add_argument("--other-site-id", type=int, required=True)
    every.add_argument("--https-port", type=int, required=True)
    every.add_argument("--app-port", type=int, required=True, help="granian, page cache off")
    every.add_argument("--cached-port", type=int, required=True, help="granian, page cache on")
    every.add_argument("--app-pid-file", action="append", default=[])
    every.add_argument("--per-ward", type=int, required=True)
    every.add_argument("--seed", type=int, required=True, help="the corpus seed of this ward (build.py)")
    every.add_argument("--next-code", required=True, help="a unit with no ward yet, for the add_ward timing")
    every.add_argument("--domain", default="localhost")
    args = parser.parse_args()
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    {"pages": cmd_pages, "all": cmd_all}[args.command](args)


if __name__ == "__main__":
    main()
