"""Requests on an old portal's host name: a 301 to the page's new address, or the old-hostname 404
with the lookup link; never a cached page; nothing changes for the other hosts."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from congphuong.legacy.middleware import OldHostnameMiddleware, old_hostnames, ward_hostnames
from congphuong.legacy.models import LegacyRedirect, OldHostname
from congphuong.serving.tests.conftest import page_cache  # noqa: F401 — a fixture
from congphuong.serving.tests.test_fastpath import call, django_app, environ, fast  # noqa: F401 — fixtures
from congphuong.units.models import AdministrativeUnit, Succession
from congphuong.wards.models import WardSettings

pytestmark = pytest.mark.django_db

OLD = "phuong1.tanbinh.example.gov.vn"
SERVED = HttpResponse("served")


@pytest.fixture
def new_ward(ward):
    ward.hostname, ward.port = "tansonhoa.example.gov.vn", 443
    ward.site_name = "Phường Tân Sơn Hòa"
    ward.save()
    return ward


@pytest.fixture
def old_host(new_ward, article, committed):
    unit = AdministrativeUnit.objects.create(
        source_key="p1", code="26977", name="Phường 1", unit_type="Phường", district="Quận Tân Bình",
        province="Thành phố Hồ Chí Minh", province_code="79",
    )  # fmt: skip
    host = committed(
        OldHostname.objects.create, hostname=OLD, site=new_ward, old_unit=unit, old_ward_name="Phường 1 (cũ)"
    )
    LegacyRedirect.objects.create(old_hostname=host, old_path="/tin-tuc/trao-hoc-bong.html", page=article)
    LegacyRedirect.objects.create(old_hostname=host, old_path="/index.php?id=42", page=article)
    LegacyRedirect.objects.create(old_hostname=host, old_path="/tai-lieu/ke-hoach.pdf", url="/documents/7/ke-hoach.pdf")
    return host


def test_an_old_address_answers_301_to_the_page_on_the_new_wards_origin(client, old_host, article):
    target = f"https://tansonhoa.example.gov.vn{article.url_path[len(old_host.site.root_page.url_path) - 1 :]}"
    response = client.get("/tin-tuc/trao-hoc-bong.html", HTTP_HOST=OLD)
    assert response.status_code == 301 and response["Location"] == target
    assert client.get("/index.php", {"id": "42"}, HTTP_HOST=OLD)["Location"] == target
    assert client.get("/tai-lieu/ke-hoach.pdf", HTTP_HOST=OLD.upper() + ":80")["Location"] == (
        "https://tansonhoa.example.gov.vn/documents/7/ke-hoach.pdf"
    )
    assert client.get("/", HTTP_HOST=OLD)["Location"] == "https://tansonhoa.example.gov.vn/"


def test_an_unknown_old_address_gets_the_old_hostname_404_with_the_lookup(client, old_host):
    response = client.get("/khong-co/", HTTP_HOST=OLD)
    assert response.status_code == 404
    html = response.content.decode()
    assert "<strong>Phường 1 (cũ)</strong> đã sáp nhập vào <strong>Phường Tân Sơn Hòa</strong>" in html
    assert 'href="https://tansonhoa.example.gov.vn/"' in html
    assert (
        'href="https://tansonhoa.example.gov.vn/tra-cuu-phuong-moi/?q=Ph%C6%B0%E1%BB%9Dng+1+Qu%E1%BA%ADn+T%C3%A2n+B%C3%ACnh"'
        in html
    )
    assert response["X-Robots-Tag"] == "noindex" and "default-src 'none'" in response["Content-Security-Policy"]


def test_a_split_old_ward_lists_every_successor(client, old_host):
    new = AdministrativeUnit.objects.create(
        source_key="tsh", code="26978", name="Phường Tân Sơn Hòa", unit_type="Phường", province="TP", province_code="79"
    )
    other = AdministrativeUnit.objects.create(
        source_key="bh", code="27004", name="Phường Bảy Hiền", unit_type="Phường", province="TP", province_code="79"
    )
    Succession.objects.create(predecessor=old_host.old_unit, successor=new, whole=False, main=True, part="Khu phố 1–4")
    Succession.objects.create(predecessor=old_host.old_unit, successor=other, whole=False, main=False, part="Khu phố 5")
    WardSettings.objects.filter(site=old_host.site).update(unit_code="26978")
    html = client.get("/khong-co/", HTTP_HOST=OLD).content.decode()
    assert '<a href="https://tansonhoa.example.gov.vn/">Phường Tân Sơn Hòa</a>: Khu phố 1–4' in html
    assert "Phường Bảy Hiền: Khu phố 5" in html


@override_settings(ALLOWED_HOSTS=[".example.gov.vn"])
def test_an_old_host_outside_allowed_hosts_is_answered_and_others_still_refused(client, new_ward, committed):
    committed(OldHostname.objects.create, hostname="www.phuong1-tanbinh.vn", site=new_ward)
    assert client.get("/", HTTP_HOST="www.phuong1-tanbinh.vn").status_code == 301
    assert client.get("/", HTTP_HOST="evil.example.com").status_code == 400


def test_a_page_cached_under_a_host_is_not_served_once_it_is_an_old_host(
    page_cache,  # noqa: F811
    fast,  # noqa: F811
    django_app,  # noqa: F811
    new_ward,
    article,
    committed,
):
    path = article.url_path[len(new_ward.root_page.url_path) - 1 :]
    # Before the merger the old host fell back to the default ward: its pages got cached.
    assert call(fast, environ(path, HOST=OLD))["X-Page-Cache"] == "miss"
    assert call(fast, environ(path, HOST=OLD))["X-Page-Cache"] == "hit"
    host = committed(OldHostname.objects.create, hostname=OLD, site=new_ward)
    committed(LegacyRedirect.objects.create, old_hostname=host, old_path=path, page=article)
    calls = django_app.calls
    answer = call(fast, environ(path, HOST=OLD))
    assert answer.status_code == 301 and django_app.calls == calls + 1  # not the cached page: Django answered
    assert answer.get("X-Page-Cache") is None
    assert call(fast, environ(path, HOST=OLD)).status_code == 301  # and nothing got stored


def test_other_hosts_cost_no_query_and_the_set_follows_changes(new_ward, django_assert_num_queries, committed):
    middleware = OldHostnameMiddleware(lambda request: SERVED)
    request = RequestFactory().get("/", HTTP_HOST="tansonhoa.example.gov.vn")
    stray = RequestFactory().get("/", HTTP_HOST="10.0.0.7")
    ward_hostnames(), old_hostnames()
    with django_assert_num_queries(0):
        assert middleware(request) is SERVED
        assert middleware(stray) is SERVED
    host = committed(OldHostname.objects.create, hostname="Cu.Example.VN.", site=new_ward)
    assert "cu.example.vn" in old_hostnames()
    committed(host.delete)
    assert "cu.example.vn" not in old_hostnames()


@pytest.mark.usefixtures("nothing_cached")
def test_with_the_kept_reads_off_a_wards_host_costs_no_query_and_another_one(
    old_host, django_assert_num_queries, client
):
    """A render with nothing kept (the query counts of core/tests/test_query_counts.py) pays nothing
    for the old host names on a ward's own host: a ward's host is never an old one. Any other host
    is looked up by name, and an old one is still answered."""
    middleware = OldHostnameMiddleware(lambda request: SERVED)
    ward_hostnames()
    with django_assert_num_queries(0):
        assert middleware(RequestFactory().get("/", HTTP_HOST="tansonhoa.example.gov.vn")) is SERVED
    with django_assert_num_queries(1):
        assert middleware(RequestFactory().get("/", HTTP_HOST="10.0.0.7")) is SERVED
    assert client.get("/", HTTP_HOST=OLD).status_code == 301


def test_a_ward_that_kept_its_own_host_answers_its_old_addresses_where_it_has_no_page(
    client, new_ward, home, article, committed
):
    """A ward that imported its own old portal, on the domain it keeps: its pages are served as
    before, and an old address the new portal does not have answers 301 to the imported page."""
    own = new_ward.hostname
    host = committed(OldHostname.objects.create, hostname=own, site=new_ward)
    committed(LegacyRedirect.objects.create, old_hostname=host, old_path="/tin-tuc/chi-tiet.aspx?id=9", page=article)
    committed(LegacyRedirect.objects.create, old_hostname=host, old_path="/", page=article)  # never wins over home
    moved = client.get("/tin-tuc/chi-tiet.aspx", {"id": "9"}, HTTP_HOST=own)
    assert moved.status_code == 301
    assert moved["Location"] == "https://" + own + article.url_path[len(new_ward.root_page.url_path) - 1 :]
    assert client.get("/", HTTP_HOST=own).status_code == 200  # the ward's home, not the old address's target
    assert client.get(moved["Location"].removeprefix("https://" + own), HTTP_HOST=own).status_code == 200
    missing = client.get("/tin-tuc/khong-co.aspx", HTTP_HOST=own)
    assert missing.status_code == 404 and "đã sáp nhập" not in missing.content.decode()  # the ward's own 404
