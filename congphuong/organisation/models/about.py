"""Giới thiệu: the section index, generic about pages and the organisation page with leader profiles."""

from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from congphuong.core.models import BasePage

from ..blocks import AboutStreamBlock
from .people import Leader


class AboutIndexPage(BasePage):
    """The "Giới thiệu" section: lists its sub-pages (history, map, organisation, khu phố, contacts…)."""

    intro = models.TextField("Lời giới thiệu", blank=True)
    body = StreamField(AboutStreamBlock(), verbose_name="Nội dung", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["organisation.AboutPage", "organisation.OrganisationPage", "organisation.WorkSchedulePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Mục Giới thiệu"
        verbose_name_plural = "Mục Giới thiệu"

    def default_description(self) -> str:
        return f"{self.title}: lịch sử, vị trí, điều kiện tự nhiên – xã hội, khu phố và bộ máy của phường."

    def sections(self):
        # One query for the pages plus one per page type: bounded whatever the number of sub-pages.
        return list(self.get_children().live().public().specific())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections()
        return context


class AboutPage(BasePage):
    """A "Trang giới thiệu": history, map, natural and social conditions, khu phố, contacts…"""

    summary = models.TextField(
        "Tóm tắt", blank=True, help_text="Một hai câu, hiện trong mục Giới thiệu và khi chia sẻ trang."
    )
    body = StreamField(AboutStreamBlock(), verbose_name="Nội dung", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["organisation.AboutIndexPage", "home.HomePage"]
    subpage_types = ["organisation.AboutPage"]

    class Meta:
        verbose_name = "Trang giới thiệu"
        verbose_name_plural = "Trang giới thiệu"


class OrganisationPage(RoutablePageMixin, BasePage):
    """Cơ cấu tổ chức: leaders (chosen snippets), departments, mass organisations; leader profiles below it."""

    summary = models.TextField("Tóm tắt", blank=True)
    body = StreamField(AboutStreamBlock(), verbose_name="Nội dung", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["organisation.AboutIndexPage", "home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Trang cơ cấu tổ chức"
        verbose_name_plural = "Trang cơ cấu tổ chức"

    def default_description(self) -> str:
        return f"{self.title}: lãnh đạo, các phòng ban, đoàn thể của phường và nhiệm vụ được giao."

    def ward_leaders(self):
        site = self.get_site()
        return Leader.objects.for_site(site).select_related("photo") if site else Leader.objects.none()

    @path("")
    def index(self, request):
        return self.render(request)

    @path("lanh-dao/", name="leaders")
    def leader_list(self, request):
        return self.render(
            request,
            template="organisation/leader_list_page.html",
            context_overrides={"leaders": list(self.ward_leaders())},
        )

    @path("lanh-dao/<slug:slug>/", name="leader")
    def leader_profile(self, request, slug):
        leader = self.ward_leaders().filter(slug=slug).first()
        if leader is None:
            raise Http404("Không có lãnh đạo này")
        return self.render(
            request,
            template="organisation/leader_profile_page.html",
            context_overrides={"leader": leader},
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = urls[0]["location"]
        for leader in Leader.objects.for_site(self.get_site()).only("slug", "last_published_at"):
            entry = {"location": f"{base}lanh-dao/{leader.slug}/"}
            if leader.last_published_at:
                entry["lastmod"] = leader.last_published_at
            urls.append(entry)
        return urls


def organisation_page_for(request, site):
    """The ward's live OrganisationPage (cached on the request), or None."""
    if site is None:
        return None
    cache = getattr(request, "_organisation_pages", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._organisation_pages = cache
    if site.pk not in cache:
        cache[site.pk] = OrganisationPage.objects.live().public().descendant_of(site.root_page).order_by("path").first()
    return cache[site.pk]
