"""Add N generated articles to the demo ward (after `load_demo`) and print the pages to measure.

The articles are bench/search's deterministic corpus, inserted in bulk as live ArticlePages under
the demo ward's own categories (round robin over vocab categories → demo categories), then the
portal search index is rebuilt. Prints one JSON object: {"home": path, "category": …, "article": …,
"search": …, "articles": N}. Run with the stack's environment (bench/serving/run.sh).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from urllib.parse import quote


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--hostname", default="localhost")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import transaction
    from wagtail.models import Page, Site

    from bench.search import corpus, pages
    from congphuong.news.models import ArticlePage, CategoryPage
    from congphuong.search import indexer

    started = time.monotonic()
    site = Site.objects.get(hostname=args.hostname, is_default_site=True)
    home = site.root_page
    categories = list(CategoryPage.objects.child_of(home).live().public().order_by("path"))
    if not categories:
        sys.exit("The demo ward has no category: run `manage.py load_demo` first.")

    # insert_articles numbers new children from `numchild`; the demo may have left gaps in the
    # tree paths, so start after the last child instead, then recount.
    targets = []
    for index in range(len(corpus.vocab.CATEGORIES)):
        category = categories[index % len(categories)]
        last = Page.objects.filter(path__startswith=category.path, depth=category.depth + 1).order_by("-path").first()
        category.numchild = int(last.path[-Page.steplen :], len(Page.alphabet)) if last else 0
        targets.append(category)
    # One object per demo category, so counters shared by two vocab categories do not collide.
    by_pk = {category.pk: category for category in reversed(targets)}
    targets = [by_pk[category.pk] for category in targets]

    articles = corpus.generate(args.n)
    with transaction.atomic():
        page_ids = pages.insert_articles(articles, targets)
        for category in by_pk.values():
            count = Page.objects.filter(path__startswith=category.path, depth=category.depth + 1).count()
            Page.objects.filter(pk=category.pk).update(numchild=count)
    indexed = indexer.rebuild()
    # A running database has statistics (autovacuum analyses after bulk changes within a minute):
    # without them the planner sorts every article for "the newest 4" instead of walking the index.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    # The category with the most articles: its first page lists the newest ones.
    category = max(categories, key=lambda c: ArticlePage.objects.child_of(c).live().count())
    article = ArticlePage.objects.get(pk=page_ids[len(page_ids) // 2])
    print(
        json.dumps(
            {
                "home": home.relative_url(site),
                "category": category.relative_url(site),
                "article": article.relative_url(site),
                "search": "/tim-kiem/?q=" + quote("khuyến học"),
                "articles": args.n,
                "indexed": indexed,
                "seconds": round(time.monotonic() - started, 1),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
