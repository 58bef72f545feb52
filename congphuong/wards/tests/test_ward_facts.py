"""One set of ward facts: khu phố, leaders, hours and contacts are kept once and every page reads them there."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from congphuong.feedback.tests.factories import FeedbackPageFactory
from congphuong.organisation.tests.factories import (
    AboutIndexPageFactory,
    LeaderFactory,
    OrganisationPageFactory,
    QuarterFactory,
)
from congphuong.procedures.tests.factories import (
    ProcedureChannelFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
)
from congphuong.wards.models import WardSettings
from congphuong.wards.tests.factories import make_ward

pytestmark = pytest.mark.django_db


def _footer(html):
    return BeautifulSoup(html, "html.parser").select_one(".footer-bottom").get_text(" ", strip=True)


def test_footer_names_the_leader_the_organisation_page_shows(client, ward, home, committed):
    chairman = LeaderFactory(site=ward, full_name="Võ Đức Trung", position="Chủ tịch Ủy ban nhân dân phường")
    organisation = OrganisationPageFactory(parent=AboutIndexPageFactory(parent=home))
    settings = WardSettings.objects.get(site=ward)
    settings.responsible_leader = chairman
    settings.responsible_person = "Ông Nguyễn Văn Khác, Chủ tịch"  # a stale typed copy loses to the record
    settings.save()

    assert "Chịu trách nhiệm nội dung: Võ Đức Trung – Chủ tịch Ủy ban nhân dân phường" in _footer(
        client.get(home.url).content.decode()
    )
    assert "Võ Đức Trung" in client.get(organisation.url).content.decode()

    # A new chairman is entered once, in Lãnh đạo: the footer follows.
    chairman.full_name = "Phan Thị Kim Oanh"
    committed(lambda: chairman.save_revision().publish())  # its commit purges the pages read above
    assert "Chịu trách nhiệm nội dung: Phan Thị Kim Oanh" in _footer(client.get(home.url).content.decode())
    # An unpublished leader is not named; the typed text stands in.
    committed(chairman.unpublish)
    assert "Chịu trách nhiệm nội dung: Ông Nguyễn Văn Khác, Chủ tịch" in _footer(client.get(home.url).content.decode())


def test_the_responsible_leader_is_one_of_the_wards_own(client, ward):
    own = LeaderFactory(site=ward, full_name="Người Của Phường")
    other = make_ward(hostname="khac.test", name="Phường Khác")
    stranger = LeaderFactory(site=other, full_name="Người Phường Khác")
    settings = WardSettings.objects.get(site=ward)
    settings.responsible_leader = stranger
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "thuộc phường khác" in str(error.value)
    # The admin offers a plain list of this ward's published leaders only.
    admin = get_user_model().objects.create_superuser("quantri-thu", "qt@example.vn", "Mat-khau-thu-2026")
    client.force_login(admin)
    html = client.get(reverse("wagtailsettings:edit", args=["wards", "wardsettings", ward.pk])).content.decode()
    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": "responsible_leader"})
    offered = {option.get_text(strip=True) for option in select.find_all("option") if option.get("value")}
    assert offered == {str(own)}


def test_question_form_offers_the_khu_pho_giới_thiệu_lists(client, ward, home):
    for number in range(1, 9):
        QuarterFactory(site=ward, name=f"Khu phố {number}", sort_order=number)
    QuarterFactory(site=ward, name="Khu phố 9", live=False)  # a draft is not offered
    QuarterFactory(site=make_ward(hostname="khac.test", name="Phường Khác"), name="Ấp Bình Lợi")
    page = FeedbackPageFactory(parent=home)
    html = client.get(page.url + page.reverse_subpage("ask")).content.decode()
    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": "neighbourhood"})
    offered = [option.get_text(strip=True) for option in select.find_all("option") if option.get("value")]
    assert offered == [f"Khu phố {number}" for number in range(1, 9)]


def test_procedure_page_shows_the_wards_working_hours_beside_in_person_submission(client, ward, home):
    settings = WardSettings.objects.get(site=ward)
    settings.working_hours = "Thứ Hai – Thứ Sáu: 7:30 – 11:30 và 13:00 – 17:00"
    settings.save()
    procedure = ProcedurePageFactory(parent=ProcedureIndexPageFactory(parent=home))
    ProcedureChannelFactory(page=procedure, kind="truc-tiep", details="Nộp tại Bộ phận một cửa của phường.")
    html = client.get(procedure.url).content.decode()
    channels = BeautifulSoup(html, "html.parser").select_one("#cach-thuc").find_parent("section").get_text(" ")
    assert "Thứ Hai – Thứ Sáu: 7:30 – 11:30 và 13:00 – 17:00" in re.sub(r"\s+", " ", channels)
    # The footer reads the same line from the same record.
    assert "13:00 – 17:00" in _footer(html) or "13:00 – 17:00" in html.split('class="site-footer"', 1)[1]
