"""The back office reads in Vietnamese.

Every editor-facing Wagtail string must resolve to Vietnamese with the project's
settings, and every committed .mo under congphuong/locale must match its .po
(Django reads only the .mo, and a fresh machine has no msgfmt to rebuild it).
"""

import json
import re
from pathlib import Path

import polib
import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.i18n import JSONCatalog

from congphuong.core.translation_check import (
    EDITOR_FACING_APPS,
    Catalogue,
    editor_facing_catalogues,
    js_catalog_packages,
    js_translation,
    needs_translation,
    untranslated_admin_strings,
    untranslated_in,
)

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
ADMIN_CATALOGUE_DIR = LOCALE_DIR / "wagtail_admin" / "vi" / "LC_MESSAGES"
PO_FILES = sorted(LOCALE_DIR.rglob("*.po"))
CATALOGUE_NAMES = [catalogue.name for catalogue in editor_facing_catalogues()]


def _rel(path):
    return str(path.relative_to(LOCALE_DIR))


# --- (1) no editor-facing string is left in English ------------------------------------


@pytest.mark.parametrize("catalogue", CATALOGUE_NAMES)
def test_no_untranslated_editor_facing_strings(catalogue):
    untranslated = untranslated_admin_strings([catalogue])
    shown = "\n".join(f"  {item.msgid!r}" for item in untranslated[:30])
    assert not untranslated, f"{len(untranslated)} untranslated string(s) in {catalogue}:\n{shown}"


def test_check_covers_every_editor_facing_catalogue():
    # A missing or renamed Wagtail catalogue must not make the check pass vacuously.
    expected = {f"{app}:django" for app in EDITOR_FACING_APPS} | {"wagtail.admin:djangojs"}
    assert set(CATALOGUE_NAMES) == expected
    msgids = sum(len(polib.pofile(str(c.path))) for c in editor_facing_catalogues())
    assert msgids > 1800


def test_check_reports_strings_that_stay_english(tmp_path):
    source = polib.POFile()
    for entry in (
        polib.POEntry(msgid="Publish", msgstr=""),
        polib.POEntry(msgid="Zzz: a sentence no catalogue translates", msgstr=""),
        polib.POEntry(msgid="%(count)s zzz widget", msgid_plural="%(count)s zzz widgets", msgstr_plural={0: "", 1: ""}),
        polib.POEntry(msgid="This will copy %(count)s subpage.", msgid_plural="This will copy %(count)s subpages."),
        polib.POEntry(msgid="Email", msgstr=""),  # allow-listed: identical in Vietnamese
        polib.POEntry(msgid="%(range_start)s - %(range_end)s", msgstr=""),  # nothing to translate
    ):
        source.append(entry)
    path = tmp_path / "django.po"
    source.save(str(path))

    with translation.override("vi"):
        found = untranslated_in(Catalogue("test:django", "test", "django", path), translation)

    assert [item.msgid for item in found] == ["Zzz: a sentence no catalogue translates", "%(count)s zzz widget"]
    assert found[0].catalogue == "test:django"


def test_allow_list_stays_small_and_specific():
    assert not needs_translation("Email")
    assert not needs_translation("%(field_label)s:")
    assert needs_translation("Emails")
    assert needs_translation("<b>%(title)s</b> locked")


# --- (2) committed .mo files match their .po sources ------------------------------------


def _messages(catalogue):
    """msgctxt/msgid/msgid_plural -> translation, for the entries msgfmt compiles."""
    messages = {}
    for entry in catalogue:
        if getattr(entry, "obsolete", False) or "fuzzy" in getattr(entry, "flags", ()):
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if not all(forms):
                continue
            messages[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = forms
        elif entry.msgstr:
            messages[(entry.msgctxt, entry.msgid, None)] = entry.msgstr
    return messages


def test_project_catalogues_exist():
    assert ADMIN_CATALOGUE_DIR / "django.po" in PO_FILES
    assert ADMIN_CATALOGUE_DIR / "djangojs.po" in PO_FILES


@pytest.mark.parametrize("po_path", PO_FILES, ids=_rel)
def test_mo_is_in_sync_with_po(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{_rel(mo_path)} is missing: run msgfmt --check -o {mo_path.name} {po_path.name}"
    po, mo = polib.pofile(str(po_path)), polib.mofile(str(mo_path))
    po_messages, mo_messages = _messages(po), _messages(mo)
    stale = sorted(k[1] for k in po_messages.keys() ^ mo_messages.keys())
    stale += sorted(k[1] for k in po_messages.keys() & mo_messages.keys() if po_messages[k] != mo_messages[k])
    assert not stale, f"{_rel(mo_path)} is out of date ({len(stale)} message(s), e.g. {stale[:5]}); recompile it"
    assert po.metadata.get("Plural-Forms") == mo.metadata.get("Plural-Forms")


_PLACEHOLDER = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[a-zA-Z]|%[#0 +-]*\d*(?:\.\d+)?[sdif]|\{(\w*)\}")


def _placeholders(text):
    named, positional = set(), 0
    for match in _PLACEHOLDER.finditer(text.replace("%%", "")):
        name = match.group(1) or match.group(2)
        if name:
            named.add(name)
        else:
            positional += 1
    return named, positional


@pytest.mark.parametrize("po_path", PO_FILES, ids=_rel)
def test_translations_keep_format_placeholders(po_path):
    # msgfmt --check enforces this too, but nobody runs msgfmt on a fresh machine:
    # a translation naming an argument the code does not pass crashes the page.
    broken = []
    for entry in polib.pofile(str(po_path)).translated_entries():
        if not {"python-format", "python-brace-format"} & set(entry.flags):
            continue
        allowed, positional = _placeholders(entry.msgid)
        allowed |= _placeholders(entry.msgid_plural)[0] if entry.msgid_plural else set()
        for msgstr in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            named, count = _placeholders(msgstr)
            if not named <= allowed or count != positional:
                broken.append(entry.msgid)
    assert not broken, f"placeholders changed in {_rel(po_path)}: {broken[:5]}"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_admin_catalogue_translates_every_wagtail_admin_msgid(domain):
    # Our catalogue replaces Wagtail's partial one wholesale, so it must be complete on its own.
    source = next(c for c in editor_facing_catalogues() if c.name == f"wagtail.admin:{domain}")
    ours = polib.pofile(str(ADMIN_CATALOGUE_DIR / f"{domain}.po"))
    assert ours.metadata["Language"] == "vi"
    assert ours.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    translated = _messages(ours)
    missing = [
        e.msgid
        for e in polib.pofile(str(source.path))
        if (e.msgctxt, e.msgid, e.msgid_plural or None) not in translated
    ]
    assert not missing, f"{len(missing)} Wagtail admin msgid(s) missing from our {domain}.po: {missing[:5]}"
    assert not [e.msgid for e in ours if "fuzzy" in e.flags]


# --- (3) spot checks: real admin strings resolve to Vietnamese --------------------------


def test_admin_strings_resolve_to_vietnamese():
    with translation.override("vi"):
        assert translation.gettext("Publish") == "Xuất bản"
        # Wagtail's own catalogue says "Yêu cầu xem xét"; ours (LOCALE_PATHS) must win.
        assert translation.gettext("Submit for moderation") == "Gửi duyệt"
        assert translation.gettext("Dashboard") == "Bảng điều khiển"
        assert translation.gettext("Snippets") != "Snippets"


def test_plural_admin_strings_use_the_single_vietnamese_form():
    singular, plural = "This will copy %(count)s subpage.", "This will copy %(count)s subpages."
    with translation.override("vi"):
        one = translation.ngettext(singular, plural, 1) % {"count": 1}
        many = translation.ngettext(singular, plural, 5) % {"count": 5}
        context_free = translation.npgettext("unused context", "Publish", "Publish", 2)
    assert "1 trang con" in one
    assert "5 trang con" in many
    assert many.replace("5", "1") == one  # Vietnamese has one form for every count
    assert context_free == "Publish"  # a msgctxt that no catalogue defines stays English


def test_admin_javascript_catalogue_is_vietnamese():
    view = JSONCatalog.as_view(packages=js_catalog_packages())
    with translation.override("vi"):
        response = view(RequestFactory().get("/admin/jsi18n/"))
    data = json.loads(response.content)
    assert data["catalog"]["Dashboard"] == "Bảng điều khiển"  # overrides Wagtail's "Trang tổng quan"
    assert data["catalog"]["%(num)s error"] == ["%(num)s lỗi"]
    assert data["plural"] == "0"
    assert js_translation().gettext("Save") == "Lưu"


def test_time_since_reads_in_vietnamese():
    """The admin's "3 phút trước": Django's own vi catalogue still has the pre-4.x msgids."""
    import datetime

    from django.utils import timezone, translation
    from django.utils.timesince import timesince

    now = timezone.now()
    with translation.override("vi"):
        said = {
            days: timesince(now - datetime.timedelta(days=days), now).replace("\xa0", " ")  # Django's no-break space
            for days in (9, 400)
        }
        assert timesince(now - datetime.timedelta(minutes=3), now).replace("\xa0", " ") == "3 phút"
        assert said == {9: "1 tuần, 2 ngày", 400: "1 năm, 1 tháng"}
