"""A ward's home page: theme banner (from the ward), featured news, category sections, media."""

from functools import cached_property

from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from congphuong.core import renditions
from congphuong.core.candidates import union_of
from congphuong.core.models import BasePage, when_shown

FEATURED_COUNT = 5
SECTION_SIZE = 4
MEDIA_COUNT = 4
ASIDE_DOCUMENTS = 5
ASIDE_NOTICES = 5
ASIDE_SCHEDULE_ENTRIES = 6
NOTICES_SLUG = "thong-bao"  # the "Thông báo" news category, wherever it sits in the ward's tree


class FeaturedArticle(Orderable):
    """One entry of the editor-ordered "Tin tức nổi bật" list."""

    page = ParentalKey("home.HomePage", related_name="featured_articles", on_delete=models.CASCADE)
    article = models.ForeignKey("news.ArticlePage", verbose_name="Bài viết", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]


class HomePage(RoutablePageMixin, BasePage):
    intro = models.TextField("Lời giới thiệu", blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_articles", label="Tin tức nổi bật", help_text="Thứ tự ở đây là thứ tự hiện trên trang chủ."
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Trang chủ phường"
        verbose_name_plural = "Trang chủ phường"

    def featured(self, limit=FEATURED_COUNT):
        """Editor-picked live articles in their order; topped up with the latest ones."""
        from congphuong.news.models import CARD_FIELDS, article_cards

        # The picked articles' card columns only: their whole rows (the body's JSON, a dozen dates)
        # cost more to read and convert than the rest of the featured list.
        picks = (
            self.featured_articles.order_by("sort_order")
            .select_related("article__listing_image")
            .only("article", "page", "article__live", *(f"article__{field}" for field in CARD_FIELDS))
        )
        picked = [
            item.article
            for item in picks
            if item.article.live and item.article.path.startswith(self.path)  # never another ward's
        ]
        if len(picked) < limit:
            exclude = [article.pk for article in picked]
            # The ward's articles by path prefix alone (`descendant_of` adds `depth >= d`): with it,
            # SQLite read every page below the home through the (depth, path) index and sorted
            # them (54 ms at 10,000 articles); without, it walks the newest first and stops (5 ms).
            latest = article_cards().filter(path__startswith=self.path).exclude(pk__in=exclude)
            picked += list(latest[: limit - len(picked)])
        return picked

    def category_sections(self):
        """(category, its newest articles) for each category shown on the home page: two queries."""
        from congphuong.news.models import ArticlePage, CategoryPage, chosen_cards

        categories = list(
            CategoryPage.objects.child_of(self)
            .live()
            .public()
            .filter(show_on_home=True)
            .only("id", "title", "url_path", "path", "depth")
        )
        if not categories:
            return []
        # The newest SECTION_SIZE of each category: a short query each (the newest first, served
        # by the index on published_at), their ids unioned in one query (`core/candidates.py`).
        # Numbering every article of the ward per category with a window function, then keeping
        # four, cost more as the ward grew.
        newest = ArticlePage.objects.filter(live=True).public().order_by("-published_at", "-pk").values("pk")
        parts = [newest.filter(path__startswith=category.path)[:SECTION_SIZE] for category in categories]
        ranked = chosen_cards(union_of(*parts))
        sections = {category.path: [] for category in categories}
        for article in ranked:
            sections[article.path[: len(categories[0].path)]].append(article)
        return [(category, sections[category.path]) for category in categories]

    def media_stories(self):
        from congphuong.media.models import MediaStoryPage

        stories = MediaStoryPage.objects.live().public().descendant_of(self).order_by("-published_at")
        # What a story card shows (media/includes/story_item.html; `kind` reads the two video fields).
        card = ("id", "title", "url_path", "path", "depth", "content_type", "published_at", "listing_image")
        return list(stories.select_related("listing_image").only(*card, "video_url", "video_file")[:MEDIA_COUNT])

    @cached_property
    def lists(self) -> dict:
        """The home page's article lists, with the renditions their images are shown in (and only
        those) in one query for all of them (home_page.html: the top featured article's picture,
        the section's first card bigger, compact cards, media cards)."""
        lists = {"featured": self.featured(), "sections": self.category_sections(), "media": self.media_stories()}
        uses = [(article.listing_image, (renditions.CARD,)) for article in lists["featured"][1:]]
        if lists["featured"]:
            uses.append((lists["featured"][0].listing_image, (renditions.FEATURED_TOP,)))
        for _category, articles in lists["sections"]:
            uses += [
                (article.listing_image, (renditions.CARD_BIG if i == 0 else renditions.CARD,))
                for i, article in enumerate(articles)
            ]
        uses += [(story.listing_image, (renditions.STORY_CARD,)) for story in lists["media"]]
        renditions.prefetch(uses)
        return lists

    @cached_property
    def landing_pages(self) -> dict:
        """The ward's pages the home page links to, in one query: the media index, the documents
        index, the work schedule and the notices category (public and live; the first of each)."""
        from django.contrib.contenttypes.models import ContentType

        from congphuong.core.models import restricted_at_or_above
        from congphuong.documents.models import DocumentIndexPage
        from congphuong.media.models import MediaIndexPage
        from congphuong.news.models import CategoryPage
        from congphuong.organisation.models import WorkSchedulePage

        kinds = {
            "media": (MediaIndexPage, Q(depth=self.depth + 1)),
            "documents": (DocumentIndexPage, Q()),
            "schedule": (WorkSchedulePage, Q()),
            "notices": (CategoryPage, Q(slug=NOTICES_SLUG)),
        }
        types = {name: ContentType.objects.get_for_model(model).pk for name, (model, _q) in kinds.items()}
        wanted = Q(pk__in=[])
        for name, (_model, extra) in kinds.items():
            wanted |= Q(content_type_id=types[name]) & extra
        pages = (
            Page.objects.descendant_of(self)
            .live()
            .filter(wanted)
            .alias(private=restricted_at_or_above())
            .filter(private=False)
        )
        kind_of = {type_id: name for name, type_id in types.items()}
        found = {}
        for page in pages:  # in tree order: the first of each kind wins
            found.setdefault(kind_of[page.content_type_id], page.specific_deferred)
        return found

    def latest_documents(self):
        """Văn bản mới: the ward's newest legal documents, and their list page."""
        from congphuong.documents.models import LegalDocumentPage

        documents = list(
            LegalDocumentPage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-issued_on", "-pk")
            .only("id", "title", "url_path", "number", "issued_on", "summary")[:ASIDE_DOCUMENTS]
        )
        return {"items": documents, "index": self.landing_pages.get("documents")}

    def latest_notices(self):
        """Thông báo: the newest articles of the ward's "thong-bao" category."""
        from congphuong.news.models import ArticlePage

        category = self.landing_pages.get("notices")
        if category is None:
            return {"items": [], "category": None}
        articles = list(
            ArticlePage.objects.live()
            .public()
            .descendant_of(category)
            .order_by("-published_at", "-pk")
            .only("id", "title", "url_path", "published_at")[:ASIDE_NOTICES]
        )
        return {"items": articles, "category": category}

    def week_schedule(self):
        """Lịch công tác of the current week: the page and its first entries."""
        from django.utils import timezone

        from congphuong.organisation.weeks import Week

        schedule = self.landing_pages.get("schedule")
        if schedule is None:
            return None
        week = Week.containing(timezone.localdate())
        entries = schedule.entries_for(week)
        return {
            "page": schedule,
            "week": week,
            "entries": entries[:ASIDE_SCHEDULE_ENTRIES],
            "more": len(entries) > ASIDE_SCHEDULE_ENTRIES,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_documents"] = when_shown(self.latest_documents)
        context["latest_notices"] = when_shown(self.latest_notices)
        context["week_schedule"] = when_shown(self.week_schedule)
        context["featured"] = when_shown(lambda: self.lists["featured"])
        context["category_sections"] = when_shown(lambda: self.lists["sections"])
        context["media_stories"] = when_shown(lambda: self.lists["media"])
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="feed")
    def feed(self, request):
        from congphuong.news.feeds import ArticleFeed

        return ArticleFeed(self)(request)
