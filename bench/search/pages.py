"""Real Wagtail pages for the benchmark corpus, inserted in bulk.

One ward (Site + HomePage), one live CategoryPage per vocabulary category, and N live
ArticlePages written straight into wagtailcore_page / news_articlepage (tree paths computed
here): creating 100,000 pages one by one through Wagtail would take hours, and the rows are
the same ones Wagtail writes. Both indexes then read these pages through their normal code.
"""

from __future__ import annotations

import json
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page, Site

from congphuong.core.text import slugify_vi
from congphuong.home.models import HomePage
from congphuong.news.models import ArticlePage, CategoryPage

from . import corpus, vocab

BATCH = 2000


def make_ward():
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=corpus.WARD, slug="phuong-binh-an", live=True))
    Site.objects.all().update(is_default_site=False)
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home, site_name=corpus.WARD, is_default_site=True
    )
    categories = []
    for title, _topics in vocab.CATEGORIES:
        categories.append(home.add_child(instance=CategoryPage(title=title, slug=slugify_vi(title), live=True)))
    return site, home, categories


def _tree_step(n: int) -> str:
    alphabet = Page.alphabet
    out = ""
    while n:
        n, digit = divmod(n, len(alphabet))
        out = alphabet[digit] + out
    return out.rjust(Page.steplen, "0")


def insert_articles(articles: list[corpus.Article], categories: list[CategoryPage]) -> list[int]:
    """Bulk-insert the articles as live ArticlePages; returns the page id of each article."""
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale_id = categories[0].locale_id
    counters = {category.pk: category.numchild for category in categories}
    page_ids: list[int] = []
    now = timezone.now()
    for start in range(0, len(articles), BATCH):
        chunk = articles[start : start + BATCH]
        pages = []
        for article in chunk:
            category = categories[article.category]
            counters[category.pk] += 1
            slug = f"bai-{article.index + 1}"
            published = timezone.make_aware(article.date)
            pages.append(
                Page(
                    path=category.path + _tree_step(counters[category.pk]),
                    depth=category.depth + 1,
                    numchild=0,
                    translation_key=uuid.uuid4(),
                    locale_id=locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    title=article.title,
                    draft_title=article.title,
                    slug=slug,
                    content_type=content_type,
                    url_path=f"{category.url_path}{slug}/",
                    show_in_menus=False,
                    latest_revision_created_at=now,
                )
            )
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            rows = []
            for page, article in zip(created, chunk, strict=True):
                body = [
                    {"type": "paragraph", "value": f"<p>{paragraph}</p>", "id": str(uuid.uuid4())}
                    for paragraph in article.paragraphs
                ]
                rows.append(
                    (page.pk, timezone.make_aware(article.date), article.lead, json.dumps(body, ensure_ascii=False), "")
                )
                page_ids.append(page.pk)
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {ArticlePage._meta.db_table} (page_ptr_id, published_at, lead, body, signing_unit) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    rows,
                )
    for pk, numchild in counters.items():
        Page.objects.filter(pk=pk).update(numchild=numchild)
    return page_ids
