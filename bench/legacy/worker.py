"""One legacy benchmark run on the (empty) database of DATABASE_URL; writes a JSON report.

    DATABASE_URL=… python -m bench.legacy.worker import --pages 1000 --out r.json
    DATABASE_URL=… python -m bench.legacy.worker merge --pages 1000 --out r.json   # 3 wards × pages

import: migrate, load the administrative units, `add_ward` phường Tân Sơn Hòa (26977), generate the
legacy pages (bench/legacy/generate.py), run `manage.py import_legacy` on the HTML folder then on the
text folder (the importer refuses a folder mixing formats) with its progress bar on stderr, then
compare a hash of every source title, paragraph, caption, signing unit and image before with the
same read back from the imported pages and stored image files.

merge: the same ward plus three old wards (Phường 1, 2, 3 of Tân Bình, made as the merger's tests
make them), each with `pages` live articles written in bulk (as bench/search/pages.py does) and a
few images, then `manage.py merge_wards P1 P2 P3 --into NEW` timed, and a hash of every article
(title, lead, body, date) and image file of the four wards before against the new ward after.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import sys
import time
from collections import Counter
from io import StringIO
from pathlib import Path

NEW_CODE = "26977"  # phường Tân Sơn Hòa (Phường 1, 2, 3 of quận Tân Bình before 1/7/2025)
NEW_HOST = "tansonhoa.bench.example.gov.vn"
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


def _text(value: str) -> str:
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", value))).strip()


def _digest(*parts) -> str:
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8")).hexdigest()


def _load(report):
    """Migrate, load the units, make the superuser: skipped on a prepared copy (run.py keeps one)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from congphuong.units import loading

    if _migrated() and get_user_model().objects.filter(username="bench").exists():
        report["prepared"] = True
        return
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    report["migrate_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    loading.load()
    report["units_s"] = round(time.perf_counter() - started, 1)
    get_user_model().objects.create_superuser("bench", password="bench")  # noqa: S106 (throwaway DB)


def _migrated() -> bool:
    from django.db import connection

    return "auth_user" in connection.introspection.table_names()


def _loadavg():
    return os.getloadavg()[0]


# --- import -----------------------------------------------------------------------------------


def _caption(text: str) -> str:
    """The caption without the "Ảnh: " the old page printed before it (kept by the importer as written)."""
    return re.sub(r"^Ảnh\s*:\s*", "", text or "")


def source_digest(source) -> str:
    image = hashlib.sha256(source.image).hexdigest() if source.image is not None else ""
    return _digest(source.title, *source.paragraphs, _caption(source.caption), source.signing_unit, image)


def page_digest(page, origin, images) -> str:
    """The same as source_digest, read back from an imported ArticlePage."""
    paragraphs, caption, image = [], "", ""
    for block in page.body.raw_data:
        if block["type"] == "paragraph":
            paragraphs.append(_text(block["value"]))
        elif block["type"] == "image":
            caption = _caption(block["value"].get("caption", ""))
            stored = images[block["value"]["image"]]
            with stored.file.open("rb") as handle:
                image = hashlib.sha256(handle.read()).hexdigest()
    title = origin.original_title or page.title
    return _digest(title, *paragraphs, caption, page.signing_unit, image)


def run_import(args, report):
    from django.core.management import call_command
    from wagtail.images import get_image_model

    from congphuong.legacy.models import ContentOrigin
    from congphuong.news.models import ArticlePage
    from congphuong.units.provisioning import add_ward

    from . import generate

    _load(report)
    ward = add_ward(NEW_CODE, NEW_HOST)
    out = Path(args.work) / f"legacy-{args.pages}"
    started = time.perf_counter()
    sources = generate.write(args.pages, out)
    report["generate_s"] = round(time.perf_counter() - started, 1)
    report["layouts"] = dict(Counter(source.layout for source in sources))
    report["images"] = sum(source.image is not None for source in sources)
    digests = [source_digest(source) for source in sources]
    before = sorted(digests)

    load_before = _loadavg()
    cpu0, started = time.process_time(), time.perf_counter()
    runs = []
    for folder in ("html", "text"):
        t0 = time.perf_counter()
        stdout = StringIO()
        options = ["--site", NEW_HOST, "--old-hostname", generate.HOST, "--old-ward", "Phường 9 (cũ)"]
        if args.publish:
            options.append("--publish")
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        call_command("import_legacy", str(out / folder), *options, stdout=stdout)
        if args.profile:
            profiler.disable()
            profiler.dump_stats(f"{args.out}.{folder}.prof")
        runs.append(
            {"folder": folder, "seconds": round(time.perf_counter() - t0, 1), "report": stdout.getvalue()[-1500:]}
        )
    report["import_s"] = round(time.perf_counter() - started, 1)
    report["import_cpu_s"] = round(time.process_time() - cpu0, 1)
    report["load"] = [round(load_before, 2), round(_loadavg(), 2)]
    report["runs"] = runs

    origins = {
        origin.object_id: origin
        for origin in ContentOrigin.objects.filter(site=ward.site, run__isnull=False).select_related("content_type")
    }
    pages = ArticlePage.objects.filter(pk__in=list(origins)).order_by("pk")
    images = {image.pk: image for image in get_image_model().objects.all()}
    after = sorted(page_digest(page, origins[page.pk], images) for page in pages)
    _compare(report, before, after)
    found = Counter(after)
    missing = Counter()
    for source, digest in zip(sources, digests, strict=True):
        if found[digest]:
            found[digest] -= 1
        else:
            missing[source.layout] += 1
    report["lost_by_layout"] = dict(missing)
    report["legal_documents"] = len(origins) - len(after)
    report["published"] = pages.filter(live=True).count()
    # A second run changes nothing (idempotency), timed too.
    t0 = time.perf_counter()
    call_command(
        "import_legacy", str(out / "html"), "--site", NEW_HOST, "--old-ward", "Phường 9 (cũ)", stdout=StringIO()
    )
    report["rerun_html_s"] = round(time.perf_counter() - t0, 1)
    report["pages_after_rerun"] = ArticlePage.objects.filter(pk__in=list(origins)).count()
    report["articles_total_after_rerun"] = ArticlePage.objects.count()


def _compare(report, before, after):
    b, a = Counter(before), Counter(after)
    report["hash_before"] = hashlib.sha256("".join(before).encode()).hexdigest()
    report["hash_after"] = hashlib.sha256("".join(after).encode()).hexdigest()
    report["items_before"], report["items_after"] = len(before), len(after)
    report["lost"] = sum((b - a).values())
    report["unexpected"] = sum((a - b).values())


# --- merge ------------------------------------------------------------------------------------


def _old_ward(code_old, made_from, host, name):
    from congphuong.units.provisioning import add_ward
    from congphuong.wards.models import WardSettings

    site = add_ward(made_from, host).site
    site.site_name = name
    site.save()
    WardSettings.objects.filter(site=site).update(unit_code=code_old, short_name=name)
    home = site.root_page
    home.title = name
    home.save(update_fields=["title"])
    return site


def _fill(site, label, n, seed):
    """n live articles spread over the ward's five news categories, written in bulk, and 3 images."""
    import datetime

    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from bench.search.pages import insert_articles
    from congphuong.editorial.models import WardCollection
    from congphuong.news.models import CategoryPage

    from . import generate

    news = Page.objects.get(path__startswith=site.root_page.path, slug="tin-tuc-su-kien")
    categories = list(CategoryPage.objects.child_of(news).order_by("path"))

    class Article:  # the shape bench.search.pages.insert_articles writes
        def __init__(self, index, source):
            self.index = index
            self.category = index % len(categories)
            self.title = f"{label}: {source.title}"
            self.lead = source.paragraphs[0][:250]
            self.paragraphs = source.paragraphs[1:]
            day, month, year = (int(part) for part in source.date.split("/"))
            hour, minute = (int(part) for part in source.time.split(":"))
            self.date = datetime.datetime(year, month, day, hour, minute)

    articles = [Article(i, generate.make_source(i, "mirror", seed)) for i in range(n)]
    insert_articles(articles, categories)
    collection = WardCollection.objects.get(site=site).collection
    Image = get_image_model()
    for k in range(3):
        source = generate.make_source(k * 5 + 2, "mirror", seed)
        Image.objects.create(
            title=f"Ảnh {label} {k + 1}", file=ContentFile(source.image, name=source.image_name), collection=collection
        )


def _merge_census(sites):
    """Digests of every article (title, lead, body text, date) and image file in these wards."""
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from congphuong.editorial.models import WardCollection
    from congphuong.news.models import ArticlePage

    digests = []
    for site in sites:
        home = site.root_page
        for page in ArticlePage.objects.filter(path__startswith=home.path).iterator():
            body = " ".join(_text(b["value"]) if isinstance(b["value"], str) else "" for b in page.body.raw_data)
            digests.append(_digest("page", page.title, page.lead, body, page.published_at.isoformat()))
        roots = [wc.collection for wc in WardCollection.objects.filter(site=site)]
        ids = set()
        for root in roots:
            ids |= set(Collection.objects.filter(path__startswith=root.path).values_list("pk", flat=True))
        for image in get_image_model().objects.filter(collection_id__in=ids):
            with image.file.open("rb") as handle:
                digests.append(_digest("image", image.title, hashlib.sha256(handle.read()).hexdigest()))
    return sorted(digests)


def run_merge(args, report):
    from django.core.management import call_command
    from wagtail.models import Site

    from congphuong.news.models import ArticlePage
    from congphuong.units.models import AdministrativeUnit, Succession
    from congphuong.units.provisioning import add_ward

    _load(report)
    new = add_ward(NEW_CODE, NEW_HOST).site
    olds = list(
        Succession.objects.filter(successor__code=NEW_CODE, successor__valid_to__isnull=True)
        .select_related("predecessor")
        .order_by("predecessor__name")[:3]
    )
    # Each old portal is made by add_ward on some other current unit, then linked to its old unit
    # (as congphuong/merger/tests/conftest.py does): add_ward only makes portals of current units.
    spare = list(
        AdministrativeUnit.objects.filter(valid_to__isnull=True, province_code="79")
        .exclude(code=NEW_CODE)
        .order_by("code")
        .values_list("code", flat=True)[:3]
    )
    started = time.perf_counter()
    hosts = []
    for number, (link, made_from) in enumerate(zip(olds, spare, strict=True), start=1):
        host = f"p{number}.tanbinh.bench.example.gov.vn"
        site = _old_ward(link.predecessor.code, made_from, host, link.predecessor.name)
        _fill(site, link.predecessor.name, args.pages, seed=100 + number)
        hosts.append(host)
    _fill(new, "Tân Sơn Hòa", max(10, args.pages // 10), seed=99)
    report["fill_s"] = round(time.perf_counter() - started, 1)
    # The pages were written in bulk, past the index: index them, as a live portal's pages are (the
    # merger then moves indexed documents, as it would on a real install).
    from congphuong.search import indexer
    from congphuong.search.models import SearchDocument

    started = time.perf_counter()
    indexer.rebuild()
    report["index_s"] = round(time.perf_counter() - started, 1)
    report["documents_before"] = SearchDocument.objects.count()
    report["old_wards"] = [link.predecessor.name for link in olds]
    sites = list(Site.objects.filter(hostname__in=hosts)) + [new]
    before = _merge_census(sites)
    report["pages_before"] = ArticlePage.objects.count()

    load_before = _loadavg()
    stdout = StringIO()
    cpu0, started = time.process_time(), time.perf_counter()
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    call_command("merge_wards", *hosts, "--into", NEW_HOST, stdout=stdout)
    if args.profile:
        profiler.disable()
        profiler.dump_stats(f"{args.out}.merge.prof")
    report["merge_s"] = round(time.perf_counter() - started, 1)
    report["merge_cpu_s"] = round(time.process_time() - cpu0, 1)
    report["load"] = [round(load_before, 2), round(_loadavg(), 2)]
    report["merge_report"] = stdout.getvalue()[-3000:]
    new.refresh_from_db()
    after = _merge_census([new])
    _compare(report, before, after)
    report["pages_after"] = ArticlePage.objects.count()
    report["articles_in_new_ward"] = ArticlePage.objects.filter(path__startswith=new.root_page.path).count()
    # Every article's document follows it: in the new ward, at its new address.
    articles = dict(ArticlePage.objects.filter(path__startswith=new.root_page.path).values_list("pk", "url_path"))
    prefix = len(new.root_page.url_path) - 1
    documents = dict(
        SearchDocument.objects.filter(source="page", object_id__in=articles, site=new).values_list("object_id", "url")
    )
    report["documents_after"] = SearchDocument.objects.count()
    report["documents_at_new_address"] = sum(
        1 for pk, url_path in articles.items() if documents.get(pk, "").endswith(url_path[prefix:])
    )
    report["sites_left"] = list(Site.objects.values_list("hostname", flat=True))
    t0 = time.perf_counter()
    second = StringIO()
    call_command("merge_wards", *hosts, "--into", NEW_HOST, stdout=second)
    report["second_run_s"] = round(time.perf_counter() - t0, 1)
    report["second_run"] = second.getvalue()[-300:]


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("prepare", "import", "merge"))
    parser.add_argument("--pages", type=int, default=0)
    parser.add_argument("--out", default="")
    parser.add_argument("--work", default=os.environ.get("BENCH_DIR", "/tmp/congphuong-bench"))
    parser.add_argument("--publish", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile the timed step into OUT.*.prof")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congphuong.settings.test")
    import django

    django.setup()
    from django.db import connection

    report = {"mode": args.mode, "pages": args.pages, "backend": connection.vendor}
    if args.mode == "prepare":
        _load(report)
        return
    (run_import if args.mode == "import" else run_merge)(args, report)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False, indent=1)
    print(
        json.dumps({k: v for k, v in report.items() if k not in ("runs", "merge_report")}, ensure_ascii=False),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
