"""Giới thiệu: leaders reused on several pages, profiles, facts, khu phố, contacts."""

import unicodedata

import pytest
from wagtail.models import Page

from congphuong.organisation.models import Leader
from congphuong.wards.tests.factories import make_ward

from .factories import AboutIndexPageFactory, AboutPageFactory, LeaderFactory, OrganisationPageFactory, QuarterFactory

pytestmark = pytest.mark.django_db


def leaders_block(*leaders, heading="Lãnh đạo phường", show_duties=True):
    return {
        "type": "leaders",
        "value": {"heading": heading, "leaders": [leader.pk for leader in leaders], "show_duties": show_duties},
    }


@pytest.fixture
def about(home):
    return AboutIndexPageFactory(parent=home)


def test_one_leader_snippet_shows_on_two_pages_and_an_edit_reaches_both(client, ward, about, committed):
    leader = LeaderFactory(site=ward, full_name="Lê Thị Minh Thư", position="Chủ tịch Ủy ban nhân dân phường")
    organisation = OrganisationPageFactory(parent=about, body=[leaders_block(leader)])
    history = AboutPageFactory(parent=about, title="Lịch sử", slug="lich-su", body=[leaders_block(leader)])

    for page in (organisation, history):
        html = client.get(page.url).content.decode()
        assert "Lê Thị Minh Thư" in html
        assert "Chủ tịch Ủy ban nhân dân phường" in html
        assert f"{organisation.url}lanh-dao/{leader.slug}/" in html  # the name links to the profile

    leader.position = "Bí thư Đảng ủy phường"
    committed(leader.save)  # the edit purges both cached pages when it commits
    for page in (organisation, history):
        html = client.get(page.url).content.decode()
        assert "Bí thư Đảng ủy phường" in html
        assert "Chủ tịch Ủy ban nhân dân phường" not in html


def test_leader_profile_route(client, ward, about):
    leader = LeaderFactory(
        site=ward,
        full_name="Đặng Quốc Bảo",
        duties="<p>Phụ trách đất đai, xây dựng.</p>",
        biography="<p>Cử nhân Luật.</p>",
        phone="028 3800 1234",
        email="bao@example.vn",
    )
    organisation = OrganisationPageFactory(parent=about)
    assert leader.slug == "dang-quoc-bao"

    response = client.get(f"{organisation.url}lanh-dao/dang-quoc-bao/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Đặng Quốc Bảo" in html
    assert "Phụ trách đất đai, xây dựng." in html
    assert "Cử nhân Luật." in html
    assert 'href="tel:02838001234"' in html

    listing = client.get(f"{organisation.url}lanh-dao/").content.decode()
    assert f"{organisation.url}lanh-dao/dang-quoc-bao/" in listing

    assert client.get(f"{organisation.url}lanh-dao/khong-co-ai/").status_code == 404


def test_draft_leader_is_neither_listed_nor_reachable(client, ward, about):
    shown = LeaderFactory(site=ward, full_name="Người Đã Duyệt")
    draft = LeaderFactory(site=ward, full_name="Người Chưa Duyệt", live=False)
    organisation = OrganisationPageFactory(parent=about, body=[leaders_block(shown, draft)])

    html = client.get(organisation.url).content.decode()
    assert "Người Đã Duyệt" in html
    assert "Người Chưa Duyệt" not in html
    assert client.get(f"{organisation.url}lanh-dao/{draft.slug}/").status_code == 404


def test_leader_of_another_ward_never_shows(client, ward, about):
    other_ward = make_ward(hostname="khac.test", name="Phường Khác")
    stranger = LeaderFactory(site=other_ward, full_name="Người Phường Khác")
    own = LeaderFactory(site=ward, full_name="Người Phường Mình")
    organisation = OrganisationPageFactory(parent=about, body=[leaders_block(own, stranger)])

    html = client.get(organisation.url).content.decode()
    assert "Người Phường Mình" in html
    assert "Người Phường Khác" not in html
    assert client.get(f"{organisation.url}lanh-dao/{stranger.slug}/").status_code == 404
    assert "Người Phường Khác" not in client.get(f"{organisation.url}lanh-dao/").content.decode()


def test_slugs_are_unique_per_ward_and_text_is_nfc(ward):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hoa")
    first = LeaderFactory(site=ward, full_name=decomposed)
    second = LeaderFactory(site=ward, full_name="Nguyễn Thị Hoa")
    other = LeaderFactory(site=make_ward(hostname="b.test", name="Phường B"), full_name="Nguyễn Thị Hoa")
    first.refresh_from_db()
    assert first.full_name == unicodedata.normalize("NFC", "Nguyễn Thị Hoa")
    assert (first.slug, second.slug, other.slug) == ("nguyen-thi-hoa", "nguyen-thi-hoa-2", "nguyen-thi-hoa")


def test_facts_units_map_and_contacts_render_accessibly(client, ward, about):
    page = AboutPageFactory(
        parent=about,
        title="Điều kiện tự nhiên – xã hội",
        body=[
            {
                "type": "facts",
                "value": {
                    "heading": "Số liệu chính",
                    "facts": [{"label": "Diện tích tự nhiên", "value": "2,15 km²", "note": ""}],
                    "source": "Số liệu đến 31/12/2025",
                },
            },
            {
                "type": "departments",
                "value": {
                    "heading": "Các phòng, ban",
                    "intro": "",
                    "units": [
                        {
                            "name": "Phòng Kinh tế",
                            "head_name": "Bùi Văn Kế",
                            "head_title": "Trưởng phòng",
                            "phone": "028 3800 4000",
                            "email": "",
                            "duties": "<p>Tài chính, đất đai.</p>",
                        }
                    ],
                },
            },
            {
                "type": "map",
                "value": {"image": None, "alt_text": "", "caption": "Sơ đồ", "map_url": "https://example.org/ban-do"},
            },
            {"type": "contacts", "value": {"heading": "Liên hệ", "show_ward_details": True, "contacts": []}},
        ],
    )
    html = client.get(page.url).content.decode()
    assert '<th scope="row">Diện tích tự nhiên</th>' in html
    assert "2,15 km²" in html
    assert "Phòng Kinh tế" in html and "Bùi Văn Kế" in html and "Trưởng phòng" in html
    assert 'href="https://example.org/ban-do"' in html
    assert "Số 1 đường Thử Nghiệm" in html  # the ward's address from WardSettings
    assert html.count("<h1") == 1


def test_quarter_block_lists_only_this_wards_published_quarters(client, ward, about):
    QuarterFactory(site=ward, name="Khu phố 1", head_name="Phan Văn Một")
    QuarterFactory(site=ward, name="Khu phố 9", head_name="Chưa Duyệt", live=False)
    QuarterFactory(site=make_ward(hostname="c.test", name="Phường C"), name="Khu phố 5", head_name="Ở Phường C")
    page = AboutPageFactory(parent=about, body=[{"type": "quarters", "value": {"heading": "Các khu phố", "intro": ""}}])

    html = client.get(page.url).content.decode()
    assert "Phan Văn Một" in html
    assert "Chưa Duyệt" not in html
    assert "Ở Phường C" not in html
    assert '<th scope="col">Trưởng khu phố/ấp</th>' in html


def test_index_lists_sub_pages_with_their_summaries(client, about):
    AboutPageFactory(parent=about, title="Lịch sử hình thành", summary="Các mốc chính của phường.")
    OrganisationPageFactory(parent=about, summary="Bộ máy của phường.")
    html = client.get(about.url).content.decode()
    assert "Lịch sử hình thành" in html and "Các mốc chính của phường." in html
    assert "Cơ cấu tổ chức" in html and "Bộ máy của phường." in html


def test_sitemap_lists_leader_profiles(client, ward, about):
    leader = LeaderFactory(site=ward, full_name="Hồ Văn Sơ Đồ")
    organisation = OrganisationPageFactory(parent=about)
    xml = client.get("/sitemap-trang.xml").content.decode()
    assert f"{organisation.url}lanh-dao/{leader.slug}/" in xml


def test_leader_edited_in_admin_waits_for_approval(client, ward, about):
    """The snippet is in the workflow: a saved draft does not change the public page."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from wagtail.test.utils.form_data import rich_text

    admin = get_user_model().objects.create_superuser("sieu", "sieu@example.vn", "Mat-khau-thu-2025")
    leader = LeaderFactory(site=ward, full_name="Trịnh Công Khai", position="Phó Chủ tịch")
    leader.save_revision().publish()
    organisation = OrganisationPageFactory(parent=about, body=[leaders_block(leader)])
    client.force_login(admin)
    url = reverse("wagtailsnippets_organisation_leader:edit", args=(leader.pk,))
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(
        url,
        {
            "site": ward.pk,
            "full_name": "Trịnh Công Khai",
            "position": "Chủ tịch Ủy ban nhân dân phường",
            "sort_order": 10,
            "duties": rich_text("<p>Điều hành chung.</p>"),
            "biography": rich_text(""),
            "phone": "",
            "email": "",
            "slug": leader.slug,
        },
    )
    assert response.status_code == 302
    assert Leader.objects.get(pk=leader.pk).position == "Phó Chủ tịch"  # the draft waits
    assert Leader.objects.get(pk=leader.pk).has_unpublished_changes
    client.logout()
    assert "Phó Chủ tịch" in client.get(Page.objects.get(pk=organisation.pk).url).content.decode()
