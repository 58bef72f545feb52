"""Administrative units as data, and "Phường cũ của tôi nay là phường nào?"."""

import gzip
import json
import time

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from congphuong.units import loading, lookup
from congphuong.units.models import AdministrativeUnit, Succession
from congphuong.wards.models import WardSettings

pytestmark = pytest.mark.django_db

OLD = "2025-06-30"
NEW = "2025-07-01"


def _unit(key, code, name, kind, district="", province="Thành phố Hồ Chí Minh", **dates):
    return {"key": key, "code": code, "name": name, "type": kind, "district": district, "province": province,
            "province_code": "79", **dates}  # fmt: skip


def small_file(tmp_path, units=None, successions=None):
    """A units file in the shipped format: three old wards merged into one, one old ward split in two."""
    units = units or [
        _unit("hcm_tanbinh_p1", "26977", "Phường 1", "Phường", "Quận Tân Bình", valid_to=OLD),
        _unit("hcm_tanbinh_p2", "26980", "Phường 2", "Phường", "Quận Tân Bình", valid_to=OLD),
        _unit("hcm_tanbinh_p10", "27010", "Phường 10", "Phường", "Quận Tân Bình", valid_to=OLD),
        _unit("hcm_cuchi_xa_a", "27500", "Xã Tân Thạnh Đông", "Xã", "Huyện Củ Chi", valid_to=OLD),
        _unit("new_tansonhoa", "26977", "Phường Tân Sơn Hòa", "Phường", valid_from=NEW),
        _unit("new_baythien", "27004", "Phường Bảy Hiền", "Phường", valid_from=NEW),
        _unit("new_xa_b", "27501", "Xã Tân An Hội", "Xã", valid_from=NEW),
        _unit("new_xa_c", "27502", "Xã Củ Chi", "Xã", valid_from=NEW),
    ]
    successions = successions or [
        {"from": "hcm_tanbinh_p1", "to": "new_tansonhoa", "whole": True, "main": True},
        {"from": "hcm_tanbinh_p2", "to": "new_tansonhoa", "whole": True, "main": True},
        {"from": "hcm_tanbinh_p10", "to": "new_baythien", "whole": True, "main": True},
        {"from": "hcm_cuchi_xa_a", "to": "new_xa_b", "whole": False, "main": True},
        {"from": "hcm_cuchi_xa_a", "to": "new_xa_c", "whole": False, "main": False},
    ]
    path = tmp_path / "units.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        json.dump({"source": "thử nghiệm", "source_version": "0", "built_on": "2026-12-07", "units": units,
                   "successions": successions}, out, ensure_ascii=False)  # fmt: skip
    return path


def test_load_is_idempotent_and_keeps_an_administrators_correction(tmp_path):
    path = small_file(tmp_path)
    report = loading.load(path)
    assert (report.created, report.successions_created) == (8, 5)
    assert AdministrativeUnit.objects.get(source_key="hcm_tanbinh_p1").search_text == (
        " phuong 1 quan tan binh thanh pho ho chi minh "
    )
    again = loading.load(path)
    assert (again.created, again.updated, again.successions_created, again.unchanged) == (0, 0, 0, 8)
    unit = AdministrativeUnit.objects.get(source_key="new_baythien")
    unit.name, unit.corrected = "Phường Bảy Hiền (đã sửa)", True
    unit.save()
    assert loading.load(path).kept_corrected == 1
    assert AdministrativeUnit.objects.get(source_key="new_baythien").name == "Phường Bảy Hiền (đã sửa)"


def test_a_bad_file_changes_nothing_and_says_why(tmp_path):
    loading.load(small_file(tmp_path))
    before = (AdministrativeUnit.objects.count(), Succession.objects.count())
    broken = small_file(
        tmp_path,
        units=[_unit("x_new", "1", "Phường Mới", "Phường", valid_from=NEW)],
        successions=[{"from": "x_new", "to": "khong_co", "whole": True, "main": True}],
    )
    with pytest.raises(CommandError, match="quan hệ kế thừa thứ 1.*khong_co.*Không có gì thay đổi"):
        call_command("load_admin_units", "--file", str(broken))
    assert (AdministrativeUnit.objects.count(), Succession.objects.count()) == before  # all or nothing
    (tmp_path / "rac.json.gz").write_bytes(b"not gzip")
    with pytest.raises(CommandError, match="Không đọc được tệp đơn vị hành chính"):
        call_command("load_admin_units", "--file", str(tmp_path / "rac.json.gz"))


def test_lookup_without_diacritics_finds_the_whole_word_and_the_successor(tmp_path):
    loading.load(small_file(tmp_path))
    matches = lookup.find("phuong 1 tan binh")
    assert [match.unit.name for match in matches] == ["Phường 1"]  # not Phường 10
    assert [s.unit.name for s in matches[0].successors] == ["Phường Tân Sơn Hòa"]
    # Abbreviations as people write them.
    assert [m.unit.source_key for m in lookup.find("P.1 Q.Tân Bình TP.HCM")] == ["hcm_tanbinh_p1"]
    assert [m.unit.source_key for m in lookup.find("phường 10")] == ["hcm_tanbinh_p10"]


def test_a_split_ward_lists_every_successor_main_first(tmp_path):
    loading.load(small_file(tmp_path))
    (match,) = lookup.find("tan thanh dong")
    assert match.is_split
    assert [(s.unit.name, s.main, s.whole) for s in match.successors] == [
        ("Xã Tân An Hội", True, False),
        ("Xã Củ Chi", False, False),
    ]


def test_page_links_the_new_wards_portal(client, tmp_path, ward):
    loading.load(small_file(tmp_path))
    settings_row = WardSettings.objects.get(site=ward)
    settings_row.unit_code = "26977"
    settings_row.save()
    html = client.get(reverse("unit_lookup"), {"q": "phuong 2 tan binh"}).content.decode()
    assert "Phường 2, Quận Tân Bình" in html and "Phường Tân Sơn Hòa" in html
    assert f'href="{ward.root_url}">Cổng thông tin của Phường Tân Sơn Hòa</a>' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    split = client.get(reverse("unit_lookup"), {"q": "xa tan thanh dong cu chi"}).content.decode()
    assert "Đã được chia về 2 đơn vị mới" in split and "phần lớn địa bàn" in split and "một phần địa bàn" in split
    empty = client.get(reverse("unit_lookup"), {"q": "khong co phuong nay"}).content.decode()
    assert "Không tìm thấy đơn vị nào khớp" in empty


def test_ward_settings_refuse_a_code_that_is_not_a_current_unit(tmp_path, ward):
    from django.core.exceptions import ValidationError

    loading.load(small_file(tmp_path))
    settings_row = WardSettings.objects.get(site=ward)
    settings_row.unit_code = "26980"  # Phường 2: an old unit, not current
    with pytest.raises(ValidationError, match="Không có phường/xã hiện hành nào mang mã 26980"):
        settings_row.clean()


def test_the_shipped_list_has_every_unit_and_each_lookup_takes_at_most_50_ms():
    report = loading.load()
    assert report.created == 10_040 + 3_321
    current = AdministrativeUnit.objects.filter(valid_to__isnull=True)
    counts = {kind: current.filter(unit_type=kind).count() for kind in ("Xã", "Phường", "Đặc khu")}
    assert counts == {"Xã": 2_621, "Phường": 687, "Đặc khu": 13}
    # Every old unit has a successor.
    assert not AdministrativeUnit.objects.filter(valid_to__isnull=False, successions__isnull=True).exists()
    (match,) = [m for m in lookup.find("phuong 1 quan tan binh") if m.unit.district == "Quận Tân Bình"]
    assert [(s.unit.name, s.unit.code) for s in match.successors] == [("Phường Tân Sơn Hòa", "26977")]
    queries = ["phuong 1 tan binh", "xa tan thanh dong", "phuong 7 quan 3", "thi tran cu chi", "hoan kiem ha noi"]
    # The best of seven tries per query, as timeit takes it: the slower tries measure the other
    # processes on a shared machine (CI runs two suites at once), not the lookup.
    best = {}
    for query in queries:
        tries = []
        for _round in range(7):
            started = time.perf_counter()
            lookup.find(query)
            tries.append((time.perf_counter() - started) * 1000)
        best[query] = min(tries)
    slowest = max(best, key=best.get)
    assert best[slowest] <= 50, f"{slowest!r}: {best[slowest]:.1f} ms"


def test_only_administrators_correct_a_unit_and_the_correction_sticks(client, tmp_path, home, django_user_model):
    from congphuong.editorial.roles import SITE_ADMIN, ensure_roles
    from congphuong.editorial.tests.factories import make_user

    loading.load(small_file(tmp_path))
    unit = AdministrativeUnit.objects.get(source_key="new_baythien")
    url = reverse("don_vi_hanh_chinh:edit", args=[unit.pk])
    client.force_login(make_user("quantri", ensure_roles([home])[SITE_ADMIN]))
    assert client.get(url).status_code in (302, 403)  # a ward's admin: not theirs to change
    client.force_login(django_user_model.objects.create_superuser("it_thanhpho", "it@example.vn", "Mat-khau-2025!"))
    data = {"name": "Phường Bảy Hiền (sửa tên)", "unit_type": "Phường", "code": "27004", "district": "",
            "province": "Thành phố Hồ Chí Minh", "province_code": "79", "valid_from": "2025-07-01",
            "valid_to": ""}  # fmt: skip
    assert client.post(url, data).status_code == 302
    unit.refresh_from_db()
    assert unit.corrected and unit.search_text.startswith(" phuong bay hien sua ten ")
    assert loading.load(small_file(tmp_path)).kept_corrected == 1
