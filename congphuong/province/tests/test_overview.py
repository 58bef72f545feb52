"""The province overview: rows per ward, sorting, XLSX export, who may see it, a flat query count."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page

from congphuong.accounts.tests.factories import add_authenticator, make_user
from congphuong.editorial.roles import ensure_roles
from congphuong.feedback.models import Question
from congphuong.feedback.tests.factories import QuestionFactory
from congphuong.information_access.models import InformationRequest
from congphuong.information_access.tests.factories import InformationRequestFactory
from congphuong.province.models import WardBoardSnapshot
from congphuong.province.overview import SHEET_NAME, ward_rows
from congphuong.wards.roles import APPROVER, CITY_ADMIN, EDITOR, SITE_ADMIN
from congphuong.wards.tests.factories import make_ward

OVERVIEW = "province_overview"
EXPORT = "province_overview_export"


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def question(site, due, status=Question.NEW):
    return QuestionFactory(site=site, status=status, due_date=due)


def information_request(site, due, status=InformationRequest.NEW):
    return InformationRequestFactory(site=site, status=status, due_date=due, initial_due_date=due)


def published(site, when):
    Page.objects.filter(pk=site.root_page_id).update(live=True, last_published_at=when)


@pytest.fixture
def city(db):
    """Three wards in different states, with their role groups."""
    from wagtail.models import Site

    Site.objects.all().delete()
    an_khanh = make_ward("an-khanh.test", "Phường An Khánh", default=True)
    ben_thanh = make_ward("ben-thanh.test", "Phường Bến Thành")
    cau_ong_lanh = make_ward("cau-ong-lanh.test", "Phường Cầu Ông Lãnh")
    groups = ensure_roles().by_site

    # An Khánh: two overdue questions (one closed late and one not yet due do not count), one
    # overdue request, published yesterday, an editor without 2FA and an approver with it.
    question(an_khanh, days(-3))
    question(an_khanh, days(-1), status=Question.PROCESSING)
    question(an_khanh, days(-5), status=Question.ANSWERED)
    question(an_khanh, days(4))
    information_request(an_khanh, days(-2))
    published(an_khanh, timezone.now() - datetime.timedelta(days=1))
    make_user("bientap_ak", groups[an_khanh.pk][EDITOR])
    add_authenticator(make_user("lanhdao_ak", groups[an_khanh.pk][APPROVER]))
    WardBoardSnapshot.objects.create(site=an_khanh, computed_at=timezone.now(), categories=8)

    # Bến Thành: no overdue question, three overdue requests (one provided: not counted), published
    # ten days ago, two cadres without 2FA (one of them in two roles counts once), missing categories.
    information_request(ben_thanh, days(-10))
    information_request(ben_thanh, days(-1), status=InformationRequest.PROCESSING)
    information_request(ben_thanh, days(-7), status=InformationRequest.PROVIDED)
    published(ben_thanh, timezone.now() - datetime.timedelta(days=10))
    make_user("bientap_bt", groups[ben_thanh.pk][EDITOR], groups[ben_thanh.pk][APPROVER])
    make_user("quantri_bt", groups[ben_thanh.pk][SITE_ADMIN])
    make_user("cu_bt", groups[ben_thanh.pk][EDITOR], is_active=False)  # inactive: not counted
    WardBoardSnapshot.objects.create(site=ben_thanh, computed_at=timezone.now(), categories=8, missing=2, overdue=1)

    # Cầu Ông Lãnh: nothing published, nothing overdue, board never computed.
    Page.objects.filter(pk=cau_ong_lanh.root_page_id).update(last_published_at=None)
    return {"an_khanh": an_khanh, "ben_thanh": ben_thanh, "cau_ong_lanh": cau_ong_lanh, "groups": groups}


def by_name(rows):
    return {row.name: row for row in rows}


def test_rows_per_ward(city):
    rows = by_name(ward_rows())
    assert list(rows) == ["Phường An Khánh", "Phường Bến Thành", "Phường Cầu Ông Lãnh"]
    an_khanh, ben_thanh, cau_ong_lanh = rows.values()
    assert (an_khanh.questions_overdue, an_khanh.requests_overdue, an_khanh.without_2fa) == (2, 1, 1)
    assert (ben_thanh.questions_overdue, ben_thanh.requests_overdue, ben_thanh.without_2fa) == (0, 2, 2)
    assert (cau_ong_lanh.questions_overdue, cau_ong_lanh.requests_overdue, cau_ong_lanh.without_2fa) == (0, 0, 0)
    assert an_khanh.board_label == "Đạt"
    assert ben_thanh.board_label == "Thiếu 2 hạng mục, 1 mục quá hạn"
    assert cau_ong_lanh.board_label == "Chưa tính"
    assert timezone.localdate(an_khanh.last_published) == days(-1)
    assert timezone.localdate(ben_thanh.last_published) == days(-10)
    assert cau_ong_lanh.last_published is None
    assert an_khanh.url == "http://an-khanh.test"


def test_last_publish_is_the_latest_live_page_of_the_ward_tree(city):
    home = city["cau_ong_lanh"].root_page
    child = home.add_child(instance=Page(title="Thông báo lịch tiếp công dân", slug="lich-tiep-cong-dan", live=True))
    when = timezone.now() - datetime.timedelta(hours=2)
    Page.objects.filter(pk=child.pk).update(last_published_at=when)
    # A newer page that is not live any more does not count.
    draft = home.add_child(instance=Page(title="Bản nháp", slug="ban-nhap", live=False))
    Page.objects.filter(pk=draft.pk).update(last_published_at=timezone.now())
    assert by_name(ward_rows())["Phường Cầu Ông Lãnh"].last_published == when


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("phuong", ["Phường An Khánh", "Phường Bến Thành", "Phường Cầu Ông Lãnh"]),
        ("-phuong", ["Phường Cầu Ông Lãnh", "Phường Bến Thành", "Phường An Khánh"]),
        ("-hoi_dap", ["Phường An Khánh", "Phường Bến Thành", "Phường Cầu Ông Lãnh"]),
        ("-yeu_cau", ["Phường Bến Thành", "Phường An Khánh", "Phường Cầu Ông Lãnh"]),
        ("-chua_2fa", ["Phường Bến Thành", "Phường An Khánh", "Phường Cầu Ông Lãnh"]),
        ("dang_bai", ["Phường Cầu Ông Lãnh", "Phường Bến Thành", "Phường An Khánh"]),
        ("-bang", ["Phường Bến Thành", "Phường An Khánh", "Phường Cầu Ông Lãnh"]),
        ("khong-co", ["Phường An Khánh", "Phường Bến Thành", "Phường Cầu Ông Lãnh"]),
    ],
)
def test_sorting(city, sort, expected):
    assert [row.name for row in ward_rows(sort=sort)] == expected


def test_sorting_through_the_page_without_javascript(city, client):
    client.force_login(make_user("it_tp", Group.objects.get(name=CITY_ADMIN)))
    response = client.get(reverse(OVERVIEW), {"sap_xep": "-yeu_cau"})
    assert response.status_code == 200
    text = response.content.decode().split("<tbody>")[1]
    assert text.index("Phường Bến Thành") < text.index("Phường An Khánh") < text.index("Phường Cầu Ông Lãnh")
    page = response.content.decode()
    assert 'aria-sort="descending"' in page
    assert "?sap_xep=yeu_cau" in page  # clicking the sorted column again reverses it
    assert f"{reverse(EXPORT)}?sap_xep=-yeu_cau" in page


def test_xlsx_export(city, client):
    WardBoardSnapshot.objects.filter(site=city["an_khanh"]).update(missing=1)
    city["an_khanh"].site_name = '=HYPERLINK("https://xau.example","Xem")'
    city["an_khanh"].save()
    client.force_login(make_user("it_tp", Group.objects.get(name=CITY_ADMIN)))
    response = client.get(reverse(EXPORT), {"sap_xep": "-yeu_cau"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [SHEET_NAME] == ["Tổng quan thành phố"]
    sheet = workbook[SHEET_NAME]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == (
        "Phường",
        "Bảng theo dõi công khai",
        "Hỏi đáp quá hạn",
        "Yêu cầu cung cấp thông tin quá hạn",
        "Đăng bài gần nhất",
        "Cán bộ chưa bật xác thực hai lớp",
    )
    assert rows[1][:4] == ("Phường Bến Thành", "Thiếu 2 hạng mục, 1 mục quá hạn", 0, 2)
    assert rows[1][5] == 2
    assert isinstance(rows[1][4], datetime.datetime)
    assert rows[1][6] == "http://ben-thanh.test"
    # A ward name that looks like a formula stays text.
    injected = sheet.cell(row=3, column=1)
    assert injected.value.startswith("=HYPERLINK")
    assert injected.data_type == "s"
    assert rows[2][1] == "Thiếu 1 hạng mục"
    assert rows[3][4] is None  # never published


@pytest.mark.parametrize("role", [EDITOR, APPROVER, SITE_ADMIN])
@pytest.mark.parametrize("url", [OVERVIEW, EXPORT])
def test_ward_roles_are_refused(city, client, role, url):
    client.force_login(make_user("canbo", city["groups"][city["an_khanh"].pk][role]))
    response = client.get(reverse(url))
    assert response.status_code == 404
    assert "Phường Bến Thành" not in response.content.decode(errors="replace")


def test_anonymous_is_sent_to_sign_in(city, client):
    response = client.get(reverse(EXPORT))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_city_admin_and_superuser_are_allowed(city, client):
    city_admin = make_user("it_tp", Group.objects.get(name=CITY_ADMIN))
    assert not city_admin.is_superuser
    for user in (city_admin, make_user("sieu", is_superuser=True)):
        client.force_login(user)
        response = client.get(reverse(OVERVIEW))
        assert response.status_code == 200
        text = response.content.decode()
        for name in ("Phường An Khánh", "Phường Bến Thành", "Phường Cầu Ông Lãnh"):
            assert name in text
        assert client.get(reverse(EXPORT)).status_code == 200


def test_menu_item_only_for_city_admin_and_superuser(city, client):
    client.force_login(make_user("it_tp", Group.objects.get(name=CITY_ADMIN)))
    assert reverse(OVERVIEW) in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(make_user("quantri", city["groups"][city["an_khanh"].pk][SITE_ADMIN]))
    assert reverse(OVERVIEW) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_city_admin_edits_no_ward_content(city):
    from congphuong.wards.membership import ward_ids

    city_admin = make_user("it_tp", Group.objects.get(name=CITY_ADMIN))
    assert ward_ids(city_admin) == set()
    assert not city_admin.has_perm("wagtailcore.change_page")
    assert not city_admin.has_perm("feedback.change_question")
    assert city_admin.has_perm("province.view_province_overview")


def test_city_admin_must_use_two_factor(city):
    from congphuong.accounts.two_factor import two_factor_required

    assert two_factor_required(make_user("it_tp", Group.objects.get(name=CITY_ADMIN)))


def _queries(callable_):
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured.captured_queries)


def _add_busy_ward(number):
    site = make_ward(f"phuong-{number}.test", f"Phường Số {number}")
    question(site, days(-2))
    information_request(site, days(-2))
    published(site, timezone.now())
    WardBoardSnapshot.objects.create(site=site, computed_at=timezone.now(), missing=1)
    return site


def test_query_count_does_not_grow_with_wards(db, client):
    from wagtail.models import Site

    Site.objects.all().delete()
    for number in (1, 2):
        _add_busy_ward(number)
    ensure_roles()
    for site in Site.objects.all():
        make_user(f"bientap_{site.pk}", site.ward_role_groups.get(role="editor").group)
    superuser = make_user("sieu", is_superuser=True)
    client.force_login(superuser)
    client.get(reverse(OVERVIEW))  # warm up (session, site lookup)
    two_rows = _queries(ward_rows)
    two_page = _queries(lambda: client.get(reverse(OVERVIEW), {"sap_xep": "-chua_2fa"}))
    two_export = _queries(lambda: client.get(reverse(EXPORT)))

    for number in (3, 4, 5):
        _add_busy_ward(number)
    ensure_roles()
    for site in Site.objects.filter(hostname__in=["phuong-3.test", "phuong-4.test", "phuong-5.test"]):
        make_user(f"bientap_{site.pk}", site.ward_role_groups.get(role="editor").group)
    # Warm again, as before the first count: a Site saved empties Wagtail's site root paths, which the
    # next request reads back with a query per Site (once, not per request).
    client.get(reverse(OVERVIEW))
    assert len(ward_rows()) == 5
    assert all(row.without_2fa == 1 and row.questions_overdue == 1 for row in ward_rows())
    assert _queries(ward_rows) == two_rows == 4
    assert _queries(lambda: client.get(reverse(OVERVIEW), {"sap_xep": "-chua_2fa"})) == two_page
    assert _queries(lambda: client.get(reverse(EXPORT))) == two_export


def test_setup_roles_creates_the_city_group(db):
    from django.core.management import call_command

    call_command("setup_roles", verbosity=0)
    group = Group.objects.get(name=CITY_ADMIN)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "view_province_overview"}
    assert not hasattr(group, "ward_role") or group.ward_role is None


def test_refresh_snapshots_reads_the_board(city):
    from congphuong.organisation.compliance.sources import ensure_default_categories
    from congphuong.province.overview import refresh_snapshots

    ensure_default_categories(city["cau_ong_lanh"])
    assert refresh_snapshots() == 3
    snapshot = WardBoardSnapshot.objects.get(site=city["cau_ong_lanh"])
    assert snapshot.categories > 0
    assert snapshot.missing > 0  # a new ward has published nothing yet
    assert by_name(ward_rows())["Phường Cầu Ông Lãnh"].board_label.startswith("Thiếu")


def test_a_ward_site_admin_cannot_hand_out_the_city_role(city):
    from congphuong.accounts.users import assignable_groups

    site_admin = make_user("quantri", city["groups"][city["an_khanh"].pk][SITE_ADMIN])
    assert not assignable_groups(site_admin).filter(name=CITY_ADMIN).exists()
    assert assignable_groups(make_user("sieu", is_superuser=True)).filter(name=CITY_ADMIN).exists()


def test_city_admin_reads_each_wards_self_assessment_and_board_from_the_overview(city, client):
    from congphuong.organisation.models import MandatoryCategory

    client.force_login(make_user("it_tp", Group.objects.get(name=CITY_ADMIN)))
    overview = client.get(reverse(OVERVIEW)).content.decode()
    for site in (city["an_khanh"], city["ben_thanh"], city["cau_ong_lanh"]):
        assessment = f"{reverse('assessment_self_assessment')}?phuong={site.pk}"
        board = f"{reverse('organisation_compliance_board')}?phuong={site.pk}"
        assert f'href="{assessment}"' in overview and f'href="{board}"' in overview
        for url in (assessment, board):
            response = client.get(url)
            assert response.status_code == 200
            assert response.context["site"] == site  # the ward asked for, not the first one
    # Reading only: the board's "create the default categories" is refused, nothing is made.
    before = MandatoryCategory.objects.count()
    response = client.post(f"{reverse('organisation_compliance_board')}?phuong={city['ben_thanh'].pk}")
    assert response.status_code in (302, 403) and MandatoryCategory.objects.count() == before


def test_a_ward_admin_still_reads_only_their_own_wards_self_assessment(city, client):
    client.force_login(make_user("quantri_ak", city["groups"][city["an_khanh"].pk][SITE_ADMIN]))
    other = f"{reverse('assessment_self_assessment')}?phuong={city['ben_thanh'].pk}"
    response = client.get(other)
    assert response.status_code == 200 and response.context["site"] == city["an_khanh"]
    assert [site.pk for site in response.context["sites"]] == [city["an_khanh"].pk]
    assert "Phường Bến Thành" not in response.content.decode()
