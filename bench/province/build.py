"""Build a province for `make bench-province`: WARDS wards of one city, PER_WARD articles each, in bulk.

Each ward is made by the city IT team's own command (`units.provisioning.add_ward`, from the current
official unit: Site, home, sections, groups, workflow), then filled in one transaction per ward with:

- PER_WARD live ArticlePages in the ward's five news categories (the first category gets 2,000 of them,
  or all when fewer: the admin explorer is measured on a category of that size), from bench/search's
  deterministic corpus (a seed per ward), with two tags each, a listing image on a third of them and an
  image block in the body of one in ten;
- IMAGES_PER_WARD images in the ward's own collection, all pointing at a pool of POOL files (the images are
  the ward's rows; the bytes are shared);
- PER_WARD / 10 live LegalDocumentPages under "Văn bản", each with a PDF attachment (a ward Document row
  over one shared file);
- PER_WARD / 20 citizens' questions, three in four answered and published, the rest open in the queue;
- one editor account in the ward's "Biên tập viên" group (the admin is measured as that person).

Why not `add_child` one page at a time: it locks and rereads the parent, writes a revision and sends the
signals for every page; at 1.68 million pages that is days. Here the rows are the ones Wagtail writes,
computed directly: treebeard paths (`Page._get_path`, the parent's `numchild` + k), depth, url_path, a
published Revision per page (the admin's history and editor read it), the specific row through Django's
own INSERT of the model's local fields. The indexes are then written by the project's own code, once per
ward, inside `core.bulk.bulk_changes()` with `bulk.changed(...)` naming the rows: the portal search index
(`search.indexer.index_pages`), Wagtail's search index (`add_bulk`) and its reference index — the same
calls that index what an editor publishes. `bench.province.checks` then asserts the result looks like
what the admin makes (tree counts, revisions, index rows, the explorer and search finding the pages).

Prints one JSON object (wards, counts, seconds per step, pages per second) on stdout; a progress bar on
stderr. Run with the stack's environment (bench/province/run.sh), or any settings with DATABASE_URL.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import random
import sys
import time
import uuid
from collections import Counter

HCM = "Thành phố Hồ Chí Minh"
IMAGES_PER_WARD = 24
DOCUMENTS_PER_WARD = 12
POOL = 6
BIG_CATEGORY = 2000  # children of the ward's first news category, for the admin explorer
BATCH = 1000
PASSWORD = "Bench@Province2026"
TAGS = (
    "an sinh xã hội",
    "cải cách hành chính",
    "chuyển đổi số",
    "khuyến học",
    "môi trường",
    "an ninh trật tự",
    "y tế",
    "giáo dục",
    "giao thông",
    "văn hóa",
    "thể thao",
    "người cao tuổi",
    "thanh niên",
    "phụ nữ",
    "trẻ em",
    "bảo hiểm y tế",
    "phòng cháy chữa cháy",
    "đất đai",
    "xây dựng",
    "việc làm",
)


class Progress:
    """One line on stderr, rewritten: done/total, rate, time left."""

    def __init__(self, total: int, label: str, stream=sys.stderr):
        self.total, self.label, self.stream = max(total, 1), label, stream
        self.started = time.monotonic()
        self.done = 0
        self.tty = stream.isatty()
        self._last = 0.0

    def advance(self, n: int, note: str = "") -> None:
        self.done += n
        now = time.monotonic()
        if not self.tty and now - self._last < 5 and self.done < self.total:
            return
        self._last = now
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        filled = int(30 * self.done / self.total)
        line = (
            f"{self.label} [{'#' * filled}{'.' * (30 - filled)}] {self.done:,}/{self.total:,} "
            f"{rate:,.0f}/s, còn ~{left / 60:.1f} phút {note}"
        )
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")


def pick_units(province: str, count: int, offset: int = 0):
    """`count` current commune-level units of the province, by code (deterministic)."""
    from congphuong.units.models import AdministrativeUnit

    units = list(
        AdministrativeUnit.objects.filter(valid_to__isnull=True, province__icontains=province).order_by("code")
    )
    if len(units) < offset + count:
        sys.exit(f"{province}: chỉ có {len(units)} đơn vị hiện hành, không đủ {offset + count}.")
    return units[offset : offset + count]


def hostname_for(unit, domain: str) -> str:
    return f"p{unit.code}.{domain}"


# --- Shared files ---------------------------------------------------------------------------------


def image_pool():
    """POOL small JPEGs in the media storage, drawn once: (name, width, height, size, hash) each."""
    import hashlib

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image, ImageDraw

    pool = []
    for index in range(POOL):
        name = f"original_images/tinh-pool-{index}.jpg"
        picture = Image.new("RGB", (1200, 675), (30 + 35 * index, 90, 160 - 20 * index))
        draw = ImageDraw.Draw(picture)
        for step in range(0, 1200, 60):
            draw.rectangle((step, 400 + (step * (index + 1)) % 200, step + 40, 675), fill=(218, 37, 29))
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80)
        data = buffer.getvalue()
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(data))
        pool.append((name, 1200, 675, len(data), hashlib.sha1(data, usedforsecurity=False).hexdigest()))
    return pool


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def document_file():
    import hashlib

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = "documents/tinh-van-ban.pdf"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(PDF))
    return name, len(PDF), hashlib.sha1(PDF, usedforsecurity=False).hexdigest()


def shared_lists() -> None:
    """The install-wide lists every ward's pages point at: tags, a document type, an issuer."""
    from taggit.models import Tag

    from congphuong.core.text import slugify_vi
    from congphuong.documents.models import DocumentType, Issuer

    for name in TAGS:
        Tag.objects.get_or_create(name=name, defaults={"slug": slugify_vi(name)})
    DocumentType.objects.get_or_create(name="Quyết định", defaults={"slug": "quyet-dinh"})
    Issuer.objects.get_or_create(name="Ủy ban nhân dân phường", defaults={"slug": "uy-ban-nhan-dan-phuong"})


# --- Rows -----------------------------------------------------------------------------------------


class PageWriter:
    """Appends live pages of one model under parents, as Wagtail stores a published page."""

    def __init__(self, model, owner, now):
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import Page

        self.model = model
        self.owner = owner
        self.now = now
        self.content_type = ContentType.objects.get_for_model(model)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
        self.local_fields = list(model._meta.local_concrete_fields)

    def page(self, parent, step: int, title: str, slug: str, published, **fields):
        """An unsaved specific page; `step` is its position among the parent's children (1-based)."""
        from wagtail.models import Page

        return self.empty_relations(
            self.model(
                path=Page._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale_id=parent.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=self.content_type,
                url_path=f"{parent.url_path}{slug}/",
                owner=self.owner,
                show_in_menus=False,
                **fields,
            )
        )

    def empty_relations(self, page):
        """Child relations held in memory and empty: the revision is serialised without a query each."""
        from modelcluster.models import get_all_child_relations

        for relation in get_all_child_relations(self.model):
            setattr(page, relation.get_accessor_name(), [])
        return page

    def write(self, pages, relations=(), terms=None) -> list[int]:
        """Insert pages: Page rows, specific rows, the in-memory children of `relations` (tags,
        attachments: saved so that the revision and the reference index name their ids, as the admin's
        form leaves them), the published revision, then the three indexes (bench/province/indexes.py)."""
        from collections import Counter

        from django.db import connection
        from wagtail.models import Page, Revision

        from . import indexes

        terms = Counter() if terms is None else terms
        ids: list[int] = []
        for start in range(0, len(pages), BATCH):
            chunk = pages[start : start + BATCH]
            bases = Page.objects.bulk_create(
                [Page(**{field.attname: getattr(page, field.attname) for field in self.page_fields}) for page in chunk]
            )
            for page, base in zip(chunk, bases, strict=True):
                page.pk = page.id = page.page_ptr_id = base.pk
            self.model._base_manager.all()._insert(chunk, fields=self.local_fields, raw=True)
            for name in relations:
                relation = getattr(self.model, name).rel
                children = []
                for page in chunk:
                    for child in getattr(page, name).all():
                        setattr(child, relation.field.attname, page.pk)
                        children.append(child)
                relation.related_model.objects.bulk_create(children, batch_size=BATCH)
            # The published revision, as `save_revision().publish()` leaves it: latest and live.
            revisions = Revision.objects.bulk_create(
                [
                    Revision(
                        content_type_id=self.content_type.pk,
                        base_content_type_id=self.page_type.pk,
                        object_id=str(page.pk),
                        created_at=page.last_published_at,
                        user=self.owner,
                        object_str=page.title,
                        content=page.serializable_data(),
                    )
                    for page in chunk
                ]
            )
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"UPDATE {Page._meta.db_table} SET latest_revision_id = %s, live_revision_id = %s WHERE id = %s",  # noqa: S608
                    [(revision.pk, revision.pk, page.pk) for page, revision in zip(chunk, revisions, strict=True)],
                )
            for page, revision in zip(chunk, revisions, strict=True):
                page.latest_revision_id = page.live_revision_id = revision.pk
            indexes.references(chunk)
            indexes.wagtail_search(self.model, chunk)
            indexes.portal_pages(chunk, terms)
            ids.extend(page.pk for page in chunk)
        return ids


def _set_numchild(parents) -> None:
    from wagtail.models import Page

    for parent in parents:
        count = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
        Page.objects.filter(pk=parent.pk).update(numchild=count)


def _article_split(n: int, categories: int) -> list[int]:
    """How many articles go to each category: the first gets BIG_CATEGORY (or all), the rest share."""
    first = min(BIG_CATEGORY, n)
    rest = n - first
    others = categories - 1
    return [first] + [rest // others + (1 if i < rest % others else 0) for i in range(others)]


def fill_ward(site_id, per_ward, pool, pdf, seed):
    """Fill one ward made by `add_ward` (its Site id). Returns {seconds per step, counts}."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Site

    from bench.search import corpus
    from congphuong.core import bulk
    from congphuong.core.text import fold, slugify_vi
    from congphuong.core.workdays import WorkdayCalendar
    from congphuong.documents.models import (
        DocumentIndexPage,
        DocumentType,
        Issuer,
        LegalDocumentAttachment,
        LegalDocumentPage,
        leading_number,
    )
    from congphuong.editorial.models import WardCollection, WardRoleGroup
    from congphuong.feedback.codes import new_code
    from congphuong.feedback.models import FeedbackPage, Question, Topic
    from congphuong.news.models import ArticlePage, ArticlePageTag, CategoryPage
    from congphuong.search import indexer
    from congphuong.units.models import AdministrativeUnit
    from congphuong.wards.models import WardSettings

    timings: dict[str, float] = {}
    started = time.monotonic()
    site = Site.objects.select_related("root_page").get(pk=site_id)
    unit = AdministrativeUnit.objects.get(code=WardSettings.objects.get(site=site).unit_code, valid_to__isnull=True)
    rng = random.Random(seed)
    now = timezone.now()

    with transaction.atomic(), bulk.bulk_changes():
        step = time.monotonic()
        home = site.root_page
        editor = get_user_model().objects.create_user(
            username=f"bientap_{unit.code}", password=PASSWORD, first_name="Biên tập", last_name=unit.name
        )
        editor.groups.add(WardRoleGroup.objects.get(site=site, role=WardRoleGroup.EDITOR).group)
        collection = WardCollection.objects.get(site=site).collection

        image_model = get_image_model()
        images = image_model.objects.bulk_create(
            [
                image_model(
                    title=f"Ảnh hoạt động {unit.name} số {index + 1}",
                    file=pool[index % len(pool)][0],
                    width=pool[index % len(pool)][1],
                    height=pool[index % len(pool)][2],
                    file_size=pool[index % len(pool)][3],
                    file_hash=pool[index % len(pool)][4],
                    collection=collection,
                    uploaded_by_user=editor,
                    created_at=now,
                )
                for index in range(IMAGES_PER_WARD)
            ]
        )
        document_model = get_document_model()
        files = document_model.objects.bulk_create(
            [
                document_model(
                    title=f"Tệp văn bản {unit.name} số {index + 1}",
                    file=pdf[0],
                    file_size=pdf[1],
                    file_hash=pdf[2],
                    collection=collection,
                    uploaded_by_user=editor,
                    created_at=now,
                )
                for index in range(DOCUMENTS_PER_WARD)
            ]
        )
        bulk.changed(image_model, [image.pk for image in images])
        bulk.changed(document_model, [item.pk for item in files])

        # Articles: the five news categories add_ward made, under "Tin tức – sự kiện".
        news = Page.objects.child_of(home).get(slug="tin-tuc-su-kien")
        categories = list(CategoryPage.objects.child_of(news).order_by("path"))
        split = _article_split(per_ward, len(categories))
        articles = corpus.generate(per_ward, seed=seed)
        tags = list(Tag.objects.filter(name__in=TAGS).order_by("name"))
        writer = PageWriter(ArticlePage, editor, now)
        pages = []
        position = 0
        for category, count in zip(categories, split, strict=True):
            category.refresh_from_db()
            for k in range(count):
                article = articles[position]
                position += 1
                published = timezone.make_aware(article.date)
                body = [
                    {"type": "paragraph", "value": f"<p>{paragraph}</p>", "id": str(uuid.uuid4())}
                    for paragraph in article.paragraphs
                ]
                if article.index % 10 == 0:
                    body.insert(
                        1,
                        {
                            "type": "image",
                            "value": {"image": images[article.index % len(images)].pk, "alt_text": "", "caption": ""},
                            "id": str(uuid.uuid4()),
                        },
                    )
                slug = f"{slugify_vi(article.title)[:70].strip('-')}-{article.index + 1}"
                page = writer.page(
                    category,
                    category.numchild + k + 1,
                    article.title,
                    slug,
                    published,
                    published_at=published,
                    lead=article.lead,
                    body=json.dumps(body, ensure_ascii=False),
                    signing_unit="",
                    listing_image=images[article.index % len(images)] if article.index % 3 == 0 else None,
                )
                page.tagged_items = [ArticlePageTag(tag=tag) for tag in rng.sample(tags, 2)]
                pages.append(page)

        terms: Counter = Counter()
        article_ids = writer.write(pages, relations=("tagged_items",), terms=terms)

        # Legal documents under "Văn bản", each with one attachment.
        index_page = DocumentIndexPage.objects.child_of(home).get()
        doc_type = DocumentType.objects.get(name="Quyết định")
        issuer = Issuer.objects.get(name="Ủy ban nhân dân phường")
        doc_writer = PageWriter(LegalDocumentPage, editor, now)
        documents = []
        for k in range(per_ward // 10):
            article = articles[k]
            issued = article.date.date()
            number = f"{k + 1}/QĐ-UBND"
            title = f"Quyết định số {number} về {article.topic}"
            summary = f"Về việc {article.topic} trên địa bàn {unit.name.lower()}"
            page = doc_writer.page(
                index_page,
                k + 1,
                title,
                f"quyet-dinh-{k + 1}-qd-ubnd-{issued.year}",
                timezone.make_aware(article.date),
                number=number,
                doc_type=doc_type,
                issuer=issuer,
                signer_name="",
                signer_position="",
                issued_on=issued,
                effective_from=issued,
                summary=summary,
                body="",
                # What LegalDocumentPage.save() computes.
                number_sort=leading_number(number),
                search_text=fold(f"{number} {title} {summary}"),
            )
            page.attachments = [LegalDocumentAttachment(document=files[k % len(files)], label="Toàn văn", sort_order=0)]
            documents.append(page)

        document_ids = doc_writer.write(documents, relations=("attachments",), terms=terms)
        # Sorted: wards filled at once upsert the shared term counts in one order, so never deadlock.
        indexer.apply_term_counts(Counter(dict(sorted(terms.items()))))
        _set_numchild([*categories, index_page])
        timings["pages"] = time.monotonic() - step

        # Citizens' questions: the model's own bookkeeping (code, due date, search text), bulk-inserted.
        step = time.monotonic()
        feedback = FeedbackPage.objects.child_of(home).get()
        topic = Topic.objects.get_or_create(site=site, name="Trật tự đô thị", defaults={"sort_order": 10})[0]
        calendar = WorkdayCalendar.load()
        questions = []
        for k in range(per_ward // 20):
            article = articles[-(k + 1)]
            received = timezone.make_aware(article.date)
            answered = k % 4 != 0
            question = Question(
                site=site,
                page=feedback,
                code=new_code(received.year),
                full_name="Người dân",
                topic=topic,
                content=f"Xin hỏi về {article.topic} ở khu phố {k % 12 + 1}: {article.lead}",
                consent_at=received,
                received_at=received,
                status=Question.ANSWERED if answered else Question.NEW,
                answer=f"Ủy ban nhân dân {unit.name.lower()} trả lời: {article.paragraphs[0]}" if answered else "",
                answering_unit="Văn phòng HĐND và UBND" if answered else "",
                answer_status=Question.ANSWER_APPROVED if answered else Question.ANSWER_DRAFT,
                answer_approved_at=received + datetime.timedelta(days=3) if answered else None,
                closed_at=received + datetime.timedelta(days=3) if answered else None,
                is_public=answered,
                public_title=article.title if answered else "",
                published_at=received + datetime.timedelta(days=3) if answered else None,
            )
            question.set_due_date(calendar, feedback.deadline_working_days)
            question.refresh_search_text()
            questions.append(question)
        questions = Question.objects.bulk_create(questions, batch_size=BATCH)
        bulk.changed(Question, [question.pk for question in questions])
        timings["questions"] = time.monotonic() - step
        index_started = time.monotonic()
    # bulk_changes() indexed the images, files and questions on the way out (the pages were indexed as
    # they were written); the transaction commits here.
    timings["deferred_indexes"] = time.monotonic() - index_started
    timings["total"] = time.monotonic() - started
    return {
        "site_id": site.pk,
        "code": unit.code,
        "name": unit.name,
        "hostname": site.hostname,
        "seed": seed,
        "articles": len(article_ids),
        "documents": len(document_ids),
        "questions": len(questions),
        "images": len(images),
        "seconds": {key: round(value, 2) for key, value in timings.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, default=4)
    parser.add_argument("--per-ward", type=int, default=2000)
    parser.add_argument("--province", default=HCM)
    parser.add_argument("--domain", default="localhost")
    parser.add_argument("--port", type=int, default=443)
    parser.add_argument("--seed", type=int, default=20251125)
    parser.add_argument("--jobs", type=int, default=1, help="wards filled at once, one process each")
    parser.add_argument("--offset", type=int, default=0, help="skip the first units (add wards to a built province)")
    args = parser.parse_args()

    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per section page of every ward
    from django.core.management import call_command
    from django.db import connection, connections

    from congphuong.units import provisioning
    from congphuong.units.models import AdministrativeUnit

    started = time.monotonic()
    if not AdministrativeUnit.objects.exists():
        call_command("load_admin_units", stdout=sys.stderr)
    units = pick_units(args.province, args.wards, args.offset)
    pool, pdf = image_pool(), document_file()
    shared_lists()
    # The wards first, one after the other: each adds a child to the tree's root (its path is the root's
    # numchild + 1), which two processes must not do at once.
    add_seconds = []
    site_ids = []
    for unit in units:
        step = time.monotonic()
        site_ids.append(provisioning.add_ward(unit.code, hostname_for(unit, args.domain), port=args.port).site.pk)
        add_seconds.append(round(time.monotonic() - step, 2))
    progress = Progress(args.wards * args.per_ward, "Bài viết")
    jobs = [
        (site_id, args.per_ward, pool, pdf, args.seed + args.offset + number) for number, site_id in enumerate(site_ids)
    ]
    wards = []
    if args.jobs > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        connections.close_all()  # each process opens its own
        with ProcessPoolExecutor(args.jobs, mp_context=multiprocessing.get_context("fork")) as pool_executor:
            futures = [pool_executor.submit(fill_ward, *job) for job in jobs]
            for future in as_completed(futures):
                wards.append(future.result())
                progress.advance(wards[-1]["articles"], wards[-1]["name"])
    else:
        for job in jobs:
            wards.append(fill_ward(*job))
            progress.advance(wards[-1]["articles"], wards[-1]["name"])
    progress.finish()
    build_seconds = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # a running database has statistics: the planner needs them
    pages = sum(ward["articles"] + ward["documents"] for ward in wards)
    print(
        json.dumps(
            {
                "wards": wards,
                "per_ward": args.per_ward,
                "pages": pages,
                "seconds": round(build_seconds, 1),
                "pages_per_second": round(pages / build_seconds, 1),
                "jobs": args.jobs,
                "add_ward_seconds": add_seconds,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
