"""The ward's sitemap: an index at /sitemap.xml, pages of at most `WardSitemap.limit` pages each at
/sitemap-trang.xml?p=N, with the ward's English section (docs/english-section.md, docs/public-site.md).

One unpaginated sitemap took 1.26 s for 2,296 URLs and would be ~11,000 URLs at 10,000 articles a
ward (bench/RESULTS.md, "Province"): every reader after a purge of the ward paid the whole render.
Django's sitemap index (through Wagtail's views, which give the sitemap the request) bounds each
response; /sitemap.xml, which robots.txt and search consoles already know, becomes the index.

Wagtail's sitemap lists the pages below the Site's root page only; a ward's English home is a sibling
of that root (Wagtail puts a translated home beside the original), so its /en/ pages were missing.
This one lists the pages below every language root of the ward (the site root paths, kept in Django's
cache) and gives each page that exists in more than one language its alternates, which Django's
sitemap template prints as `<xhtml:link rel="alternate" hreflang="…">` (the same pairs as the pages'
own hreflang links, wards/languages.py). One query per sitemap page reads the translations.
"""

from __future__ import annotations

from dataclasses import replace

from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Page, Site

from congphuong.core.origin import canonical_origin

SECTION = "trang"  # /sitemap-trang.xml


class WardSitemap(Sitemap):
    # Pages per sitemap page. A page gives one URL, its English version's alternates, and a few give
    # more (the Q&A page up to 1,000 published answers, Giới thiệu its leaders): about 2,000–3,100 URLs.
    limit = 2_000

    def _pages(self):
        site = self.get_wagtail_site()
        roots = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
        if not roots:
            return site.root_page.get_descendants(inclusive=True).live().public()
        below_a_root = Q()
        for root in roots:
            below_a_root |= Q(url_path__startswith=root.root_path)
        return Page.objects.filter(below_a_root).live().public()

    def items(self):
        return self._pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        """For the index: one aggregate (Django's default calls `lastmod` on every item)."""
        return self._pages().aggregate(latest=Max(Coalesce("last_published_at", "latest_revision_created_at")))[
            "latest"
        ]

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        site = self.get_wagtail_site()
        roots = {root.language_code: root for root in Site.get_site_root_paths() if root.site_id == site.pk}
        if len(roots) < 2:
            return urls
        pages = list(self.paginator.page(page).object_list)
        keys = {item.translation_key for item in pages}
        translations: dict = {}
        found = (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only("id", "url_path", "translation_key", "locale__language_code")
        )
        for other in found:
            root = roots.get(other.locale.language_code)
            if root is None or not other.url_path.startswith(root.root_path):
                continue  # a translation outside this ward's language roots
            translations.setdefault(other.translation_key, []).append(other)
        by_location = {}
        for item in pages:
            versions = translations.get(item.translation_key, [])
            if len(versions) < 2:
                continue
            versions.sort(key=lambda other: other.locale.language_code != "vi")  # Vietnamese first
            alternates = [
                {"lang_code": other.locale.language_code, "location": other.get_full_url(self.request)}
                for other in versions
            ]
            by_location[item.get_full_url(self.request)] = alternates
        for url in urls:
            alternates = by_location.get(url.get("location"))
            if alternates:
                url["alternates"] = alternates
        return urls


SITEMAPS = {SECTION: WardSitemap}


def sitemap_index(request):
    """/sitemap.xml: the index of the ward's sitemap pages, on the ward's canonical origin (Django's
    index names them on the request's host, which may be an alias or the server's address)."""
    response = sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")
    origin = canonical_origin(request)
    if origin:
        prefix = f"{request.scheme}://{request.get_host()}"
        response.context_data["sitemaps"] = [
            replace(item, location=origin + item.location.removeprefix(prefix))
            for item in response.context_data["sitemaps"]
        ]
    return response


def sitemap_section(request, section):
    """/sitemap-trang.xml?p=N: one page of the ward's sitemap (404 for a page number past the end)."""
    return sitemap_views.sitemap(request, SITEMAPS, section=section)
