"""Drafts for comment translated to English (/en/, docs/english-section.md): the list, the draft, its
comment form with every error message, the thanks; the same pages in Vietnamese unchanged."""

import datetime
import re

import pytest
from django.utils import timezone

from congphuong.core.localisation import translate_page
from congphuong.documents.models import DraftComment

from .factories import DraftDocumentPageFactory
from .test_drafts import _post

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)


@pytest.fixture
def drafts(home, draft_index):
    """An open draft and one not open yet, each with its English translation."""
    now = timezone.now()
    open_draft = DraftDocumentPageFactory(
        parent=draft_index, slug="quy-che", comment_opens_at=now - 24 * HOUR, comment_closes_at=now + 72 * HOUR
    )
    later = DraftDocumentPageFactory(
        parent=draft_index, slug="ke-hoach", comment_opens_at=now + 48 * HOUR, comment_closes_at=now + 96 * HOUR
    )
    translate_page(home, title="Test Ward", slug=f"{home.slug}-en")
    translate_page(draft_index, title="Drafts for comment", slug="drafts", intro="Comment on the ward's drafts.")
    english_open = translate_page(open_draft, title="Draft rules", slug="rules", summary="Rules for the hall.")
    english_later = translate_page(later, title="Draft plan", slug="plan", summary="A plan for the lanes.")
    return open_draft, english_open, later, english_later


def _main_words(html):
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return sorted({word for word in re.findall(r"\w+", re.sub(r"<[^>]+>", " ", main)) if VIETNAMESE.search(word)})


def test_the_list_and_a_draft_in_english(client, draft_index, drafts):
    open_draft, english_open, later, english_later = drafts
    listing = client.get("/en/drafts/").content.decode()
    assert '<html lang="en">' in listing and "Consultation status" in listing and "All drafts" in listing
    assert "Open for comment" in listing and "Opening soon" in listing and "Comments published:" in listing
    assert _main_words(listing) == []
    noted = client.get("/en/drafts/?tinh_trang=xyz").content.decode()
    assert "The consultation status is not valid and was ignored; showing all drafts." in noted
    assert _main_words(noted) == []

    page = client.get(english_open.url).content.decode()
    assert "<caption>About the draft</caption>" in page and ">Comments close</th>" in page
    assert "Send comment" in page and "(required)" in page and "Your comment" in page
    assert "Published comments (0)" in page and "All drafts for comment" in page
    assert _main_words(page) == []
    upcoming = client.get(english_later.url).content.decode()
    assert "This draft is not open for comment yet. You can comment from " in upcoming
    assert _main_words(upcoming) == []

    # The Vietnamese pages are as before.
    vi_list = client.get(draft_index.url).content.decode()
    assert "Tình trạng lấy ý kiến" in vi_list and "Sắp lấy ý kiến" in vi_list and "Consultation" not in vi_list
    vi_page = client.get(open_draft.url).content.decode()
    assert "<caption>Thông tin dự thảo</caption>" in vi_page and "Gửi góp ý" in vi_page


def test_the_comment_form_answers_in_english(client, drafts):
    _open, english_open, _later, _english_later = drafts
    response = _post(client, english_open, name="", email="", phone="12", body="short")
    html = response.content.decode()
    assert response.status_code == 200 and "Your comment was not sent." in html
    for message in (
        "Please enter your full name.",  # the msgid the Q&A form shares
        "The phone number is not valid (for example: 0912 345 678).",
        "Your comment is too short (at least 10 characters).",
    ):
        assert message in html, message
    assert _main_words(html) == []
    too_fast = _post(client, english_open, age=0).content.decode()
    assert "That was sent too quickly." in too_fast
    no_contact = _post(client, english_open, email="", phone="").content.decode()
    assert "Please give an e-mail address or a phone number" in no_contact
    assert not DraftComment.objects.exists()
    sent = _post(client, english_open)
    assert sent.status_code == 303 and sent["Location"].startswith("/en/drafts/rules/")
    thanks = client.get(sent["Location"]).content.decode()
    assert "Thank you for your comment." in thanks and _main_words(thanks) == []


def test_the_vietnamese_comment_form_keeps_its_messages(client, drafts):
    open_draft, _en, _later, _english_later = drafts
    html = _post(client, open_draft, name="", phone="12").content.decode()
    assert "Góp ý chưa gửi được." in html and "Vui lòng nhập họ và tên." in html
    assert "Số điện thoại không đúng dạng (ví dụ: 0912 345 678)." in html
