"""One finding each: the public site's addresses, descriptions, dates and titles (see also
test_public_metadata.py, which crawls the demo for the same rules everywhere)."""

import datetime
import json
import re
from urllib.parse import urlencode

import pytest
import wagtail_factories
from django.utils import timezone

from congphuong.feedback.tests.factories import FeedbackPageFactory
from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.organisation.tests.factories import AboutPageFactory, WorkSchedulePageFactory
from congphuong.organisation.weeks import Week
from congphuong.procedures.tests.factories import ProcedureIndexPageFactory, ProcedurePageFactory

pytestmark = pytest.mark.django_db

ALIAS = "alias.example"  # a host no Site has: Wagtail serves the default ward for it
ORIGIN = "http://testserver"  # the default ward's Site (conftest: hostname testserver, port 80)


def _get(client, path, **extra):
    response = client.get(path, HTTP_HOST=ALIAS, **extra)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def _meta(html, attr, name):
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def _canonical(html):
    match = re.search(r'<link rel="canonical" href="([^"]*)"', html)
    return match.group(1) if match else None


def test_favicon_ico_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO header


def test_absolute_urls_name_the_wards_origin_not_the_requests_host(client, article):
    image = wagtail_factories.ImageFactory()
    article.listing_image = image
    article.save_revision().publish()
    html = _get(client, article.url)
    assert _canonical(html) == ORIGIN + article.url
    assert _meta(html, "property", "og:url") == ORIGIN + article.url
    assert _meta(html, "property", "og:image").startswith(ORIGIN + "/")
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        urls = re.findall(r'"(https?://[^"]+)"', block)
        assert all(url.startswith((ORIGIN + "/", "https://schema.org")) for url in urls), urls
    assert "Sitemap: http://testserver/sitemap.xml" in _get(client, "/robots.txt")
    feed = _get(client, "/rss/")
    assert 'atom:link href="http://testserver/rss/" rel="self"' in feed
    assert ALIAS not in feed


def test_breadcrumbs_json_ld(client, article):
    html = _get(client, article.url)
    crumbs = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        if "BreadcrumbList" in block
    ]
    assert len(crumbs) == 1
    items = crumbs[0]["itemListElement"]
    assert items[0]["item"] == ORIGIN + "/" and items[-1]["item"] == ORIGIN + article.url
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))


def test_home_page_has_organization_and_website_json_ld(client, home):
    html = _get(client, "/")
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    graph = next(block["@graph"] for block in blocks if "@graph" in block)
    types = {node["@type"] for node in graph}
    assert types == {"GovernmentOrganization", "WebSite"}
    website = next(node for node in graph if node["@type"] == "WebSite")
    assert website["potentialAction"]["target"]["urlTemplate"] == ORIGIN + "/tim-kiem/?q={search_term_string}"


def test_time_datetime_has_whole_seconds(client, home):
    about = AboutPageFactory(parent=home)
    about.last_published_at = timezone.now().replace(microsecond=123456)
    about.save()
    html = _get(client, about.url)
    values = re.findall(r'<time datetime="([^"]+)"', html)
    assert values and not any("." in value for value in values), values


def test_procedure_qa_and_calendar_pages_have_a_description_shared_with_open_graph(client, home):
    procedure = ProcedurePageFactory(parent=ProcedureIndexPageFactory(parent=home), title="Đăng ký khai sinh")
    feedback = FeedbackPageFactory(parent=home, intro="")
    schedule = WorkSchedulePageFactory(parent=home, intro="")
    for page in (procedure, feedback, schedule):
        html = _get(client, page.url)
        description = _meta(html, "name", "description")
        assert description, page.url
        assert _meta(html, "property", "og:description") == description
    assert "Ngay trong ngày làm việc" in _meta(_get(client, procedure.url), "name", "description")


def test_calendar_weeks_outside_the_data_are_not_found_and_empty_weeks_noindex(client, home):
    schedule = WorkSchedulePageFactory(parent=home)
    assert client.get(schedule.url + "?tuan=2099-W10", HTTP_HOST=ALIAS).status_code == 404
    next_week = Week.containing(timezone.localdate()).next()
    empty = _get(client, f"{schedule.url}?tuan={next_week.param}")
    assert '<meta name="robots" content="noindex">' in empty and _canonical(empty) is None
    current = _get(client, schedule.url)
    assert "noindex" not in current and _canonical(current) == ORIGIN + schedule.url


def test_fund_page_canonical_is_absolute_and_keeps_the_year(client, home):
    from congphuong.learning.tests.factories import LearningSocietyPageFactory

    page = LearningSocietyPageFactory(parent=home)
    fund = page.url + "cong-khai-quy/"
    assert _canonical(_get(client, fund)) == ORIGIN + fund
    year = timezone.localdate().year - 1
    assert _canonical(_get(client, fund + f"?nam={year}")) == f"{ORIGIN}{fund}?nam={year}"


def test_tag_links_and_suggestions_use_the_forms_encoding(client, category):
    article = ArticlePageFactory(
        parent=category, title="Hỗ trợ hộ nghèo", published_at=timezone.now() - datetime.timedelta(days=1)
    )
    article.tags.add("hộ nghèo")
    article.save_revision().publish()
    html = _get(client, article.url)
    form_url = "/tim-kiem/?" + urlencode({"q": "hộ nghèo"})  # what <form method=get> submits
    assert f'href="{form_url}"' in html
    assert "%20" not in html.split('class="tags"')[-1].split("</ul>")[0]
    results = _get(client, form_url)
    assert _canonical(results) == ORIGIN + form_url


def test_lookup_failure_is_titled_as_a_lookup(client, home):
    feedback = FeedbackPageFactory(parent=home)
    # A well-formed code that matches no question: the lookup itself failed (nothing was sent).
    response = client.post(feedback.url + "tra-cuu/", {"code": "HD-2026-7K3QX", "verifier": "5678"})
    html = response.content.decode()
    assert "Không tìm thấy câu hỏi khớp" in html
    assert "Chưa tra cứu được" in html and "(chưa tra cứu được)" in html.split("</title>")[0]
    assert "Chưa gửi được" not in html


def test_restricted_pages_ask_in_vietnamese_in_the_portals_chrome_and_are_not_indexed(client, article):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="mk-2026")
    html = _get(client, article.url)
    assert "<title>Cần mật khẩu để xem – Phường Thử Nghiệm</title>" in html
    assert _meta(html, "name", "description").startswith("Nội dung này được bảo vệ bằng mật khẩu")
    assert '<meta name="robots" content="noindex">' in html and _canonical(html) is None
    assert article.title not in html.split("</head>")[0]  # neither its title nor its image in the head
    assert 'class="site-header"' in html and "Password" not in html
    action = re.search(r'<form class="search-form" action="([^"]+)"', html).group(1)
    return_url = re.search(r'name="return_url" value="([^"]*)"', html).group(1)
    wrong = client.post(action, {"password": "sai", "return_url": return_url}, HTTP_HOST=ALIAS)
    assert "Mật khẩu chưa đúng" in wrong.content.decode()
    right = client.post(action, {"password": "mk-2026", "return_url": return_url}, HTTP_HOST=ALIAS)
    assert right.status_code == 302 and _get(client, right["Location"]).count(article.title) >= 1

    login = _get(client, "/_util/login/?next=" + article.url)
    assert "<title>Đăng nhập để xem trang – Phường Thử Nghiệm</title>" in login
    assert _meta(login, "name", "description") and '<meta name="robots" content="noindex">' in login
    assert "Tên đăng nhập" in login and "Mật khẩu" in login and "Log in" not in login
