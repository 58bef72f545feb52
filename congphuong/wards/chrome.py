"""The ward's page chrome: settings and emblem, theme of the year, main menu, news categories.

Every public page shows them and, read from the database, they cost about a third of the queries
of an article page. They are read once per ward and kept in the page cache's store
(``congphuong.serving.store``) under the versions of the tags whose purge would change them, so a
kept copy is exact, like a cached page: editing the ward settings or the theme of the year bumps
``site:<id>``; publishing, renaming, moving or restricting a child of the home page bumps
``children:<home path>``; editing an image bumps ``model:wagtailimages.image``. A page rendered
with a kept copy carries the same tags, so the full-page cache stays exact too.

Off (read every time) when ``CONGPHUONG_CHROME_CACHE`` is false: ``CONGPHUONG_CACHE=0``, and the tests
that pin the queries of one render (``nothing_cached`` in congphuong/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from wagtail.models import Page

REQUEST_ATTR = "_congphuong_chrome"
# The theme of the year changes at New Year without any edit: a kept copy lives at most this long.
TIMEOUT_SECONDS = 300
# Renditions of the emblem that base.html asks for (header, and the sharing image).
EMBLEM_FILTERS = ("height-112|format-webp", "max-600x600|format-png")
PAGE_FIELDS = ("id", "title", "url_path", "path", "depth")
# Page types named by natural key (app label, model), so that the ward module imports no content app:
# the top-level news categories ("Danh mục") and the accessibility statement, linked from the footer.
CATEGORY_TYPE = ("news", "categorypage")
STATEMENT_TYPE = ("accessibility", "accessibilitystatementpage")

# What apps above add to the settings' one query, registered from their AppConfig.ready() (so that
# the ward module imports none of them): name -> (expression for a Site, value when the ward has no
# settings row yet). The notices app adds `notices_shown`: whether a maintenance notice shows now.
_settings_annotations: dict[str, tuple[Callable[[Any], Any], object]] = {}


def register_settings_annotation(name: str, expression: Callable[[Any], Any], *, default: object) -> None:
    """Read `expression(site)` with the ward's settings, as their attribute `name` (`default` when
    the settings row is made on first use)."""
    _settings_annotations[name] = (expression, default)


class Chrome:
    """Each part is read on first use: a page that shows only the settings (a print view) reads
    only them. A kept copy has every part read before it is stored."""

    def __init__(self, site, home=None):
        self.site_id = site.pk
        self.year = timezone.localdate().year
        self._site = site
        # The home page whose children make the menu: the ward's home, or its English translation
        # under /en/ (docs/english-section.md).
        self._home = home if home is not None else site.root_page
        self.language = translation.get_language()

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_site", None)
        state.pop("_home", None)
        return state

    @cached_property
    def settings(self):
        """WardSettings with its emblem and, in the same query, this year's theme in the chrome's
        language (the English text under /en/, none when the ward gave none) and what the apps
        above registered (`register_settings_annotation`: whether a maintenance notice is shown now,
        nearly never, so the banner then needs no query of its own)."""
        from django.db.models import OuterRef, Subquery

        from congphuong.wards.models import WardSettings, YearTheme

        theme = YearTheme.objects.for_site(OuterRef("site_id")).filter(year=self.year)
        registered = {name: expression(self._site) for name, (expression, _) in _settings_annotations.items()}
        ward = (
            WardSettings.base_queryset()
            .filter(site=self._site)
            # The theme's text only (a theme's text is never NULL, so NULL means "no theme this
            # year"): each subquery costs as much CPU to build as a small query.
            .annotate(theme_text=Subquery(theme.values(self._theme_field)[:1]), **registered)
            .first()
        )
        if ward is None:
            ward = WardSettings.for_site(self._site)  # made on first use, as Wagtail does
            ward.theme_text = None
            for name, (_, default) in _settings_annotations.items():
                setattr(ward, name, default)
        self._theme = (
            YearTheme(site_id=self.site_id, year=self.year, text=ward.theme_text, live=True)
            if ward.theme_text  # None: no theme this year; "": no English text for it
            else None
        )
        return ward

    @property
    def _theme_field(self) -> str:
        return "text" if (self.language or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE else "text_en"

    @property
    def year_theme(self):
        self.settings  # noqa: B018 (read with the settings)
        return self._theme

    @cached_property
    def _home_children(self) -> list[Page]:
        """The live children of the home page, each with whether it is a public news category:
        the main menu and the "Danh mục" list in one query."""
        from django.contrib.contenttypes.models import ContentType

        from congphuong.core.models import restricted_at_or_above

        # By natural key (cached by Django like get_for_model): the ward module imports no content app.
        category_type = ContentType.objects.get_by_natural_key(*CATEGORY_TYPE)
        statement_type = ContentType.objects.get_by_natural_key(*STATEMENT_TYPE)
        children = (
            Page.objects.child_of(self._home)
            .live()
            .filter(Q(show_in_menus=True) | Q(content_type__in=[category_type, statement_type]))
            .annotate(private=restricted_at_or_above())
            .only(*PAGE_FIELDS, "show_in_menus", "content_type")
        )
        for child in children:
            child.is_public_category = child.content_type_id == category_type.pk and not child.private
            child.is_accessibility_statement = child.content_type_id == statement_type.pk and not child.private
        return list(children)

    @property
    def menu(self) -> list[Page]:
        """Live children of the home page shown in menus."""
        return [child for child in self._home_children if child.show_in_menus]

    @property
    def categories(self) -> list[Page]:
        """Live, public top-level news categories."""
        return [child for child in self._home_children if child.is_public_category]

    @property
    def accessibility_statement(self) -> Page | None:
        """The ward's public accessibility statement (linked from every page's footer), or None."""
        return next((child for child in self._home_children if child.is_accessibility_statement), None)

    def read_all(self) -> Chrome:
        """Every part, and the emblem with the renditions the header and sharing image use, so a
        kept copy needs no query at all."""
        for part in ("settings", "_home_children"):
            getattr(self, part)
        emblem = self.settings.emblem if self.settings.emblem_id else None
        if emblem is not None:
            emblem.get_renditions(*EMBLEM_FILTERS)  # made once, then read with the image
            self.settings.emblem = type(emblem).objects.prefetch_related("renditions").get(pk=emblem.pk)
        return self


def enabled() -> bool:
    return bool(getattr(settings, "CONGPHUONG_CHROME_CACHE", True))


def for_request(request):
    """The Chrome of the request's ward (memoised on the request), or None without a site."""
    if request is None:
        return None
    if hasattr(request, REQUEST_ATTR):
        return getattr(request, REQUEST_ATTR)
    from congphuong.core.origin import request_site

    site = request_site(request)
    chrome = _cached(site, _home(site)) if site is not None else None
    setattr(request, REQUEST_ATTR, chrome)
    return chrome


def _tags(site, root_path: str) -> list[str]:
    from congphuong.serving import restrictions, store, tags

    return [
        store.ALL_TAG,
        tags.site_tag(site.pk),
        tags.children_tag(root_path),
        tags.model_tag("wagtailimages.image"),
        restrictions.TAG,  # a category restricted or opened
    ]


def _home(site):
    """The ward's home page in the active language: the English home under /en/ (if the ward has
    one), otherwise the Site's root page, without a query for Vietnamese."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return site.root_page
    from congphuong.core.routing import language_root

    return language_root(site) or site.root_page


def _cached(site, home=None) -> Chrome:
    home = home if home is not None else site.root_page
    if not enabled():
        return Chrome(site, home)
    from congphuong.serving import kept

    # The theme of the year changes at New Year; the menu is the children of the home in the language,
    # the theme's text is in the language too (under /en/ even when the ward has no English home).
    key = f"chrome:{site.pk}:{timezone.localdate().year}"
    if home.pk != site.root_page_id:
        key += f":{home.pk}"
    language = translation.get_language()
    if language and language != settings.LANGUAGE_CODE:
        key += f":{language}"
    return kept.fetch(key, lambda: Chrome(site, home).read_all(), TIMEOUT_SECONDS, _tags(site, home.path))
