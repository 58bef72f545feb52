"""Small builders for the search tests: articles with chosen text, queries against the index."""

import datetime

from django.utils import timezone

from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.search import engine


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def make_article(parent, title, text="Nội dung bài viết.", days_ago=10, **kwargs):
    kwargs.setdefault("lead", "")
    kwargs.setdefault("signing_unit", "")
    published = timezone.now() - datetime.timedelta(days=days_ago)
    return ArticlePageFactory(parent=parent, title=title, body=paragraph(text), published_at=published, **kwargs)


def titles(query, root, filters=None):
    """Titles of the ranked results of `query` below page `root`."""
    outcome = engine.run(query, root.pk, filters)
    return [outcome.documents[key].title for key in outcome.ordered]
