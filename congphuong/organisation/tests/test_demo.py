"""The demo content: complete, fictional, and idempotent."""

import pytest
from django.utils import timezone

from congphuong.organisation.demo import build_demo
from congphuong.organisation.models import (
    AboutPage,
    DisclosurePage,
    Leader,
    MandatoryCategory,
    OrganisationPage,
    Quarter,
    WeeklySchedulePage,
)
from congphuong.organisation.weeks import Week

pytestmark = pytest.mark.django_db


def test_build_demo_is_complete_and_idempotent(client, ward, home):
    build_demo(home, ward)
    counts = (
        Leader.objects.count(),
        Quarter.objects.count(),
        DisclosurePage.objects.count(),
        WeeklySchedulePage.objects.count(),
        MandatoryCategory.objects.count(),
        AboutPage.objects.count(),
    )
    build_demo(home, ward)
    assert counts == (
        Leader.objects.count(),
        Quarter.objects.count(),
        DisclosurePage.objects.count(),
        WeeklySchedulePage.objects.count(),
        MandatoryCategory.objects.count(),
        AboutPage.objects.count(),
    )

    positions = set(Leader.objects.filter(site=ward, live=True).values_list("position", flat=True))
    assert "Bí thư Đảng ủy phường" in positions
    assert any(p.startswith("Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân") for p in positions)
    assert any(p.startswith("Phó Chủ tịch Ủy ban nhân dân") for p in positions)
    assert all(leader.photo_id for leader in Leader.objects.filter(site=ward))
    assert 6 <= Quarter.objects.filter(site=ward, live=True).count() <= 10

    today = timezone.localdate()
    weeks = set(WeeklySchedulePage.objects.live().values_list("week_start", flat=True))
    assert {Week.containing(today).start, Week.containing(today).next().start} <= weeks
    postings = list(DisclosurePage.objects.live().select_related("category"))
    assert any(posting.is_protected(today) for posting in postings)  # one still within its 30 days
    assert any(not posting.is_protected(today) for posting in postings)
    assert all(posting.attachments.exists() for posting in postings)
    assert MandatoryCategory.objects.filter(site=ward, source="ward_documents", deadline_working_days=2).exists()

    # The Vietnamese page; its English translation is the English section's (docs/english-section.md).
    organisation = OrganisationPage.objects.get(locale__language_code="vi")
    assert OrganisationPage.objects.live().filter(locale__language_code="en").count() == 1
    for url in [
        "/gioi-thieu/",
        "/gioi-thieu/lich-su/",
        "/gioi-thieu/ban-do-dia-gioi/",
        "/gioi-thieu/dieu-kien-tu-nhien-xa-hoi/",
        "/gioi-thieu/khu-pho/",
        "/gioi-thieu/lien-he/",
        organisation.url,
        f"{organisation.url}lanh-dao/",
        "/lich-cong-tac/",
        "/lich-cong-tac/ban-in/",
        "/cong-khai/",
        postings[0].url,
    ]:
        assert client.get(url).status_code == 200, url
    menu = client.get("/").content.decode()
    for title in ("Giới thiệu", "Lịch công tác", "Công khai"):
        assert f">{title}</a>" in menu
    assert "Bản đồ địa giới" in client.get("/gioi-thieu/ban-do-dia-gioi/").content.decode()
