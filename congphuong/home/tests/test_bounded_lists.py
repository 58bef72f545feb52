"""The related articles and the home page's sections read a few candidates (the picks, the newest
sharing a tag, the newest of each category: `core/candidates.py`), not every article of the ward.
They must show what the whole-ward queries they replaced showed: each reference below is the
query as it was, run on a ward where picks, tags and the category all contribute, with what must
be left out (unpublished, private, another ward's) mixed in."""

import datetime

import pytest
from django.db.models import Exists, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from congphuong.core import renditions
from congphuong.home.models import SECTION_SIZE
from congphuong.news.models import ArticlePage, ArticlePageTag, RelatedArticle, article_cards
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.wards.tests.factories import make_ward

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime.datetime(2025, 3, 1, 8, 0))


def whole_ward_related(article, limit):
    """The related articles as one query over the ward used to compute them (before issue 17)."""
    picked = RelatedArticle.objects.filter(page_id=article.pk, article_id=OuterRef("pk"))
    own_tags = ArticlePageTag.objects.filter(content_object_id=article.pk).values("tag_id")
    sharing_a_tag = ArticlePageTag.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=own_tags)
    related = article_cards(renditions.CARD).annotate(
        pick_order=Subquery(picked.values("sort_order")[:1]), shares_tag=Exists(sharing_a_tag)
    )
    related = related.filter(
        Q(pick_order__isnull=False)
        | Q(shares_tag=True)
        | Q(path__startswith=article.path[: -Page.steplen], depth=article.depth),
        ~Q(pk=article.pk),
        path__startswith=article.ward_path,
    )
    order = (F("pick_order").asc(nulls_last=True), F("shares_tag").desc(), "-published_at", "-pk")
    return list(related.order_by(*order)[:limit])


def whole_ward_sections(home, categories):
    """The home page's sections as one window query over the ward (before issue 17)."""
    section = Substr("path", 1, len(categories[0].path))
    ranked = (
        article_cards()
        .alias(section=section)
        .filter(section__in=[category.path for category in categories])
        .annotate(rank=Window(RowNumber(), partition_by=[section], order_by=[F("published_at").desc(), F("pk").desc()]))
        .filter(rank__lte=SECTION_SIZE)
    )
    sections = {category.path: [] for category in categories}
    for article in ranked:
        sections[article.path[: len(categories[0].path)]].append(article.pk)
    return [(category.pk, sections[category.path]) for category in categories]


def _article(parent, n, tags=(), hours=None, live=True):
    article = ArticlePageFactory(
        parent=parent,
        title=f"Bài thử {n}",
        slug=f"bai-thu-{n}",
        published_at=START + datetime.timedelta(hours=hours or n),
    )
    if tags:
        article.tags.add(*tags)
        article.save()
    if not live:
        article.unpublish()
    return article


@pytest.fixture
def mixed_ward(home):
    """A ward whose related lists draw on picks, shared tags and the category, with rows that must
    be left out, and a second ward whose articles share the tags."""
    school = CategoryPageFactory(parent=home, title="Khuyến học", slug="khuyen-hoc")
    grants = CategoryPageFactory(parent=school, title="Học bổng", slug="hoc-bong")  # a sub-category
    social = CategoryPageFactory(parent=home, title="An sinh xã hội", slug="an-sinh")
    hidden = CategoryPageFactory(parent=home, title="Nội bộ", slug="noi-bo")  # private: never listed
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="bimat")
    quiet = CategoryPageFactory(parent=home, title="Ít tin", slug="it-tin", show_on_home=True)
    CategoryPageFactory(parent=home, title="Không lên trang chủ", slug="khong-len", show_on_home=False)

    other_home = make_ward(hostname="khac.test", name="Phường Khác").root_page
    other_category = CategoryPageFactory(parent=other_home, title="Tin phường khác", slug="tin-khac")

    made = {}
    n = 0

    def add(key, parent, tags=(), hours=None, live=True):
        nonlocal n
        n += 1
        made[key] = _article(parent, n, tags, hours, live)
        return made[key]

    # Siblings of the main article, more than four, two sharing its publication time (order by pk).
    for i in range(7):
        add(f"sibling{i}", school, ("môi trường",) if i == 5 else ())
    add("same_time_a", school, hours=40)
    add("same_time_b", school, hours=40)
    add("sibling_unpublished", school, hours=90, live=False)
    # Sharing a tag, in other categories, more than four, and the newest ones left out for a reason.
    for i in range(6):
        add(f"tagged{i}", social if i % 2 else grants, ("học bổng",) if i % 3 else ("an sinh",))
    add("tagged_private", hidden, ("học bổng",), hours=95)
    add("tagged_unpublished", social, ("học bổng",), hours=96, live=False)
    add("tagged_other_ward", other_category, ("học bổng",), hours=97)
    add("sibling_tagged", school, ("an sinh",))  # a sibling sharing a tag: counted as sharing one
    add("quiet_one", quiet)
    main = add("main", school, ("học bổng", "an sinh"))
    # Picks: in the editor's order; one in another ward, one unpublished, one private: skipped.
    picks = [
        add("pick_old", social, hours=1),
        made["tagged_other_ward"],
        add("pick_unpublished", social, live=False),
        made["tagged_private"],
        made["tagged3"],  # a pick that also shares a tag
        made["sibling2"],
    ]
    for order, target in enumerate(picks):
        RelatedArticle.objects.create(page=main, article=target, sort_order=order)
    # A second article with picks only among its own category, and tags nobody else has.
    lonely = add("lonely", quiet, ("chỉ một bài",))
    RelatedArticle.objects.create(page=lonely, article=made["sibling0"], sort_order=0)
    return {"home": home, "articles": made, "main": main}


def test_related_articles_are_those_of_the_whole_ward_query(mixed_ward):
    main = mixed_ward["main"]
    # The reference itself: picks (in order, skipped ones left out), then sharing a tag, then siblings.
    titles = {a.pk: key for key, a in mixed_ward["articles"].items()}
    order = [titles[a.pk] for a in whole_ward_related(main, 20)]
    assert order[:3] == ["pick_old", "tagged3", "sibling2"], order
    assert {"tagged_private", "tagged_unpublished", "tagged_other_ward", "pick_unpublished"}.isdisjoint(order)
    assert "sibling_tagged" in order[3:9] and order[-1].startswith(("sibling", "same_time")), order

    for article in ArticlePage.objects.live():
        if not article.path.startswith(mixed_ward["home"].path):
            continue
        for limit in (1, 3, 4, 6, 9, 20):
            got = [a.pk for a in article.related_articles(limit)]
            want = [a.pk for a in whole_ward_related(article, limit)]
            assert got == want, (article.title, limit, got, want)


def test_home_sections_are_those_of_the_window_query(mixed_ward):
    home = mixed_ward["home"]
    sections = home.category_sections()
    categories = [category for category, _articles in sections]
    assert [c.slug for c in categories] == ["khuyen-hoc", "an-sinh", "it-tin"]  # shown, public, in order
    got = [(category.pk, [a.pk for a in articles]) for category, articles in sections]
    assert got == whole_ward_sections(home, categories)
    school = dict(got)[categories[0].pk]
    assert len(school) == SECTION_SIZE and len(dict(got)[categories[2].pk]) == 2  # it-tin: two articles

    # The newest article of a sub-category tops its parent's section; an unpublished one does not.
    grants = Page.objects.get(slug="hoc-bong").specific
    newest = _article(grants, 500, hours=1000)
    _article(grants, 501, hours=1001, live=False)
    home = Page.objects.get(pk=home.pk).specific
    sections = home.category_sections()
    assert sections[0][1][0].pk == newest.pk
    assert [(c.pk, [a.pk for a in articles]) for c, articles in sections] == whole_ward_sections(home, categories)
