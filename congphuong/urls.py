from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from congphuong.accounts.password_reset import RateLimitedPasswordResetView
from congphuong.core import views as core_views
from congphuong.search import views as search_views
from congphuong.serving import policy
from congphuong.serving import urls as serving_urls
from congphuong.units import views as units_views
from congphuong.wards import sitemap as ward_sitemap

# Cache policy by URL pattern (congphuong.serving.policy, docs/caching.md): private patterns are
# never cached; public ones may be, for anonymous readers, when the response allows it.
urlpatterns = policy.private_urlpatterns(
    [
        # Wagtail's view with a rate limit (accounts/password_reset.py), ahead of Wagtail's own pattern.
        path(
            "admin/password_reset/",
            RateLimitedPasswordResetView.as_view(),
            name="wagtailadmin_password_reset",
        ),
        path("admin/", include(wagtailadmin_urls)),
        path("", include(serving_urls)),  # /healthz, /readyz
    ]
)
# The language of a path (docs/english-section.md): Vietnamese without a prefix, as always; English
# under /en/ (the search at /en/search/). Set by core.language.PathLanguageMiddleware.
urlpatterns += policy.public_urlpatterns(
    i18n_patterns(
        path(pgettext_lazy("url", "tim-kiem/"), search_views.search, name="search"),
        path(pgettext_lazy("url", "tim-kiem/goi-y/"), search_views.autocomplete, name="search_autocomplete"),
        # Every public ward of the install (docs/search.md, "Across the province"), on every ward's host.
        path(pgettext_lazy("url", "tim-kiem/toan-thanh-pho/"), search_views.search_province, name="search_province"),
        prefix_default_language=False,
    )
)
urlpatterns += policy.public_urlpatterns(
    [
        path("tai-lieu/", include(wagtaildocs_urls)),
        path("tra-cuu-phuong-moi/", units_views.lookup, name="unit_lookup"),
        # The index (docs/public-site.md), at the address robots.txt and search consoles know.
        path("sitemap.xml", ward_sitemap.sitemap_index, name="sitemap"),
        path("sitemap-<slug:section>.xml", ward_sitemap.sitemap_section, name="sitemap_section"),
        path("robots.txt", core_views.robots_txt, name="robots_txt"),
        path("favicon.ico", core_views.favicon_ico, name="favicon_ico"),
    ]
)

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns
    from django.urls import re_path

    urlpatterns += staticfiles_urlpatterns()
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", core_views.development_media)]

# Wagtail's front-end patterns: its own serve (Site.find_for_request, then the pages' route).
urlpatterns += policy.public_urlpatterns(i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False))

handler404 = "congphuong.core.views.page_not_found"
handler500 = "congphuong.core.views.server_error"
