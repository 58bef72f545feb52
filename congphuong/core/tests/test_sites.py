"""The Site of a served request in one query (core/sites.py): the same Site Wagtail finds, its home
page in its own page type, and the home's view restrictions still applied. (The English section,
where Wagtail's own `localized` lookup still runs, is core/tests/test_english_section.py.)"""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from congphuong.core.sites import find_site
from congphuong.home.models import HomePage
from congphuong.wards.tests.factories import make_ward

pytestmark = pytest.mark.django_db


def test_the_site_found_is_wagtails_for_every_host_and_port(ward):
    second = make_ward(hostname="phuong-hai.example.vn", name="Phường Hai")
    same_host = make_ward(hostname="phuong-hai.example.vn", name="Phường Hai cổng khác", port=8080)
    hosts = [
        "testserver",
        "phuong-hai.example.vn",
        "phuong-hai.example.vn:8080",
        "phuong-hai.example.vn:9000",
        "khac.example.vn",
        "10.0.0.7:8000",
    ]
    for default in (ward, None):
        if default is None:
            Site.objects.filter(pk=ward.pk).update(is_default_site=False)
        for host in hosts:
            request = RequestFactory().get("/", HTTP_HOST=host)
            ours = find_site(request)
            wagtails = Site._find_for_request(request)
            assert (ours and ours.pk) == (wagtails and wagtails.pk), (host, default)
    assert second.pk != same_host.pk


@pytest.mark.usefixtures("nothing_cached")
def test_a_served_request_reads_its_home_in_one_query(client, home):
    client.get("/")  # warm: content types, site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    site = response.wsgi_request._wagtail_site
    assert type(site.root_page) is HomePage and site.root_page.pk == home.pk
    sqls = [query["sql"] for query in queries.captured_queries]
    assert not [sql for sql in sqls if sql.startswith('SELECT "wagtailcore_locale"')], "the locale came with the home"
    assert len([sql for sql in sqls if sql.startswith('SELECT "wagtailcore_site"')]) == 1
    assert not [sql for sql in sqls if sql.startswith('SELECT "wagtailcore_pageviewrestriction"')]
    assert not [
        sql
        for sql in sqls
        if sql.startswith('SELECT "wagtailcore_page"."id", "wagtailcore_page"."path"') and "home_homepage" in sql
    ]


@pytest.mark.parametrize("on", ["home", "tree root"])
def test_a_restricted_home_keeps_its_restriction(client, home, on):
    page = home if on == "home" else Page.objects.get(depth=1)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/")
    assert response.status_code == 302 and "login/?next=/" in response["Location"]
