"""Drafts for public comment: the window, the form, spam rules, moderation, no contact leaks."""

import datetime
import time
import unicodedata

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import timezone

from congphuong.documents import antispam
from congphuong.documents.models import DraftComment

from .factories import DraftCommentFactory, DraftDocumentPageFactory

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def _token(draft, age=60):
    return antispam.issue_token(f"draft-comment.{draft.pk}", issued_at=time.time() - age)


def _post(client, draft, ip="203.0.113.5", age=60, **fields):
    data = {
        "name": "Lê Văn Góp",
        "email": "gop.y@example.vn",
        "phone": "",
        "body": "Đề nghị bổ sung quy định về giờ tiếp dân buổi tối.",
        "website": "",
        "started": _token(draft, age),
    }
    data.update(fields)
    return client.post(draft.url, data, REMOTE_ADDR=ip)


@pytest.fixture
def open_draft(draft_index):
    now = timezone.now()
    return DraftDocumentPageFactory(
        parent=draft_index,
        title="Dự thảo quy chế tiếp công dân",
        comment_opens_at=now - 24 * HOUR,
        comment_closes_at=now + 72 * HOUR,
    )


# --- the window ----------------------------------------------------------------------------


def test_before_the_window_the_form_is_not_offered(client, draft_index):
    opens = timezone.now() + 48 * HOUR
    draft = DraftDocumentPageFactory(parent=draft_index, comment_opens_at=opens, comment_closes_at=opens + 240 * HOUR)
    html = client.get(draft.url).content.decode()
    assert "Dự thảo chưa đến thời gian lấy ý kiến" in html
    assert 'class="comment-form"' not in html
    response = _post(client, draft)
    assert response.status_code == 200
    assert not DraftComment.objects.exists()


def test_during_the_window_a_comment_is_stored_unpublished(client, open_draft):
    html = client.get(open_draft.url).content.decode()
    assert 'class="comment-form"' in html
    assert "Đang lấy ý kiến" in html
    response = _post(client, open_draft)
    assert response.status_code == 303
    assert response["Location"].endswith("?da_gui=1#gop-y")
    comment = DraftComment.objects.get()
    assert comment.status == DraftComment.Status.PENDING
    assert comment.draft_id == open_draft.pk
    assert comment.email == "gop.y@example.vn"
    thanks = client.get(open_draft.url + "?da_gui=1").content.decode()
    assert "Cảm ơn bạn đã góp ý." in thanks
    # Not public before moderation.
    assert "Đề nghị bổ sung quy định về giờ tiếp dân buổi tối." not in thanks
    assert "Chưa có ý kiến nào được công khai." in thanks


def test_after_the_window_the_form_is_closed(client, draft_index):
    closes = timezone.now() - HOUR
    draft = DraftDocumentPageFactory(parent=draft_index, comment_opens_at=closes - 240 * HOUR, comment_closes_at=closes)
    html = client.get(draft.url).content.decode()
    assert "Đã hết thời gian lấy ý kiến" in html
    assert 'class="comment-form"' not in html
    response = _post(client, draft)
    assert response.status_code == 200
    assert "Đã hết thời gian lấy ý kiến" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_window_is_shown_in_vietnam_time(client, draft_index):
    utc = datetime.UTC
    draft = DraftDocumentPageFactory(
        parent=draft_index,
        comment_opens_at=datetime.datetime(2025, 5, 18, 1, 0, tzinfo=utc),  # 08:00 in Hà Nội
        comment_closes_at=datetime.datetime(2099, 5, 31, 10, 0, tzinfo=utc),  # 17:00
    )
    html = client.get(draft.url).content.decode()
    assert "Chủ Nhật, 18/05/2025 08:00" in html
    assert "31/05/2099 17:00" in html


def test_closing_must_follow_opening(draft_index):
    from django.core.exceptions import ValidationError

    now = timezone.now()
    draft = DraftDocumentPageFactory.build(comment_opens_at=now, comment_closes_at=now)
    with pytest.raises(ValidationError) as excinfo:
        draft.clean()
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu lấy ý kiến." in str(excinfo.value)


def test_thanks_redirect_stays_on_the_wards_own_host(client, open_draft):
    from congphuong.wards.tests.factories import make_ward

    from .factories import DraftIndexPageFactory

    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    draft = DraftDocumentPageFactory(parent=DraftIndexPageFactory(parent=other.root_page))
    data = {"name": "An", "email": "an@example.vn", "body": "Góp ý cho phường Khác.", "started": _token(draft)}
    response = client.post("/du-thao-lay-y-kien/" + draft.slug + "/", data, HTTP_HOST="phuong-khac.test")
    assert response.status_code == 303
    assert response["Location"] == f"/du-thao-lay-y-kien/{draft.slug}/?da_gui=1#gop-y"
    assert DraftComment.objects.get().draft_id == draft.pk


# --- validation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "Vui lòng nhập họ và tên."),
        ({"body": ""}, "Vui lòng nhập nội dung góp ý."),
        ({"body": "Ngắn"}, "Nội dung góp ý quá ngắn (ít nhất 10 ký tự)."),
        ({"body": "x" * 5001}, "Nội dung góp ý dài tối đa 5000 ký tự"),
        ({"email": "khong-phai-email"}, "Địa chỉ email không đúng dạng"),
        ({"email": "", "phone": "12345"}, "Số điện thoại không đúng dạng"),
        ({"email": "", "phone": ""}, "Vui lòng để lại email hoặc số điện thoại"),
    ],
)
def test_validation_messages_are_vietnamese_and_keep_the_input(client, open_draft, fields, message):
    response = _post(client, open_draft, **fields)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Góp ý chưa gửi được." in html
    assert not DraftComment.objects.exists()
    soup = BeautifulSoup(html, "html.parser")
    invalid = soup.select('[aria-invalid="true"]')
    assert invalid and all(soup.find(id=el["aria-describedby"]) for el in invalid)
    if fields.get("name", None) != "":
        assert soup.find(id="id_name")["value"] == "Lê Văn Góp"


def test_phone_alone_is_enough_and_is_normalised(client, open_draft):
    assert _post(client, open_draft, email="", phone="0912 345.678").status_code == 303
    assert DraftComment.objects.get().phone == "0912345678"


def test_input_is_stored_in_nfc(client, open_draft):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hồng")
    _post(client, open_draft, name=decomposed, body=unicodedata.normalize("NFD", "Góp ý về điều khoản thứ nhất."))
    comment = DraftComment.objects.get()
    assert comment.name == "Nguyễn Thị Hồng"
    assert comment.body == unicodedata.normalize("NFC", comment.body)


# --- spam rules ----------------------------------------------------------------------------


def test_honeypot_looks_successful_but_stores_nothing(client, open_draft):
    response = _post(client, open_draft, website="http://spam.example")
    assert response.status_code == 303
    assert not DraftComment.objects.exists()


def test_too_fast_is_refused(client, open_draft):
    response = _post(client, open_draft, age=1)
    assert response.status_code == 200
    assert "Bạn gửi quá nhanh." in response.content.decode()
    assert not DraftComment.objects.exists()


@pytest.mark.parametrize("token", ["", "gia-mao", "123:abc"])
def test_missing_or_forged_token_is_refused(client, open_draft, token):
    response = _post(client, open_draft, started=token)
    assert "Biểu mẫu không hợp lệ hoặc đã cũ." in response.content.decode()
    assert not DraftComment.objects.exists()


def test_token_of_another_draft_is_refused(client, draft_index, open_draft):
    other = DraftDocumentPageFactory(parent=draft_index)
    response = _post(client, open_draft, started=_token(other))
    assert "Biểu mẫu không hợp lệ hoặc đã cũ." in response.content.decode()
    assert not DraftComment.objects.exists()


def test_stale_form_is_refused(client, open_draft):
    response = _post(client, open_draft, age=2 * 24 * 3600)
    assert "Biểu mẫu đã mở quá lâu." in response.content.decode()


@override_settings(CONGPHUONG_FORM_RATE_LIMIT=(3, 3600))
def test_rate_limit_per_ip(client, open_draft):
    for n in range(3):
        assert _post(client, open_draft, body=f"Góp ý thứ {n} về dự thảo này.").status_code == 303
    refused = _post(client, open_draft, body="Góp ý thứ tư về dự thảo này.")
    assert refused.status_code == 429
    assert "Bạn đã gửi nhiều góp ý trong thời gian ngắn." in refused.content.decode()
    assert DraftComment.objects.count() == 3
    # Another address is not affected.
    assert _post(client, open_draft, ip="198.51.100.7").status_code == 303
    assert DraftComment.objects.count() == 4


def test_rendered_form_token_is_accepted_after_the_minimum_time(client, open_draft, settings):
    settings.CONGPHUONG_FORM_MIN_SECONDS = 0
    soup = BeautifulSoup(client.get(open_draft.url).content, "html.parser")
    token = soup.find("input", {"name": "started"})["value"]
    assert _post(client, open_draft, started=token).status_code == 303
    # The honeypot is hidden from people and assistive technology.
    trap = soup.find("input", {"name": "website"})
    assert trap["tabindex"] == "-1"
    assert trap.find_parent(attrs={"aria-hidden": "true"})


# --- moderation and what the public sees --------------------------------------------------


def test_only_approved_comments_are_public_and_counted(client, open_draft):
    DraftCommentFactory(draft=open_draft, body="Góp ý chờ duyệt, chưa công khai.")
    DraftCommentFactory(draft=open_draft, body="Góp ý đã bị ẩn.", status=DraftComment.Status.HIDDEN)
    approved = DraftCommentFactory(
        draft=open_draft,
        name="Phạm Thị Đào",
        body="Góp ý đã duyệt, được công khai.",
        status=DraftComment.Status.APPROVED,
    )
    html = client.get(open_draft.url).content.decode()
    assert "Góp ý đã duyệt, được công khai." in html
    assert "Phạm Thị Đào" in html
    assert "Góp ý chờ duyệt, chưa công khai." not in html
    assert "Góp ý đã bị ẩn." not in html
    assert "Ý kiến đã công khai (1)" in html
    approved.moderate(DraftComment.Status.HIDDEN)
    html = client.get(open_draft.url).content.decode()
    assert "Ý kiến đã công khai (0)" in html
    assert "Góp ý đã duyệt, được công khai." not in html


def test_contact_details_never_appear_publicly(client, home, draft_index, open_draft):
    DraftCommentFactory(
        draft=open_draft,
        name="Võ Minh Công",
        email="vo.minh.cong.rieng@example.vn",
        phone="0987654321",
        body="Góp ý công khai của người dân.",
        status=DraftComment.Status.APPROVED,
    )
    urls = [
        open_draft.url,
        open_draft.url + "?da_gui=1",
        draft_index.url,
        "/",
        "/rss/",
        "/sitemap-trang.xml",
        "/tim-kiem/?q=Võ+Minh+Công",
        "/tim-kiem/?q=góp+ý+công+khai",
    ]
    seen_comment = False
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        body = response.content.decode()
        seen_comment |= "Góp ý công khai của người dân." in body
        for secret in ("vo.minh.cong.rieng", "0987654321", "0987 654 321"):
            assert secret not in body, f"{secret} leaked on {url}"
    assert seen_comment


# --- the list of drafts --------------------------------------------------------------------


def test_draft_index_lists_open_first_with_counts_and_filters(client, draft_index, open_draft):
    now = timezone.now()
    closed = DraftDocumentPageFactory(
        parent=draft_index, title="Dự thảo đã đóng", comment_opens_at=now - 500 * HOUR, comment_closes_at=now - HOUR
    )
    upcoming = DraftDocumentPageFactory(
        parent=draft_index, title="Dự thảo sắp mở", comment_opens_at=now + 24 * HOUR, comment_closes_at=now + 99 * HOUR
    )
    DraftCommentFactory.create_batch(2, draft=closed, status=DraftComment.Status.APPROVED)
    DraftCommentFactory(draft=closed)  # pending: not counted
    soup = BeautifulSoup(client.get(draft_index.url).content, "html.parser")
    items = soup.select(".doc-item")
    assert [item.select_one(".doc-title").get_text(strip=True) for item in items] == [
        open_draft.title,
        upcoming.title,
        closed.title,
    ]
    closed_item = items[2].get_text(" ", strip=True)
    assert "Đã kết thúc" in closed_item and "Góp ý đã công khai: 2" in closed_item

    def titles(query):
        page = BeautifulSoup(client.get(draft_index.url + query).content, "html.parser")
        return [h.get_text(strip=True) for h in page.select(".doc-title")]

    assert titles("?tinh_trang=dang-lay-y-kien") == [open_draft.title]
    assert titles("?tinh_trang=da-ket-thuc") == [closed.title]
    assert titles("?tinh_trang=sap-lay-y-kien") == [upcoming.title]
    response = client.get(draft_index.url + "?tinh_trang=lung-tung")
    assert response.status_code == 200
    assert "Tình trạng lấy ý kiến không hợp lệ nên đã được bỏ qua" in response.content.decode()
    assert len(BeautifulSoup(response.content, "html.parser").select(".doc-item")) == 3
