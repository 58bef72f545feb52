"""`add_ward`: a ward's portal from its official unit, in seconds, refusing what it cannot make."""

import time

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Site

from congphuong.organisation.models import MandatoryCategory
from congphuong.units import loading
from congphuong.units.provisioning import WardNotCreated, add_ward
from congphuong.wards.models import WardSettings

from .test_units import small_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(tmp_path):
    loading.load(small_file(tmp_path))


def test_a_ward_from_its_code(client, units):
    started = time.monotonic()
    ward = add_ward("26977", "tansonhoa.example.gov.vn")
    assert time.monotonic() - started < 10
    site = Site.objects.get(hostname="tansonhoa.example.gov.vn")
    assert site.root_page.title == "Phường Tân Sơn Hòa" and site.site_name == "Phường Tân Sơn Hòa"
    settings_row = WardSettings.objects.get(site=site)
    assert settings_row.official_name == "ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN HÒA"
    assert (settings_row.parent_unit, settings_row.unit_code) == ("Thành phố Hồ Chí Minh", "26977")
    titles = [page.title for page in ward.sections]
    assert {"Văn bản", "Thủ tục hành chính", "Hỏi đáp – phản ánh kiến nghị", "Tiếp cận thông tin",
            "Tuyên bố hỗ trợ tiếp cận", "Đảng ủy"} <= set(titles)  # fmt: skip
    assert all(page.live for page in ward.sections)
    assert Group.objects.filter(name__endswith="– Phường Tân Sơn Hòa").count() == 3
    assert MandatoryCategory.objects.filter(site=site).exists()
    home = client.get("/", HTTP_HOST="tansonhoa.example.gov.vn", secure=True)
    assert home.status_code == 200 and "ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN HÒA" in home.content.decode()
    assert client.get("/van-ban/", HTTP_HOST="tansonhoa.example.gov.vn", secure=True).status_code == 200


def test_refuses_an_old_code_a_second_portal_and_an_unknown_code(units):
    with pytest.raises(WardNotCreated, match="Mã 26980 là Phường 2.*đơn vị cũ.*Phường Tân Sơn Hòa \\(mã 26977\\)"):
        add_ward("26980", "p2.example.gov.vn")
    add_ward("26977", "tansonhoa.example.gov.vn")
    sites = Site.objects.count()
    with pytest.raises(WardNotCreated, match="đã có cổng"):
        add_ward("26977", "khac.example.gov.vn")
    with pytest.raises(WardNotCreated, match="Không có phường/xã/đặc khu hiện hành nào mang mã 99999"):
        add_ward("99999", "x.example.gov.vn")
    assert Site.objects.count() == sites  # nothing half-made


def test_from_file_makes_each_ward_and_reports_the_bad_lines(units, tmp_path, capsys):
    path = tmp_path / "phuong.csv"
    path.write_text(
        "ma,ten_mien\n26977,tansonhoa.example.gov.vn\n26980,p2.example.gov.vn\n27004,bayhien.example.gov.vn\n"
    )
    with pytest.raises(CommandError, match="1 phường chưa tạo được"):
        call_command("add_ward", "--from-file", str(path))
    out = capsys.readouterr()
    assert "dòng 3: Mã 26980" in out.err
    assert out.out.count("Đã tạo") == 2
    assert set(WardSettings.objects.values_list("unit_code", flat=True)) >= {"26977", "27004"}


def test_the_city_it_team_adds_a_ward_from_the_admin(client, units, home, django_user_model):
    from django.urls import reverse

    from congphuong.editorial.roles import SITE_ADMIN, ensure_roles
    from congphuong.editorial.tests.factories import make_user

    url = reverse("units_add_ward")
    client.force_login(make_user("quantri", ensure_roles([home])[SITE_ADMIN]))
    assert client.get(url).status_code in (302, 403)  # a ward's admin adds no ward
    assert client.post(url, {"code": "26977", "hostname": "x.example.gov.vn", "port": 443}).status_code in (302, 403)
    assert not Site.objects.filter(hostname="x.example.gov.vn").exists()
    client.force_login(django_user_model.objects.create_superuser("it_thanhpho", "it@example.vn", "Mat-khau-2025!"))
    refused = client.post(url, {"code": "26980", "hostname": "p2.example.gov.vn", "port": 443})
    assert refused.status_code == 200 and "đơn vị cũ" in refused.content.decode()
    made = client.post(url, {"code": "26977", "hostname": "tansonhoa.example.gov.vn", "port": 443}, follow=True)
    assert "Đã tạo cổng Phường Tân Sơn Hòa" in made.content.decode()
    assert Site.objects.filter(hostname="tansonhoa.example.gov.vn").exists()
