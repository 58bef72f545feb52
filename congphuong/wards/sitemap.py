"""The ward's /sitemap.xml with its English section (docs/english-section.md).

Wagtail's sitemap lists the pages below the Site's root page only; a ward's English home is a sibling
of that root (Wagtail puts a translated home beside the original), so its /en/ pages were missing.
This one lists the pages below every language root of the ward (the site root paths, kept in Django's
cache) and gives each page that exists in more than one language its alternates, which Django's
sitemap template prints as `<xhtml:link rel="alternate" hreflang="…">` (the same pairs as the pages'
own hreflang links, wards/languages.py). One query per sitemap page reads the translations.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class WardSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
        if not roots:
            return super().items()
        below_a_root = Q()
        for root in roots:
            below_a_root |= Q(url_path__startswith=root.root_path)
        return Page.objects.filter(below_a_root).live().public().order_by("path").defer_streamfields().specific()

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
