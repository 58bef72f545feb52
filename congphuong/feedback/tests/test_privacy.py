"""No contact detail of an asker (name, phone, e-mail) in any public page, list, search result or feed."""

import pytest

from congphuong.feedback.privacy import redact
from congphuong.feedback.tests.factories import published_question

pytestmark = pytest.mark.django_db

NAME = "Hoàng Thị Thanh Mai"
PHONE = "0987654321"
EMAIL = "thanhmai.hoang@example.vn"
SECRETS = [NAME, PHONE, "0987 654 321", "0987.654.321", EMAIL, "thanhmai.hoang"]


@pytest.fixture
def leaky(feedback_page, topic, neighbourhood):
    """A published question whose asker also wrote their contact details into the text."""
    return published_question(
        feedback_page,
        topic=topic,
        neighbourhood=neighbourhood,
        full_name=NAME,
        phone=PHONE,
        email=EMAIL,
        content=(
            f"Tôi là {NAME}, điện thoại 0987 654 321 hoặc 0987.654.321, thư {EMAIL}. "
            "Xin hỏi phường có hỗ trợ sửa nhà cho hộ nghèo không?"
        ),
        answer=f"Chào {NAME}: phường có chương trình hỗ trợ; liên hệ cán bộ chính sách, đừng gửi lại {PHONE}.",
    )


def _assert_clean(html, where):
    for secret in SECRETS:
        assert secret not in html, f"{secret!r} leaked in {where}"


def test_no_contact_details_in_any_public_page(client, feedback_page, leaky):
    base = feedback_page.url
    urls = [
        base,
        base + "?q=sua+nha",
        base + f"?chu-de={leaky.topic_id}",
        base + f"cau-hoi/{leaky.pk}/",
        base + "rss/",
        base + "gui-cau-hoi/",
        base + f"tra-cuu/?ma={leaky.code}",
        "/",
        "/rss/",
        "/sitemap-trang.xml",
        "/tim-kiem/?q=sửa nhà hộ nghèo",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_clean(response.content.decode(), url)
    # The question itself is there, masked.
    detail = client.get(base + f"cau-hoi/{leaky.pk}/").content.decode()
    assert "hỗ trợ sửa nhà cho hộ nghèo" in detail
    assert "[đã ẩn]" in detail
    assert "Công dân khu phố 3" in detail


@pytest.mark.parametrize("secret", [NAME, PHONE, EMAIL])
def test_searching_for_a_contact_detail_shows_it_only_as_the_typed_query(client, feedback_page, leaky, secret):
    """Search pages echo the query; the secret must not appear more often than in that echo."""
    urls = [feedback_page.url, "/tim-kiem/"]
    with_data = {url: client.get(url, {"q": secret}).content.decode().count(secret) for url in urls}
    leaky.delete()
    without = {url: client.get(url, {"q": secret}).content.decode().count(secret) for url in urls}
    assert with_data == without


def test_searching_by_the_askers_name_finds_nothing(client, feedback_page, leaky):
    html = client.get(feedback_page.url, {"q": "Thanh Mai"}).content.decode()
    assert "Không có hỏi đáp nào khớp" in html


def test_lookup_result_shows_no_contact_details(client, feedback_page, leaky):
    response = client.post(feedback_page.url + "tra-cuu/", {"code": leaky.code, "verifier": "4321"})
    html = response.content.decode()
    assert leaky.code in html
    # The asker's own text is shown back to them, but not the stored contact fields.
    assert f'value="{EMAIL}"' not in html and f">{PHONE}<" not in html


def test_redact_masks_phones_emails_and_the_askers_name(leaky):
    text = redact("Gọi +84 987 654 321 hoặc 024.3825.1234, thư a.b@example.com – Hoàng Thị Thanh Mai", leaky)
    assert "987" not in text and "3825" not in text and "a.b@example.com" not in text and NAME not in text
    assert redact("Năm 2026 có 15 ngày làm việc, diện tích 36 m².") == "Năm 2026 có 15 ngày làm việc, diện tích 36 m²."
