"""News: nested categories (Danh mục) and the articles inside them."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from congphuong.core import renditions
from congphuong.core.blocks import BodyStreamBlock
from congphuong.core.candidates import union_of
from congphuong.core.models import BasePage, base_promote_panels, when_shown, with_listing_images
from congphuong.core.pagination import page_number, paginate

ARTICLES_PER_PAGE = 12
# What an article card shows (includes/article_item.html) and what its link and list need: the
# lists of cards read these columns only. A page row has some thirty columns, half a dozen of them
# dates Django converts one by one; reading them all cost more than building the list's query.
CARD_FIELDS = ("id", "title", "url_path", "path", "depth", "content_type", "published_at", "lead", "listing_image")


def live_articles(*image_specs):
    """Live public articles, newest first, with their listing images and the renditions of
    `image_specs` (core/renditions.py: the sizes the list shows)."""
    return with_listing_images(
        ArticlePage.objects.live().public().order_by("-published_at", "-pk").defer_streamfields(), *image_specs
    )


def article_cards(*image_specs):
    """`live_articles` with only the columns a card shows (`CARD_FIELDS`)."""
    return live_articles(*image_specs).only(*CARD_FIELDS)


def chosen_cards(candidates, *image_specs):
    """The cards (`CARD_FIELDS`, listing images) of the articles whose ids `candidates` gives, newest
    first: a list that already chose live, public articles of its ward (`core/candidates.py`)."""
    chosen = ArticlePage.objects.filter(pk__in=candidates).order_by("-published_at", "-pk")
    return with_listing_images(chosen.only(*CARD_FIELDS), *image_specs)


class CategoryPage(RoutablePageMixin, BasePage):
    """A Danh mục: lists its own articles and those of its sub-categories, newest first."""

    intro = models.TextField("Giới thiệu ngắn", blank=True)
    show_on_home = models.BooleanField(
        "Hiện trên trang chủ", default=True, help_text="Trang chủ có một mục với các bài mới nhất của danh mục này."
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("show_on_home")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "news.CategoryPage"]
    subpage_types = ["news.CategoryPage", "news.ArticlePage"]

    class Meta:
        verbose_name = "Danh mục tin"
        verbose_name_plural = "Danh mục tin"

    def default_description(self) -> str:
        return f"{self.title}: tin tức, thông báo và hoạt động của mục này, mới nhất trước."

    def articles(self, *image_specs):
        return article_cards(*image_specs).descendant_of(self)

    def subcategories(self):
        return CategoryPage.objects.child_of(self).live().public().only("id", "title", "url_path")

    def get_context(self, request, *args, **kwargs):
        from congphuong.core.origin import request_site
        from congphuong.legacy.archive import archive_filter, filter_pages, param_value

        context = super().get_context(request, *args, **kwargs)
        archive = {}

        def chosen():  # "Phường cũ" (docs/ward-merger.md): read only when the kept fragment is rendered
            if "filter" not in archive:
                archive["filter"] = archive_filter(request, request_site(request))
            return archive["filter"]

        context["articles"] = when_shown(
            lambda: paginate(
                request,
                filter_pages(self.articles(renditions.CARD), request_site(request), chosen()),
                per_page=ARTICLES_PER_PAGE,
            )
        )
        context["archive"] = when_shown(chosen)
        context["old_ward"] = param_value(request)
        context["page_number"] = page_number(request)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="feed")
    def feed(self, request):
        from .feeds import ArticleFeed

        return ArticleFeed(self)(request)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class RelatedArticle(Orderable):
    page = ParentalKey("news.ArticlePage", related_name="related_links", on_delete=models.CASCADE)
    article = models.ForeignKey("news.ArticlePage", verbose_name="Bài viết", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]


class ArticlePage(RoutablePageMixin, BasePage):
    published_at = models.DateTimeField(
        "Ngày giờ đăng", default=timezone.now, db_index=True, help_text="Hiện trên bài, dùng để xếp thứ tự."
    )
    lead = models.TextField("Sapo (đoạn dẫn)", blank=True, help_text="Một hai câu tóm tắt, in đậm dưới tiêu đề.")
    body = StreamField(BodyStreamBlock(), verbose_name="Nội dung", blank=True)
    signing_unit = models.CharField(
        "Đơn vị/tác giả ký bài", max_length=255, blank=True, help_text="Ví dụ: ỦY BAN NHÂN DÂN PHƯỜNG BÌNH AN"
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name="Thẻ")

    content_panels = BasePage.content_panels + [
        FieldPanel("published_at"),
        FieldPanel("lead"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        FieldPanel("signing_unit"),
        MultiFieldPanel([FieldPanel("tags"), InlinePanel("related_links", label="Bài liên quan")], heading="Liên kết"),
    ]
    # The featured image sits with the content, where editors look for it: not in "Quảng bá" too.
    promote_panels = base_promote_panels(listing_image=False)

    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("signing_unit"),
        index.FilterField("published_at"),
    ]

    parent_page_types = ["news.CategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Bài viết"
        verbose_name_plural = "Bài viết"
        ordering = ["-published_at"]

    @property
    def category(self):
        return self.get_parent().specific_deferred

    def related_articles(self, limit=4):
        """Editor-picked related articles first, then the latest sharing a tag, then the category's.

        Only articles of this article's own ward: tags are shared across wards, and a pick
        pointing into another ward (or at a private page) is skipped. One query (and one for
        the list's images); a preview's unsaved picks and tags are read from its form.

        The query reads a few candidates, not the ward: the picks, the newest `limit` sharing a
        tag and the newest `limit` of the category (each a short query of its own,
        `core/candidates.py`), then orders their union. That gives the same four as ordering
        every article of the ward: an article left out of the newest `limit` sharing a tag has
        `limit` articles ahead of it (each a pick or a newer one sharing a tag), and so has one
        left out of the category's newest.
        """
        unsaved = getattr(self, "_cluster_related_objects", {})
        if self.pk is None or "related_links" in unsaved or "tagged_items" in unsaved:
            return self._unsaved_related_articles(limit)
        own_tags = ArticlePageTag.objects.filter(content_object_id=self.pk).values("tag_id")
        sharing = ArticlePageTag.objects.filter(tag_id__in=own_tags)
        shares_tag = Exists(sharing.filter(content_object_id=OuterRef("pk")))
        picks = RelatedArticle.objects.filter(page_id=self.pk)
        # Building the query costs more CPU than running it: as few filter() calls as can be (each
        # copies the whole query); every part is live, public and in the ward, so the outer query
        # filters nothing again, and reads the cards' columns only (`CARD_FIELDS`).
        in_ward = (
            ArticlePage.objects.filter(~Q(pk=self.pk), live=True, path__startswith=self.ward_path)
            .public()
            .order_by("-published_at", "-pk")
            .values("pk")
        )
        candidates = union_of(
            in_ward.filter(pk__in=picks.values("article_id")),
            # `IN` the tagged articles, not `EXISTS` per article: SQLite walked the whole ward
            # evaluating EXISTS when few articles share a tag (4.7 ms → 0.5 ms at 10,000 articles).
            in_ward.filter(pk__in=sharing.values("content_object_id"))[:limit],
            in_ward.filter(path__startswith=self.path[: -Page.steplen], depth=self.depth)[:limit],
        )
        related = chosen_cards(candidates, renditions.CARD).annotate(
            pick_order=Subquery(picks.filter(article_id=OuterRef("pk")).values("sort_order")[:1]), shares_tag=shares_tag
        )
        order = (F("pick_order").asc(nulls_last=True), F("shares_tag").desc(), "-published_at", "-pk")
        return list(related.order_by(*order)[:limit])

    def _unsaved_related_articles(self, limit):
        in_ward = article_cards(renditions.CARD).filter(path__startswith=self.ward_path)
        pick_ids = [link.article_id for link in self.related_links.all()]
        found = in_ward.in_bulk(pick_ids) if pick_ids else {}
        picked = [found[pk] for pk in pick_ids if pk in found]
        if len(picked) >= limit:
            return picked[:limit]
        exclude = [self.pk] + [article.pk for article in picked]
        tag_ids = [tag.pk for tag in self.tags.all() if tag.pk]
        candidates = in_ward.exclude(pk__in=exclude)
        if tag_ids:
            by_tag = list(candidates.filter(tagged_items__tag_id__in=tag_ids).distinct()[: limit - len(picked)])
            picked += by_tag
            exclude += [article.pk for article in by_tag]
        if len(picked) < limit:
            parent = self.get_parent()
            picked += list(
                article_cards(renditions.CARD).child_of(parent).exclude(pk__in=exclude)[: limit - len(picked)]
            )
        return picked

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ban-in/", name="print")
    def print_view(self, request):
        return self.render(request, template="news/article_page_print.html")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["category"] = when_shown(self.get_parent)
        context["related_articles"] = when_shown(self.related_articles)
        return context
