"""The public "Xã hội học tập" pages: aggregates only, names only where the ward may publish them."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congphuong.learning.choices import AwardCategory, ConsentGiver, LearningModel, ReceiptKind, ReceiptSource, Status
from congphuong.learning.models import (
    Award,
    Donor,
    FundReceipt,
    NameConsent,
    Registration,
    Target,
)
from congphuong.wards.tests.factories import make_ward

from .factories import (
    CitizenFactory,
    HouseholdFactory,
    LearningSocietyPageFactory,
    MemberFactory,
    QuarterFactory,
    make_criteria_set,
)

pytestmark = pytest.mark.django_db

# Statistics: + the QĐ 677 populations (recognised families, communities, units) and the province of the targets.
MAX_QUERIES = {"statistics": 46, "fund": 40}


def populate(site, n, prefix="", year=2025):
    """n households (half recognised), a citizen, donors and awards, some published by name."""
    criteria_set = make_criteria_set(valid_from=datetime.date(2020, 1, 1))
    quarter = QuarterFactory(site=site, name=f"{prefix}Khu phố {n}")
    secrets = []
    for index in range(n):
        household = HouseholdFactory(
            site=site, quarter=quarter, head_name=f"{prefix}Chủ Hộ Bí Mật {index}", address=f"{prefix}Hẻm Kín {index}"
        )
        MemberFactory(household=household)
        Registration.objects.create(
            site=site,
            year=year,
            learning_model=LearningModel.FAMILY,
            household=household,
            criteria_set=criteria_set,
            status=Status.RECOGNISED if index % 2 == 0 else Status.REGISTERED,
        )
        secrets.append(household.head_name)
        secrets.append(household.address)
    citizen = CitizenFactory(site=site, quarter=quarter, full_name=f"{prefix}Công Dân Kín Tên")
    secrets.append(citizen.full_name)
    hidden_donor = Donor.objects.create(site=site, name=f"{prefix}Nhà Hảo Tâm Giấu Tên", may_publish_name=False)
    shown_donor = Donor.objects.create(site=site, name=f"{prefix}Công ty Công Khai", may_publish_name=True)
    secrets.append(hidden_donor.name)
    for index, donor in enumerate((hidden_donor, shown_donor)):
        FundReceipt.objects.create(
            site=site,
            date=datetime.date(year, 3, 1 + index),
            voucher_number=f"PT-{prefix}{n}-{index}",
            source=ReceiptSource.DONORS,
            amount=Decimal(1_000_000),
            donor=donor,
            description="Ủng hộ",
            kind=ReceiptKind.CASH,
        )
    published = []
    for index in range(n):
        may_publish = index % 2 == 0
        award = Award.objects.create(
            site=site,
            school_year=f"{year}-{year + 1}",
            awarded_on=datetime.date(year, 9, 5),
            category=AwardCategory.GOOD_PUPIL,
            recipient_name=f"{prefix}Em {'Công Khai' if may_publish else 'Không Nêu Tên'} {index}",
            school="Trường THCS Thử",
            grade="Lớp 8",
            amount=Decimal(500_000),
            birth_year=year - 14,
        )
        # Published only with the child's and a parent's recorded consent; the others have the parent's only.
        givers = [ConsentGiver.SUBJECT, ConsentGiver.PARENT] if may_publish else [ConsentGiver.PARENT]
        for giver in givers:
            NameConsent.objects.create(
                site=site,
                award=award,
                giver=giver,
                giver_name="Người Đồng Ý",
                given_on=datetime.date(year, 9, 1),
                evidence="Phiếu đồng ý có chữ ký",
            )
        (published if may_publish else secrets).append(award.recipient_name)
    return secrets, published, shown_donor.name


@pytest.fixture
def page(home):
    return LearningSocietyPageFactory(parent=home)


def test_statistics_page_shows_aggregates_and_no_personal_data(client, ward, page):
    secrets, published, _shown = populate(ward, 4)
    Target.objects.update_or_create(
        site=None, kind="gia_dinh", year=2025, defaults={"percent": 70, "legal_basis": "QĐ 387"}
    )
    response = client.get(page.url + "?nam=2025")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gia đình học tập (tỷ lệ hộ gia đình)" in html
    assert "50%" in html  # 2 of 4 households recognised
    assert "<title id=" in html and "<desc id=" in html  # accessible SVG
    for secret in secrets + published:
        assert secret not in html


def test_fund_page_publishes_only_consented_names(client, ward, page):
    secrets, published, shown_donor = populate(ward, 4)
    html = client.get(page.url + "cong-khai-quy/?nam=2025").content.decode()
    for name in published:
        assert name in html
    assert shown_donor in html
    for secret in secrets:
        assert secret not in html
    assert "2 suất không nêu tên: người nhận chưa đồng ý công khai" in html
    assert "Các khoản đóng góp khác (không nêu tên): 1 khoản, tổng 1.000.000 đ." in html


def test_no_personal_data_in_sitemap_search_or_feeds(client, ward, page):
    secrets, _published, _shown = populate(ward, 3)
    # The search page repeats the query, so search for a part of the names.
    for url in ("/sitemap-trang.xml", "/rss/", "/tim-kiem/?q=Bí+Mật", "/tim-kiem/?q=Hẻm+Kín"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for secret in secrets:
            assert secret not in body, (url, secret)
    assert "/xa-hoi-hoc-tap/cong-khai-quy/" in client.get("/sitemap-trang.xml").content.decode()


def test_feeds_sitemap_and_search_list_articles_but_no_learning_person_or_private_file(client, ward, page, category):
    """The same endpoints do list public content (so the check above can fail), never the module's people or files."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from congphuong.learning.files import ensure_collection
    from congphuong.search.tests.helpers import make_article

    secrets, _published, _shown = populate(ward, 3)
    article = make_article(
        category, "Trao học bổng khuyến học năm 2025", "Quỹ khuyến học phường trao 50 suất học bổng."
    )
    private = get_document_model().objects.create(
        title=f"Quyết định công nhận {secrets[0]}",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="quyet-dinh-cong-nhan.pdf"),
        collection=ensure_collection(ward),
    )
    secrets += [private.title, private.url]
    checks = {
        "/sitemap-trang.xml": "/khuyen-hoc-khuyen-tai/",
        "/rss/": "Trao học bổng khuyến học năm 2025",
        f"{category.url}rss/": "Trao học bổng khuyến học năm 2025",
        "/tim-kiem/?q=học+bổng": article.url,  # titles come highlighted: the link tells
        "/tim-kiem/goi-y/?q=trao+hoc+b": "Trao học bổng khuyến học năm 2025",
        "/tim-kiem/?q=Quyết+định+công+nhận": None,
        "/tim-kiem/goi-y/?q=Bí+Mật": None,
        page.url + "?nam=2025": "Xã hội học tập",
        page.url + "cong-khai-quy/?nam=2025": "Xã hội học tập",
    }
    for url, expected in checks.items():
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.json()["results"].__repr__() if "/goi-y/" in url else response.content.decode()
        if expected:
            assert expected in body, url
        for secret in secrets:
            assert secret not in body, (url, secret)
    # The private file itself: not found for a reader who is not signed in as the ward's learning staff.
    assert client.get(private.url).status_code == 404


def test_one_ward_never_shows_another_wards_figures(client, ward, page):
    populate(ward, 2)
    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    other_secrets, other_published, other_donor = populate(other, 6, prefix="Khác ")
    html = (
        client.get(page.url + "?nam=2025").content.decode()
        + client.get(page.url + "cong-khai-quy/?nam=2025").content.decode()
    )
    for name in other_secrets + other_published + [other_donor, "Khác Khu phố 6"]:
        assert name not in html


def test_bad_parameters_get_a_message_not_an_error(client, ward, page):
    response = client.get(page.url + "?nam=abc")
    assert response.status_code == 200
    assert "Năm “abc” không hợp lệ" in response.content.decode()
    response = client.get(page.url + "cong-khai-quy/?nam=2025&ky=tuan&trang=zz")
    assert response.status_code == 200
    assert "Kỳ báo cáo không hợp lệ; đang hiện theo quý." in response.content.decode()


def test_fund_page_can_be_switched_off(client, ward, page):
    page.show_fund = False
    page.save_revision().publish()
    assert client.get(page.url + "cong-khai-quy/").status_code == 404


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.usefixtures("nothing_cached")  # one render's queries: nothing kept
def test_query_counts_do_not_grow_with_rows(client, ward, page):
    populate(ward, 3)
    urls = {"statistics": page.url + "?nam=2025", "fund": page.url + "cong-khai-quy/?nam=2025"}
    small = {name: _count(client, url) for name, url in urls.items()}
    populate(ward, 25, prefix="Thêm ")
    large = {name: _count(client, url) for name, url in urls.items()}
    assert large == small, f"queries grew with the number of rows: {small} → {large}"
    for name, count in large.items():
        assert count <= MAX_QUERIES[name], f"{name}: {count} queries > {MAX_QUERIES[name]}"
