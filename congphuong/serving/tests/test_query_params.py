"""Page-cache keys and links come from the known query parameters only (issue 14: 6 KB junk URLs
filled Redis, 23 MB per 100 requests; the search page copied the query string into ~18 links)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory

from congphuong.documents.filters import DocumentFilterForm
from congphuong.procedures.filters import ProcedureFilterForm
from congphuong.serving import keys, params

PROJECT = Path(__file__).resolve().parents[2]
JUNK = "x" * 6000
# Read only by back-office views, which are never cached (policy.private_urlpatterns, the admin).
BACK_OFFICE_PARAMS = {"export", "site", "next"}


def _public_get_parameters() -> set[str]:
    """Every name the code looks up in request.GET (literal or a *_PARAM constant), and the fields of
    the public filter forms, which read request.GET by their field names."""
    sources = [
        path.read_text()
        for path in PROJECT.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    ]
    # *_PARAM constants may be defined in one module and read in another (organisation/weeks.py).
    constants = dict(re.findall(r'^([A-Z_]+_PARAM)\s*=\s*"([^"]+)"', "\n".join(sources), re.M))
    names = set()
    for source in sources:
        for literal, constant in re.findall(r'request\.GET\.get\(\s*(?:"([^"]+)"|([A-Z_]+_PARAM))', source):
            names.add(literal or constants.get(constant, constant))
    names.update(DocumentFilterForm.base_fields, ProcedureFilterForm.base_fields)
    return names - BACK_OFFICE_PARAMS


def test_every_parameter_a_public_page_reads_is_known():
    missing = _public_get_parameters() - set(settings.SERVING_QUERY_PARAMS)
    assert not missing, f"add to SERVING_QUERY_PARAMS (settings/base.py): {sorted(missing)}"


@pytest.mark.parametrize(
    "query",
    [
        f"q=hoc&rac={JUNK[:50]}",  # an unknown parameter
        f"q={JUNK}",  # an overlong value
        "q=hoc&q=khuyen",  # a parameter twice
        "&".join(f"trang={n}" for n in range(40)),  # more fields than any page has
    ],
)
def test_junk_queries_make_no_cache_key(query):
    assert keys.page_key("https", "phuong.example.vn", "/tim-kiem/", query) is None


def test_known_queries_share_a_key_whatever_the_order_and_click_identifiers():
    key = keys.page_key("https", "phuong.example.vn", "/tim-kiem/", "q=hoc&loai=tin-bai")
    assert key is not None
    assert keys.page_key("https", "phuong.example.vn", "/tim-kiem/", "loai=tin-bai&fbclid=1&q=hoc") == key
    assert keys.page_key("https", "phuong.example.vn", "/tim-kiem/", "q=hoc&loai=van-ban") != key


@pytest.mark.django_db
def test_a_junk_url_is_answered_but_not_stored(client, page_cache, category, article):
    response = client.get(f"{category.url}?rac={JUNK}")
    assert response.status_code == 200
    assert response.get("X-Page-Cache") not in ("miss", "hit")
    assert client.get(f"{category.url}?rac={JUNK}").get("X-Page-Cache") != "hit"
    # A known query still is.
    client.get(f"{category.url}?trang=1")
    assert client.get(f"{category.url}?trang=1")["X-Page-Cache"] == "hit"


def test_pagination_links_keep_only_known_bounded_parameters():
    request = RequestFactory().get("/tin-tuc/", {"q": "học bổng", "rac": "1", "loai": JUNK, "trang": "5"})
    html = Template("{% load portal_tags %}{% page_query 2 %}").render(Context({"request": request}))
    assert html == "?q=h%E1%BB%8Dc+b%E1%BB%95ng&amp;trang=2"


def test_cleaned_drops_unknown_empty_and_overlong_values():
    query = params.cleaned({"q": "học", "loai": "", "danh-muc": 7, "rac": "1", "tu": "x" * 201})
    assert dict(query.items()) == {"q": "học", "danh-muc": "7"}
