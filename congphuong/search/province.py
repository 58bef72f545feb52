"""The wards a province-wide search covers (`/tim-kiem/toan-thanh-pho/`, docs/search.md).

One install is one city's portal (docs/province-overview.md): every ward of the install whose home
page is published is searched. In Vietnamese that is every document except those below a page that
is no public ward's Vietnamese home (the English homes beside them, a ward not yet published, a
tree no Site points to): excluded by their filter tokens, a handful of short posting lists, rather
than an "any of 168 homes" condition that would visit every ward's list. On /en/ it is the documents
below the wards' published English homes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import translation
from wagtail.models import Page, Site

from congphuong.core.origin import site_origin


@dataclass(frozen=True)
class Ward:
    site_id: int
    root_id: int  # the ward's home in the language searched
    name: str
    origin: str  # https://phuong.example.gov.vn, for the links to its pages


@dataclass(frozen=True)
class Province:
    wards: list[Ward]  # by name
    scope_not: tuple[int, ...]  # Vietnamese: roots whose documents are not searched
    scope_any: tuple[int, ...]  # English: the roots searched (empty: none, nothing to find)

    def ward(self, site_id) -> Ward | None:
        return next((ward for ward in self.wards if ward.site_id == site_id), None)


def province_wards() -> Province:
    """The public wards in the active language, with their names (two or three queries)."""
    ward_settings = apps.get_model("wards", "WardSettings")
    language = translation.get_language()
    english = bool(language) and language != settings.LANGUAGE_CODE
    row = ward_settings.objects.filter(site=OuterRef("pk"))
    sites = list(
        Site.objects.filter(root_page__live=True)
        .select_related("root_page")
        .annotate(
            short_name=Subquery(row.values("short_name")[:1]),
            english_name=Subquery(row.values("official_name_en")[:1]),
        )
        .order_by("hostname", "port")
    )
    roots = {site.pk: site.root_page.pk for site in sites}
    if english:
        by_key = {site.root_page.translation_key: site.pk for site in sites}
        translated = Page.objects.filter(
            translation_key__in=list(by_key), locale__language_code=language, live=True, depth=2
        ).values_list("translation_key", "pk")
        roots = {by_key[key]: pk for key, pk in translated}
    wards = sorted(
        (Ward(site.pk, roots[site.pk], _name(site, english), site_origin(site)) for site in sites if site.pk in roots),
        key=lambda ward: (ward.name.casefold(), ward.site_id),
    )
    searched = tuple(ward.root_id for ward in wards)
    if english:
        return Province(wards, scope_not=(), scope_any=searched)
    others = Page.objects.filter(depth=2).exclude(pk__in=searched).values_list("pk", flat=True)
    return Province(wards, scope_not=tuple(sorted(others)), scope_any=())


def _name(site, english: bool) -> str:
    """The name the ward's own chrome shows in this language (wards.models.EnglishWardSettings)."""
    names = [site.english_name] if english else []
    return next(name for name in [*names, site.short_name, site.site_name, site.root_page.title] if name)
