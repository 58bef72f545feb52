"""The head of every public list comes from one include, includes/index_head.html: one <title> (with
" (trang N)" from the second page on), one absolute canonical (that page of the list; the whole list
when a filter is in force), a meta description, and robots ("noindex, follow" for a filtered list,
"noindex" and no canonical for a page not to index).

The lists are found, not listed: every page type of Wagtail's registry (one page of each, made by its app's
test factory as in test_public_metadata.py) whose page renders the include, and search from the URL conf;
FILTERED says what a filter of each looks like, so a new list fails here until it says so. Every other
public page type keeps to the same one-of-each rule.
"""

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import get_template
from django.test import override_settings
from django.urls import reverse

from congphuong.core.tests.test_public_metadata import _page_factories, portal  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

INCLUDE = "includes/index_head.html"
ORIGIN = "http://testserver"  # the default ward's Site (conftest)
WARD = "Phường Thử Nghiệm"
ROWS = 21  # more than one page of every list (20 at most per page)

# What a filter looks like in each list's URL, and the robots it gets (as before the include).
FILTERED = {
    "news.CategoryPage": None,  # no filter but "Phường cũ", which keeps the list indexable
    "media.MediaIndexPage": None,
    "documents.DocumentIndexPage": ("q=khai+sinh", "noindex, follow"),
    "documents.DraftIndexPage": ("tinh_trang=dang-lay-y-kien", "noindex, follow"),
    "procedures.ProcedureIndexPage": ("q=khai+sinh", "noindex, follow"),
    "feedback.FeedbackPage": ("q=khai+sinh", "noindex, follow"),
    "organisation.DisclosureIndexPage": ("nam=2020", "noindex, follow"),
    "organisation.WorkSchedulePage": ("tuan=tuan-truoc", "noindex"),  # not a week: the current one, with a notice
}


def _uses_include(template_name: str) -> bool:
    return INCLUDE in get_template(template_name).template.source


def _listings(client, pages):
    """Label → page of the page types whose page renders the include (every cache off, so that it
    renders: a kept fragment or page renders no template)."""
    found = {}
    with override_settings(CONGPHUONG_PAGE_CACHE=False, CONGPHUONG_CHROME_CACHE=False, CONGPHUONG_FRAGMENT_CACHE=False):
        for model, page in pages.items():
            response = client.get(page.url)
            if response.status_code == 200 and INCLUDE in {template.name for template in response.templates}:
                found[model._meta.label] = page
    assert set(found) == set(FILTERED), f"page types rendering {INCLUDE}: {sorted(found)}"
    return found


def _head(client, path, follow=False):
    response = client.get(path, follow=follow)
    assert response.status_code == 200, (path, response.status_code)
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    head = soup.head
    canonicals = head.find_all("link", rel="canonical")
    robots = head.find_all("meta", attrs={"name": "robots"})
    descriptions = head.find_all("meta", attrs={"name": "description"})
    og_description = head.find("meta", property="og:description")
    titles = [title for title in soup.find_all("title") if title.find_parent("svg") is None]  # not a chart's
    assert len(titles) == 1 and titles[0].parent is head, f"{path}: {len(titles)} <title>"
    assert len(canonicals) <= 1 and len(robots) <= 1 and len(descriptions) <= 1, path
    description = descriptions[0]["content"] if descriptions else ""
    if description:
        assert og_description is not None and og_description["content"] == description, path
    canonical = canonicals[0]["href"] if canonicals else None
    assert canonical is None or canonical.startswith(ORIGIN + "/"), f"{path}: canonical {canonical} is not absolute"
    return {
        "title": titles[0].get_text(),
        "canonical": canonical,
        "robots": robots[0]["content"] if robots else None,
        "description": description,
    }


def test_no_template_but_the_include_repeats_a_list_head():
    assert _uses_include("search/search.html")
    # No template but the include writes a list's page number into a title or a canonical.
    repeated = []
    for directory in settings.BASE_DIR.glob("congphuong/**/templates"):
        for path in Path(directory).rglob("*.html"):
            if path.name == "index_head.html":
                continue
            for line in path.read_text().splitlines():
                if re.search(r'rel="canonical"[^>]*\?trang=|\{% block title %\}.*\(trang ', line):
                    repeated.append(f"{path}: {line[:100]}")
    assert not repeated, "\n".join(repeated)


def _every_public_page_type_has_one_title_and_at_most_one_absolute_canonical(client, pages):
    for page in pages.values():
        head = _head(client, page.url, follow=True)  # a week of the schedule redirects to it
        assert head["title"].strip(), page.url


def _each_list_head_unfiltered_and_filtered(client, pages):
    for label, page in _listings(client, pages).items():
        head = _head(client, page.url)
        title = page.seo_title or page.title
        if label == "organisation.WorkSchedulePage":  # the week shown: "Lịch công tác: Tuần 49 (1/12 – 7/12/2026)"
            assert head["title"].startswith(f"{title}: Tuần ") and head["title"].endswith(f" – {WARD}"), head
        else:
            assert head["title"] == f"{title} – {WARD}", (label, head["title"])
        assert head["canonical"] == ORIGIN + page.url, label
        assert head["robots"] is None, label
        assert head["description"] == page.specific.meta_description and head["description"], label
        if FILTERED[label] is None:
            continue
        query, robots = FILTERED[label]
        filtered = _head(client, f"{page.url}?{query}")
        assert filtered["robots"] == robots, (label, filtered["robots"])
        assert filtered["canonical"] == (ORIGIN + page.url if robots == "noindex, follow" else None), label
        assert filtered["description"] == head["description"], label


def _fill(page, factories):
    """ROWS published rows in the list `page`: its child pages, or the questions of Hỏi đáp."""
    from congphuong.feedback.models import FeedbackPage
    from congphuong.feedback.tests.factories import published_question

    if isinstance(page, FeedbackPage):
        for _ in range(ROWS):
            published_question(page)
        return
    child_model = next(
        model
        for model in page.specific_class.allowed_subpage_models()
        if model._meta.label not in FILTERED and model in factories  # an article, not a sub-category
    )
    for _ in range(ROWS):
        factories[child_model](parent=page)


def _the_second_page_of_each_list(client, pages):
    factories = _page_factories()
    for label, page in _listings(client, pages).items():
        if label == "organisation.WorkSchedulePage":
            continue  # a week per page, not numbered pages
        _fill(page, factories)
        head = _head(client, f"{page.url}?trang=2")
        title = page.seo_title or page.title
        assert head["title"] == f"{title} (trang 2) – {WARD}", (label, head["title"])
        assert head["canonical"] == f"{ORIGIN}{page.url}?trang=2", label
        assert head["robots"] is None, label
        query = (FILTERED[label] or (None,))[0]
        if query:  # a filtered second page: not indexed, its canonical the whole list
            filtered = _head(client, f"{page.url}?{query}&trang=2")
            assert filtered["canonical"] == ORIGIN + page.url and filtered["robots"] == "noindex, follow", label


def _search_from_the_url_conf(client, pages):
    path = reverse("search")
    empty = _head(client, path)
    assert empty["title"] == f"Tìm kiếm – {WARD}" and empty["robots"] == "noindex" and empty["canonical"] is None
    assert empty["description"].startswith("Tìm tin tức, văn bản")
    word = next(page for page in pages.values() if type(page).__name__ == "ArticlePage").title.split()[0]
    found = _head(client, f"{path}?{urlencode({'q': word})}")
    assert found["title"] == f"Tìm kiếm: {word} – {WARD}", found["title"]
    assert found["robots"] is None and found["canonical"] == f"{ORIGIN}{path}?{urlencode({'q': word})}", found


def test_list_heads(portal, client):  # noqa: F811 (one portal for all: it takes seconds to build)
    _site, pages, _samples = portal
    _every_public_page_type_has_one_title_and_at_most_one_absolute_canonical(client, pages)
    _each_list_head_unfiltered_and_filtered(client, pages)
    _search_from_the_url_conf(client, pages)
    _the_second_page_of_each_list(client, pages)  # last: it adds rows to every list
