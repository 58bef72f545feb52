"""`.public()` on portal page types (core.models.RestrictedAtOrAbove, one subquery of the list's own
query) leaves out what Wagtail's `.public()` leaves out: a restricted page and everything below it,
also where the list is itself a subquery of another query (its aliases renamed) or joined."""

import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from congphuong.core.models import restricted_at_or_above
from congphuong.news.models import ArticlePage
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory

pytestmark = pytest.mark.django_db


def test_public_lists_leave_out_what_wagtails_public_leaves_out(home):
    open_category = CategoryPageFactory(parent=home, title="Tin chung", slug="tin-chung")
    closed = CategoryPageFactory(parent=home, title="Nội bộ", slug="noi-bo")
    inner = CategoryPageFactory(parent=closed, title="Nội bộ con", slug="noi-bo-con")
    shown = [ArticlePageFactory(parent=open_category, title=f"Tin mở {n}") for n in range(2)]
    hidden = [ArticlePageFactory(parent=closed, title="Tin kín"), ArticlePageFactory(parent=inner, title="Tin kín con")]
    restricted_one = ArticlePageFactory(parent=open_category, title="Tin riêng một bài")
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=restricted_one, restriction_type=PageViewRestriction.PASSWORD, password="x")

    ours = set(ArticlePage.objects.public().values_list("pk", flat=True))
    wagtails = set(
        ArticlePage.objects.exclude(PageQuerySet.private_q(ArticlePage.objects.all())).values_list("pk", flat=True)
    )
    assert ours == wagtails == {page.pk for page in shown}

    # As a subquery of another query, and annotated on a join.
    nested = set(Page.objects.filter(pk__in=ArticlePage.objects.public().values("pk")).values_list("pk", flat=True))
    assert nested == ours
    private = dict(
        Page.objects.filter(pk__in=[page.pk for page in shown + hidden])
        .annotate(private=restricted_at_or_above())
        .values_list("pk", "private")
    )
    assert {pk for pk, flag in private.items() if flag} == {page.pk for page in hidden}
    assert restricted_one.pk not in ours
