"""The export log names every ward whose data a file holds, so who/when/what is complete for multi-ward users."""

import pytest
from django.urls import reverse

from congphuong.learning import access
from congphuong.learning.models import ExportLog
from congphuong.learning.roles import SITE_ADMIN
from congphuong.wards.tests.factories import make_ward

from .factories import HouseholdFactory, make_user, officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def wards(ward):
    other = make_ward(hostname="ben-kia.test", name="Phường Bên Kia")
    HouseholdFactory(site=ward, head_name="Chủ Hộ Bên Này")
    HouseholdFactory(site=other, head_name="Chủ Hộ Bên Kia")
    return ward, other


def ward_ids(entry):
    return set(entry.sites.values_list("pk", flat=True))


def test_unfiltered_export_of_a_two_ward_user_names_both_wards(client, wards):
    ward, other = wards
    client.force_login(officer("canbo_hai_phuong", sites=[ward, other]))
    assert client.get(reverse("learning_household:index") + "?export=xlsx").status_code == 200
    entry = ExportLog.objects.get()
    assert entry.rows == 2 and ward_ids(entry) == {ward.pk, other.pk}
    assert entry.ward_names() == "Phường Bên Kia, Phường Thử Nghiệm"

    # Filtered on one ward, the file holds that ward's rows only.
    client.get(reverse("learning_household:index") + f"?export=csv&site={other.pk}")
    assert ward_ids(ExportLog.objects.latest("pk")) == {other.pk}

    # A report is one ward's.
    client.get(reverse("learning_report", args=["tong-ket-nam", "xlsx"]) + f"?phuong={other.pk}&nam=2025")
    assert ward_ids(ExportLog.objects.latest("pk")) == {other.pk}


def test_one_ward_user_and_superuser_exports_name_the_wards_in_the_file(client, wards, django_user_model):
    ward, other = wards
    client.force_login(officer("canbo_a", sites=[ward]))
    client.get(reverse("learning_household:index") + "?export=xlsx")
    assert ward_ids(ExportLog.objects.latest("pk")) == {ward.pk}

    root = django_user_model.objects.create_superuser("sieuquantri", "sq@example.vn", "Mat-khau-2025!")
    client.force_login(root)
    client.get(reverse("learning_household:index") + "?export=xlsx")
    assert ward_ids(ExportLog.objects.latest("pk")) == {ward.pk, other.pk}
    # Households of one ward only in the file: only that ward, though the superuser sees every ward.
    client.get(reverse("learning_household:index") + f"?export=xlsx&site={ward.pk}")
    assert ward_ids(ExportLog.objects.latest("pk")) == {ward.pk}


def test_each_wards_site_admin_sees_the_multi_ward_entry_once(client, wards):
    ward, other = wards
    client.force_login(officer("canbo_hai_phuong", sites=[ward, other]))
    client.get(reverse("learning_household:index") + "?export=xlsx")
    client.get(reverse("learning_household:index") + f"?export=xlsx&site={ward.pk}")
    both, only_a = ExportLog.objects.order_by("pk")

    third = make_ward(hostname="thu-ba.test", name="Phường Thứ Ba")
    admin_b = make_user("quantri_b", SITE_ADMIN, sites=[other])
    admin_ab = make_user("quantri_ab", SITE_ADMIN, sites=[ward, other])
    admin_c = make_user("quantri_c", SITE_ADMIN, sites=[third])
    assert list(access.scope(ExportLog.objects.all(), admin_b)) == [both]
    assert sorted(entry.pk for entry in access.scope(ExportLog.objects.all(), admin_ab)) == [both.pk, only_a.pk]
    assert not access.scope(ExportLog.objects.all(), admin_c).exists()

    client.force_login(admin_b)
    response = client.get(reverse("learning_exportlog:index"))
    assert response.status_code == 200
    assert [entry.pk for entry in response.context["object_list"]] == [both.pk]
    assert "Phường Bên Kia, Phường Thử Nghiệm" in response.content.decode()
    assert client.get(reverse("learning_exportlog:inspect", args=[both.pk])).status_code == 200
    assert client.get(reverse("learning_exportlog:inspect", args=[only_a.pk])).status_code == 404
    # Filtering the log on a ward lists the entries holding its data.
    response = client.get(reverse("learning_exportlog:index") + f"?sites={other.pk}")
    assert [entry.pk for entry in response.context["object_list"]] == [both.pk]

    # The site admin's own export of the log is logged with the wards of the entries it lists.
    client.get(reverse("learning_exportlog:index") + "?export=xlsx")
    audit = ExportLog.objects.latest("pk")
    assert audit.username == "quantri_b" and ward_ids(audit) == {ward.pk, other.pk}

    client.force_login(admin_c)
    response = client.get(reverse("learning_exportlog:index"))
    assert list(response.context["object_list"]) == []
    assert client.get(reverse("learning_exportlog:inspect", args=[both.pk])).status_code == 404
