"""Find Wagtail back-office strings that an editor would still see in English.

The back office must read entirely in Vietnamese. Wagtail ships English source
catalogues (``locale/en/LC_MESSAGES/*.po``) listing every string its apps can
show; this module asks Django, with the project's settings (``LOCALE_PATHS``
first, then the apps' own catalogues), how each of those strings renders in
Vietnamese. A string whose rendering equals its English msgid is untranslated.

Run it through ``manage.py check_translations`` or the test suite.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import polib
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

LANGUAGE = "vi"

# Wagtail apps whose strings an editor of this portal can meet in the back office.
EDITOR_FACING_APPS = (
    "wagtail",
    "wagtail.admin",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "wagtail.contrib.settings",
    "wagtail.search",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.simple_translation",  # «Dịch»: copies a page into the English section
    "taggit",  # the tag field of articles and documents
)

# Deliberately not checked: not installed in this project (styleguide,
# locales, search_promotions, typed_table_block), so their strings never reach an editor.
EXCLUDED_APPS = (
    "wagtail.contrib.styleguide",
    "wagtail.locales",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.typed_table_block",
)

DOMAINS = ("django", "djangojs")

# Msgids whose correct Vietnamese rendering is the English text itself, so a
# translation identical to the msgid is right, not forgotten. Keep this short:
# every entry needs a reason.
IDENTICAL_IN_VIETNAMESE = {
    # "Email" is the everyday Vietnamese word in forms and public-service
    # portals; "thư điện tử" reads archaic as a field label.
    "Email": "accepted loanword",
    # Record-identifier column in reports; Vietnamese software writes "ID" as is.
    "ID": "universal abbreviation",
}

# Placeholders and markup carry no words: once they are removed, a msgid with
# no letters left (e.g. "%(range_start)s - %(range_end)s") has nothing to
# translate and must render identically.
_NON_WORDS = re.compile(
    r"%\([^)]*\)[#0 +-]*\d*(?:\.\d+)?[a-zA-Z]|%[#0 +-]*\d*(?:\.\d+)?[sdifr]|\{[^{}]*\}|<[^>]*>|&\w+;"
)


class Catalogue(NamedTuple):
    """One English source catalogue of an editor-facing app."""

    name: str  # e.g. "wagtail.admin:django"
    app: str
    domain: str
    path: Path


class UntranslatedString(NamedTuple):
    catalogue: str
    msgctxt: str | None
    msgid: str


def editor_facing_catalogues() -> list[Catalogue]:
    """The English catalogues (django.po and djangojs.po) of EDITOR_FACING_APPS."""
    catalogues = []
    for app in EDITOR_FACING_APPS:
        module = importlib.import_module(app)
        locale_dir = Path(str(module.__file__)).resolve().parent / "locale" / "en" / "LC_MESSAGES"
        for domain in DOMAINS:
            path = locale_dir / f"{domain}.po"
            if path.exists():
                catalogues.append(Catalogue(f"{app}:{domain}", app, domain, path))
    return catalogues


def needs_translation(msgid: str) -> bool:
    """False for msgids that are correctly rendered identically in Vietnamese."""
    if msgid in IDENTICAL_IN_VIETNAMESE:
        return False
    return any(ch.isalpha() for ch in _NON_WORDS.sub("", msgid))


def js_catalog_packages() -> list[str]:
    """The packages whose djangojs catalogues Wagtail's admin serves to the browser."""
    from wagtail.admin.views.i18n import js_catalog

    return list(js_catalog.view_initkwargs["packages"])


def js_translation(language: str = LANGUAGE) -> DjangoTranslation:
    """The djangojs catalogue exactly as Wagtail's admin JavaScriptCatalog view builds it:
    the served packages' locale dirs merged under the project's LOCALE_PATHS."""
    paths = JavaScriptCatalog().get_paths(js_catalog_packages())
    return DjangoTranslation(language, domain="djangojs", localedirs=paths)


def is_untranslated(translator, entry: polib.POEntry) -> bool:
    """Whether ``translator`` (an object with gettext, ngettext, pgettext and
    npgettext) returns ``entry``'s English text unchanged."""
    ctx, msgid, plural = entry.msgctxt, entry.msgid, entry.msgid_plural
    if plural:
        if ctx is None:
            one, many = translator.ngettext(msgid, plural, 1), translator.ngettext(msgid, plural, 2)
        else:
            one, many = translator.npgettext(ctx, msgid, plural, 1), translator.npgettext(ctx, msgid, plural, 2)
        return one == msgid or many == plural
    if ctx is None:
        return translator.gettext(msgid) == msgid
    return translator.pgettext(ctx, msgid) == msgid


def untranslated_in(catalogue: Catalogue, translator) -> list[UntranslatedString]:
    """Untranslated strings of one English catalogue under ``translator``."""
    found = []
    for entry in polib.pofile(str(catalogue.path)):
        if entry.obsolete or not entry.msgid or not needs_translation(entry.msgid):
            continue
        if is_untranslated(translator, entry):
            found.append(UntranslatedString(catalogue.name, entry.msgctxt, entry.msgid))
    return found


def untranslated_admin_strings(
    catalogues: Iterable[str] | None = None, language: str = LANGUAGE
) -> list[UntranslatedString]:
    """Every editor-facing Wagtail string that Django still renders in English.

    Returns ``(catalogue, msgctxt, msgid)`` tuples. ``catalogues`` optionally
    restricts the check to catalogue names such as ``"wagtail.admin:django"``.
    """
    wanted = set(catalogues) if catalogues is not None else None
    selected = [c for c in editor_facing_catalogues() if wanted is None or c.name in wanted]
    if wanted is not None and len(selected) != len(wanted):
        unknown = wanted - {c.name for c in selected}
        raise ValueError(f"Unknown catalogue(s): {', '.join(sorted(unknown))}")

    found: list[UntranslatedString] = []
    js = None
    for catalogue in selected:
        if catalogue.domain == "djangojs":
            js = js or js_translation(language)
            found.extend(untranslated_in(catalogue, js))
        else:
            # The module-level functions go through Django's merged "django"
            # catalogue for the active language, as views and templates do.
            with translation.override(language):
                found.extend(untranslated_in(catalogue, translation))
    return found
