"""A ward's home page: theme banner (from the ward), featured news, category sections, media."""

from django.db import models
from django.db.models import prefetch_related_objects
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from congphuong.core.models import BasePage, when_shown, with_listing_images

FEATURED_COUNT = 5
SECTION_SIZE = 4
IMAGE_PREFETCH = ("listing_image__renditions",)
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
        from congphuong.news.models import live_articles

        picked = [
            item.article
            for item in with_listing_images(self.featured_articles.order_by("sort_order"), "article__listing_image")
            if item.article.live and item.article.path.startswith(self.path)  # never another ward's
        ]
        if len(picked) < limit:
            exclude = [article.pk for article in picked]
            picked += list(live_articles().descendant_of(self).exclude(pk__in=exclude)[: limit - len(picked)])
        return picked

    def category_sections(self):
        from congphuong.news.models import CategoryPage

        categories = CategoryPage.objects.child_of(self).live().public().filter(show_on_home=True)
        sections = [
            (category, list(category.articles().prefetch_related(None)[:SECTION_SIZE])) for category in categories
        ]
        # The renditions of every section's images in one query, not one per section.
        prefetch_related_objects([article for _c, articles in sections for article in articles], *IMAGE_PREFETCH)
        return sections

    def media_stories(self):
        from congphuong.media.models import MediaStoryPage

        stories = MediaStoryPage.objects.live().public().descendant_of(self).order_by("-published_at")
        return list(with_listing_images(stories)[:MEDIA_COUNT])

    def latest_documents(self):
        """Văn bản mới: the ward's newest legal documents, and their list page (two queries)."""
        from congphuong.documents.models import DocumentIndexPage, LegalDocumentPage

        documents = list(
            LegalDocumentPage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-issued_on", "-pk")
            .only("id", "title", "url_path", "number", "issued_on", "summary")[:ASIDE_DOCUMENTS]
        )
        index = DocumentIndexPage.objects.live().public().descendant_of(self).only("id", "url_path").first()
        return {"items": documents, "index": index}

    def latest_notices(self):
        """Thông báo: the newest articles of the ward's "thong-bao" category (two queries)."""
        from congphuong.news.models import ArticlePage, CategoryPage

        category = (
            CategoryPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(slug=NOTICES_SLUG)
            .only("id", "path", "url_path", "title")
            .first()
        )
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
        """Lịch công tác of the current week: the page and its first entries (two queries)."""
        from django.utils import timezone

        from congphuong.organisation.models import WorkSchedulePage
        from congphuong.organisation.weeks import Week

        schedule = WorkSchedulePage.objects.live().public().descendant_of(self).first()
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
        context["featured"] = when_shown(self.featured)
        context["category_sections"] = when_shown(self.category_sections)
        context["media_stories"] = when_shown(self.media_stories)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="feed")
    def feed(self, request):
        from congphuong.news.feeds import ArticleFeed

        return ArticleFeed(self)(request)
