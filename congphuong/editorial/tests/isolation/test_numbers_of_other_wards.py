"""Ward B's admin shows the same numbers whatever ward A holds: no count of another ward leaks.

The every-URL walk (test_every_admin_url.py) looks for ward A's names, titles and files in ward B's
responses. A count carries no name: "Thống kê sử dụng loại trang: Bài viết 42" or "Chờ duyệt (3)"
leaks how much another ward has without a single one of its strings. So this test reads every
number ward B's cadres see on every admin page that takes no argument (from the URL conf, so a new
report or listing is covered the day it is added) and on their own ward's page explorer, then grows
ward A — one more row of every ward-scoped model (from `membership.ward_models()`), a copied live
article, a copied draft, a page waiting for approval, an image and a document in ward A's collection
— and reads them again. Nothing ward B sees may have moved.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from congphuong.wards.membership import ward_models

from .conftest import WARD_B_HOST, WARD_B_ROLES, account
from .test_every_admin_url import NOT_REQUESTED, WardRecords, admin_patterns, argument_names

# Reads only (GETs): the SQLite run of `make test` takes it (tests/run_suites.sh).
pytestmark = [pytest.mark.django_db, pytest.mark.ward_walk, pytest.mark.reading_walk]

# Read aloud or shown: the numbers a person sees, not ids inside attributes.
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
SKIPPED_ELEMENTS = frozenset({"script", "style", "template", "textarea"})
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
RELATIVE_TIME = re.compile(r"\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước")
# "lúc 19:41 07/12/2026": when a page was made (the self-assessment), a clock reading, not a count.
CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s+\d{1,2}/\d{1,2}/\d{4})?")

# Views that do more than show: they end the session or answer anonymous links.
SKIPPED = {*NOT_REQUESTED, "wagtailadmin_login", "wagtailadmin_password_reset"}
# Parts of URLs that are no page a person reads (JSON for widgets, the icon sprite).
SKIPPED_URL_PARTS = ("/sprite/", "/jsi18n/", "/dismissibles/")


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self._skipping += 1
        self.pieces.extend(value for name, value in attrs if name in READ_ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.pieces.append(data)


def numbers_seen(response) -> list[tuple[str, str]]:
    """(number, the words around it) of each number a person reads in `response`."""
    if response.status_code != 200 or response.streaming:
        return [("HTTP", str(response.status_code))]
    content = response.content.decode("utf-8", "replace")
    kind = response.get("Content-Type", "")
    # A chooser modal's HTML travels inside JSON.
    pieces = list(_strings(json.loads(content))) if "json" in kind else [content]
    if "html" in kind or "json" in kind:
        parser = _VisibleText()
        for piece in pieces:
            parser.feed(piece)
        pieces = parser.pieces
    text = " ".join(" ".join(pieces).split())
    # "3 phút trước" moves with the clock between the two readings, not with ward A.
    text = RELATIVE_TIME.sub("lúc trước", text)
    text = CLOCK_TIME.sub("giờ:phút", text)
    return [(m.group(), text[max(0, m.start() - 40) : m.end() + 20]) for m in NUMBER.finditer(text)]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def listing_urls(site_b) -> list[str]:
    from django.urls import reverse

    urls = {reverse("wagtailadmin_explore", args=[site_b.root_page_id])}
    for name, route, _ in admin_patterns():
        if name in SKIPPED or argument_names(route) or any(part in route for part in ("logout",)):
            continue
        url = reverse(name)
        if not any(part in url for part in SKIPPED_URL_PARTS):
            urls.add(url)
    return sorted(urls)


def read_everything(clients, urls):
    return {(username, url): numbers_seen(client.get(url)) for username, client in clients.items() for url in urls}


# --- Growing ward A ---------------------------------------------------------------------------------------


def _clone(row):
    """A new row like `row`, unique text fields made unique; None when the model refuses a copy."""
    model = type(row)
    if model._meta.parents:
        return None  # multi-table inheritance: a copy is the parent's business
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or isinstance(field, models.AutoField):
            continue
        value = getattr(row, field.attname)
        if field.unique and isinstance(value, str):
            value = (value + "-x2")[-field.max_length :] if field.max_length else value + "-x2"
        elif field.unique and value is not None:
            return None
        values[field.attname] = value
    clone = model(**values)
    try:
        with transaction.atomic():
            clone.save()
    except (IntegrityError, ValueError, ValidationError):
        return None
    return clone


def grow_ward_a(records) -> dict[str, int]:
    """One more of everything ward A holds; how many of each were added."""
    from congphuong.editorial.models import WardCollection
    from congphuong.news.models import ArticlePage

    added: dict[str, int] = {}
    for model in ward_models():
        rows = records.of(model)
        row = rows.order_by("pk").first() if rows is not None else None
        if row is not None and _clone(row) is not None:
            added[model._meta.label] = 1

    articles = ArticlePage.objects.filter(path__startswith=records.root_a)
    live, draft = articles.filter(live=True).first(), articles.filter(live=False).first()
    live.copy(update_attrs={"slug": live.slug + "-x2", "title": live.title}, keep_live=True)
    if draft is not None:
        draft.copy(update_attrs={"slug": draft.slug + "-x2"}, keep_live=False)
    waiting = live.copy(update_attrs={"slug": live.slug + "-x3"}, keep_live=False).specific
    waiting.save_revision(user=account("bientap"))
    waiting.get_workflow().start(waiting, account("bientap"))
    added["pages"] = 3

    collection = WardCollection.objects.get(site=records.site_a).collection
    for model in (get_image_model(), get_document_model()):
        row = model.objects.filter(collection=collection).first()
        if row is not None:
            row.pk = None
            row.title += " (bản 2)"
            row.save()
            added[model._meta.label] = added.get(model._meta.label, 0) + 1
    return added


def test_ward_b_sees_the_same_numbers_however_much_ward_a_holds(wards):
    site_a, site_b = wards
    clients = {}
    for username in WARD_B_ROLES:
        client = Client(raise_request_exception=False, HTTP_HOST=f"{WARD_B_HOST}:{site_b.port}")
        client.force_login(account(username))
        clients[username] = client
    urls = listing_urls(site_b)
    assert len(urls) > 40  # the URL conf was walked

    before = read_everything(clients, urls)
    added = grow_ward_a(WardRecords(site_a, site_b))
    after = read_everything(clients, urls)

    # The growth is real: most ward models and the pages, images and documents got a new row.
    assert {"pages", "wagtailimages.Image", "wagtaildocs.Document", "feedback.Question", "learning.Citizen"} <= set(
        added
    ), added
    assert len(added) > len(ward_models()) // 2
    assert Page.objects.filter(path__startswith=site_a.root_page.path).count() > 3
    assert Site.objects.count() >= 2

    moved = {
        key: [(old, new) for old, new in zip(before[key], after[key], strict=False) if old[0] != new[0]]
        or (len(before[key]), len(after[key]))
        for key in before
        if [n for n, _ in before[key]] != [n for n, _ in after[key]]
    }
    assert moved == {}
