"""The archive filter by old ward ("Phường cũ", `?phuong-cu=phuong-1`) of the news categories, the
documents list and the search of a ward that holds merged or imported content.

Values are the slug of the old ward's name ("Phường 1 (cũ)" → "phuong-1"); the filter shows only on
a ward that has such content (one query: the distinct old ward names of its `ContentOrigin`s, read
by the page render and so cached with it: the page cache tags the render with the model
`legacy.contentorigin`, docs/caching.md). Pages are recorded under wagtailcore.Page's content
type, whatever their type: one subquery filters any page list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from congphuong.core.text import slugify_vi

from .models import ContentOrigin

PARAM = "phuong-cu"


def old_ward_slug(name: str) -> str:
    """ "Phường 1 (cũ)" → "phuong-1"."""
    return slugify_vi(re.sub(r"\s*\(cũ\)\s*$", "", name or ""))


@dataclass
class OldWardChoice:
    slug: str
    name: str
    selected: bool = False


@dataclass
class ArchiveFilter:
    choices: list[OldWardChoice]
    selected: OldWardChoice | None
    note: str = ""

    @property
    def shown(self) -> bool:
        return bool(self.choices)


def _page_type_id() -> int:
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page).pk


def archive_filter(request, site) -> ArchiveFilter:
    """The old wards of `site` and the one chosen in the query string (a bad value is dropped with a note)."""
    if site is None:
        return ArchiveFilter([], None)
    names = (
        ContentOrigin.objects.filter(site=site)
        .exclude(old_ward_name="")
        .values_list("old_ward_name", flat=True)
        .distinct()
    )
    by_slug = {}
    for name in sorted(set(names)):
        by_slug.setdefault(old_ward_slug(name), name)
    raw = (request.GET.get(PARAM) or "").strip()[:100]
    choices = [OldWardChoice(slug, name, slug == raw) for slug, name in sorted(by_slug.items(), key=lambda kv: kv[1])]
    selected = next((choice for choice in choices if choice.selected), None)
    note = ""
    if raw and selected is None and choices:
        note = _("Không có phường cũ «%(name)s» nên đã bỏ lọc theo phường cũ.") % {"name": raw}
    return ArchiveFilter(choices, selected, note)


def origin_page_ids(site, old_name: str):
    """A subquery: ids of the pages of `site` that came from the old ward `old_name`."""
    return ContentOrigin.objects.filter(site=site, old_ward_name=old_name, content_type_id=_page_type_id()).values(
        "object_id"
    )


def filter_pages(queryset, site, chosen: ArchiveFilter):
    if chosen.selected is None:
        return queryset
    return queryset.filter(pk__in=origin_page_ids(site, chosen.selected.name))


def param_value(request) -> str:
    """The chosen old ward's slug as a fragment-cache key part (no query): only slug characters."""
    return re.sub(r"[^a-z0-9-]", "", (request.GET.get(PARAM) or "")[:60].lower())
