"""Personal data only for "Cán bộ khuyến học" and leaders; every export logged."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from congphuong.learning.choices import LearningModel
from congphuong.learning.models import ExportLog, Registration
from congphuong.learning.roles import LEARNING_OFFICER, SITE_ADMIN, ensure_learning_roles

from .factories import HouseholdFactory, editor, leader, make_criteria_set, make_user, officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def household(ward):
    return HouseholdFactory(site=ward, head_name="Võ Thị Riêng Tư")


def personal_urls(household):
    registration = Registration.objects.create(
        site=household.site,
        year=2025,
        learning_model=LearningModel.FAMILY,
        household=household,
        criteria_set=make_criteria_set(valid_from=datetime.date(2020, 1, 1)),
    )
    return [
        reverse("learning_household:index"),
        reverse("learning_household:index") + "?export=xlsx",
        reverse("learning_household:index") + "?export=csv",
        reverse("learning_household:edit", args=[household.pk]),
        reverse("learning_household:add"),
        reverse("learning_citizen:index"),
        reverse("learning_registration:index") + "?export=xlsx",
        reverse("learning_registration", args=[registration.pk]),
        reverse("learning_award:index") + "?export=xlsx",
        reverse("learning_receipt:index") + "?export=xlsx",
        reverse("learning_dashboard"),
        reverse("learning_report", args=["tong-ket-nam", "xlsx"]),
        reverse("learning_cash_book") + "?export=xlsx",
    ]


def test_editor_without_the_group_gets_403_everywhere(client, household):
    client.force_login(editor())
    for url in personal_urls(household):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Võ Thị Riêng Tư" not in response.content.decode()
    assert not ExportLog.objects.exists()


def test_officer_sees_households_and_every_export_is_logged(client, household):
    user = officer()
    client.force_login(user)
    response = client.get(reverse("learning_household:index"))
    assert response.status_code == 200 and "Võ Thị Riêng Tư" in response.content.decode()

    response = client.get(reverse("learning_household:index") + "?export=xlsx&quarter=" + str(household.quarter_id))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    log = ExportLog.objects.get()
    assert (log.user, log.username, log.what, log.file_format, log.rows) == (user, "canbo", "Hộ gia đình", "xlsx", 1)
    assert log.personal_data and f"quarter={household.quarter_id}" in log.parameters

    assert list(log.sites.values_list("pk", flat=True)) == [household.site_id]
    client.get(reverse("learning_receipt:index") + f"?export=csv&site={household.site_id}")
    assert list(ExportLog.objects.get(what="Phiếu thu quỹ").sites.values_list("pk", flat=True)) == [household.site_id]
    # A made-up ward id is never recorded: the empty file covered the user's own wards.
    client.get(reverse("learning_donor:index") + "?export=csv&site=999999")
    assert list(ExportLog.objects.get(what="Nhà hảo tâm").sites.values_list("pk", flat=True)) == [household.site_id]
    ExportLog.objects.filter(what="Nhà hảo tâm").delete()
    client.get(reverse("learning_cash_book") + "?export=xlsx")
    client.get(reverse("learning_report", args=["tong-ket-nam", "xlsx"]) + "?nam=2025")
    assert list(ExportLog.objects.order_by("pk").values_list("what", "file_format")) == [
        ("Hộ gia đình", "xlsx"),
        ("Phiếu thu quỹ", "csv"),
        (ExportLog.objects.order_by("pk")[2].what, "xlsx"),
        ("Báo cáo tổng kết năm 2025", "xlsx"),
    ]
    assert ExportLog.objects.order_by("pk")[2].what.startswith("Sổ quỹ khuyến học")


def test_leader_can_view_but_not_edit_households(client, household):
    client.force_login(leader())
    assert client.get(reverse("learning_household:index")).status_code == 200
    assert client.get(reverse("learning_household:edit", args=[household.pk])).status_code == 403
    assert client.get(reverse("learning_dashboard")).status_code == 200


def test_export_log_is_visible_to_site_admins_and_read_only(client, household):
    ensure_learning_roles()
    admin = make_user("quantri", SITE_ADMIN)
    officer_user = officer()
    client.force_login(officer_user)
    client.get(reverse("learning_household:index") + "?export=xlsx")
    assert client.get(reverse("learning_exportlog:index")).status_code == 403  # officers do not audit themselves

    client.force_login(admin)
    response = client.get(reverse("learning_exportlog:index"))
    assert response.status_code == 200 and "canbo" in response.content.decode()
    entry = ExportLog.objects.get()
    assert client.get(reverse("learning_exportlog:edit", args=[entry.pk])).status_code == 403
    assert client.get(reverse("learning_exportlog:add")).status_code == 403
    assert client.post(reverse("learning_exportlog:delete", args=[entry.pk])).status_code == 403
    assert ExportLog.objects.count() == 1
    # Site administrators do not see personal data.
    assert client.get(reverse("learning_household:index")).status_code == 403


def test_roles_are_idempotent():
    first = ensure_learning_roles()
    count = first[LEARNING_OFFICER].permissions.count()
    again = ensure_learning_roles()
    assert again[LEARNING_OFFICER].pk == first[LEARNING_OFFICER].pk
    assert Group.objects.get(name=LEARNING_OFFICER).permissions.count() == count
    codenames = set(Group.objects.get(name=LEARNING_OFFICER).permissions.values_list("codename", flat=True))
    assert {"view_household", "change_registration", "review_registration", "access_admin"} <= codenames
    assert "recognise_registration" not in codenames
    assert "recognise_registration" in set(
        Group.objects.get(name="Lãnh đạo duyệt").permissions.values_list("codename", flat=True)
    )


def test_deleting_a_household_keeps_the_yearly_figures(client, ward, household):
    from congphuong.learning import stats
    from congphuong.learning.choices import Status

    criteria_set = make_criteria_set(valid_from=datetime.date(2020, 1, 1))
    other = HouseholdFactory(site=ward, quarter=household.quarter)
    for item in (household, other):
        Registration.objects.create(
            site=ward,
            year=2025,
            learning_model=LearningModel.FAMILY,
            household=item,
            criteria_set=criteria_set,
            status=Status.RECOGNISED,
        )
    before = {row.kind: (row.registered, row.recognised) for row in stats.progress(ward, 2025)}
    quarter_before = stats.by_quarter(ward, 2025)[0]
    assert before[LearningModel.FAMILY] == (2, 2)

    client.force_login(officer())
    response = client.post(reverse("learning_household:delete", args=[household.pk]))
    assert response.status_code == 302
    after = {row.kind: (row.registered, row.recognised) for row in stats.progress(ward, 2025)}
    assert after[LearningModel.FAMILY] == (2, 2)
    quarter_after = stats.by_quarter(ward, 2025)[0]
    assert (quarter_after.families_registered, quarter_after.families_recognised) == (
        quarter_before.families_registered,
        quarter_before.families_recognised,
    )
    orphan = Registration.objects.get(household__isnull=True)
    assert orphan.subject_name == "Hộ đã xóa khỏi sổ" and orphan.subject_removed
    assert "Võ Thị Riêng Tư" not in orphan.subject_name
