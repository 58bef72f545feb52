"""News, documents, procedures and Q&A pages translated to English show English labels and dates; the
same pages in Vietnamese keep their Vietnamese labels (docs/english-section.md, "English templates").

The labels come from the English catalogue (congphuong/locale/public/en), the templates keep the
Vietnamese texts as msgids: each test reads both languages of one page."""

import datetime
import re

import pytest
from django.utils import timezone

from congphuong.core.localisation import translate_page
from congphuong.documents.tests.factories import DocumentIndexPageFactory, LegalDocumentPageFactory
from congphuong.feedback.tests.factories import FeedbackPageFactory
from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.procedures.tests.factories import (
    ProcedureChannelFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
)

pytestmark = pytest.mark.django_db

VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)


@pytest.fixture
def english_home(home):
    return translate_page(home, title="Test Ward", slug=f"{home.slug}-en", intro="Welcome.")


def _both(client, vi_path, en_path):
    vi, en = client.get(vi_path), client.get(en_path)
    assert vi.status_code == 200 and en.status_code == 200, (vi.status_code, en.status_code)
    vi_html, en_html = vi.content.decode(), en.content.decode()
    assert '<html lang="vi">' in vi_html and '<html lang="en">' in en_html
    return vi_html, en_html


def test_a_legal_document_in_english(client, home, english_home):
    index = DocumentIndexPageFactory(parent=home)
    document = LegalDocumentPageFactory(parent=index, issued_on=datetime.date(2026, 12, 6), number="7/QĐ-UBND")
    translate_page(index, title="Legal documents", slug="documents")
    translate_page(document, title="Decision on a test", slug="decision-7")
    vi, en = _both(client, document.url, "/en/documents/decision-7/")
    assert "<caption>Document details</caption>" in en
    for label in ("Number", "Issuing body", "Date of issue", "Effective from", "Legal status"):
        assert f">{label}</th>" in en, label
    assert "Sunday, 6 December 2026" in en and "In force" in en and "Attachments" not in en
    assert "This document has no attachment yet." in en
    assert "Cơ quan ban hành" not in en and "Ngày ban hành" not in en and "Còn hiệu lực" not in en
    assert ">Cơ quan ban hành</th>" in vi and "Chủ Nhật, 06/12/2026" in vi and "Còn hiệu lực" in vi
    assert "Issuing body" not in vi and "December" not in vi

    vi_list, en_list = _both(client, index.url, "/en/documents/")
    assert "Number:" in en_list and "Issued" in en_list and "6 December 2026" in en_list
    assert "Filter documents" in en_list and "1 documents." in en_list
    assert "Số/ký hiệu:" in vi_list and "06/12/2026" in vi_list and "Lọc văn bản" in vi_list


def test_a_news_article_in_english(client, category, english_home):
    article = ArticlePageFactory(
        parent=category, published_at=timezone.make_aware(datetime.datetime(2026, 12, 6, 9, 30)), slug="bai-1"
    )
    translate_page(category, title="News", slug="news")
    translate_page(article, title="A test article", slug="a-test-article", lead="A short lead.")
    vi, en = _both(client, article.url, "/en/news/a-test-article/")
    assert "Sunday, 6 December 2026 09:30" in en and "Print version" in en and ">Back</a>" in en
    assert "Bản in" not in en and "Quay lại" not in en
    assert "Chủ Nhật, 06/12/2026 09:30" in vi and "Bản in" in vi and "Print version" not in vi
    vi_print = client.get(article.url + "ban-in/").content.decode()
    en_print = client.get("/en/news/a-test-article/ban-in/").content.decode()
    assert '<html lang="en">' in en_print and "<title>Print version: A test article" in en_print
    assert "Back to the article" in en_print and "Source:" in en_print and "Printed from the web portal of" in en_print
    assert "Trở về bài viết" not in en_print and "Nguồn:" not in en_print and "cập nhật lúc" not in en_print
    assert '<html lang="vi">' in vi_print and "Trở về bài viết" in vi_print and "Nguồn:" in vi_print
    vi_list, en_list = _both(client, category.url, "/en/news/")
    assert "6 December 2026" in en_list and "Follow this category by RSS" in en_list
    assert "Nhận tin mới của danh mục qua RSS" in vi_list


def test_a_procedure_in_english(client, home, english_home):
    index = ProcedureIndexPageFactory(parent=home)
    procedure = ProcedurePageFactory(parent=index, slug="khai-sinh")
    ProcedureChannelFactory(page=procedure)
    translate_page(index, title="Administrative procedures", slug="procedures")
    translate_page(procedure, title="Birth registration", slug="birth-registration")
    vi, en = _both(client, procedure.url, "/en/procedures/birth-registration/")
    for label in ("Procedure code", "Field", "Level", "Processing time", "Fees and charges"):
        assert f">{label}</th>" in en, label
    assert "Commune/ward level" in en and "How to apply" in en and ">In person</th>" in en
    assert "Thời hạn giải quyết" not in en and "Cấp xã" not in en
    assert 'content="The documents, steps, processing time and fees of the procedure “Birth registration”.' in en
    assert ">Thời hạn giải quyết</th>" in vi and "Cấp xã" in vi and "Processing time" not in vi
    vi_list, en_list = _both(client, index.url, "/en/procedures/")
    assert "Find procedures" in en_list and "Level:" in en_list and "In person" in en_list
    assert "Tìm thủ tục" in vi_list and "Trực tiếp" in vi_list


def test_a_questions_page_in_english(client, home, english_home):
    page = FeedbackPageFactory(parent=home)
    translate_page(page, title="Questions and answers", slug="questions", intro="Ask us.")
    vi, en = _both(client, page.url, "/en/questions/")
    assert "Ask a question or send feedback" in en and "Answered questions" in en
    assert "working days of receipt" in en and "How satisfied are you with this portal?" in en
    assert "Tracking code" in en and ">Look up</button>" in en and "5 – Very satisfied" in en
    assert "No ratings yet." in en and "Ratings are anonymous" in en
    # Nothing Vietnamese left in the page's main part and side column (no data here is Vietnamese).
    body = re.search(r'<div class="wrap layout.*?</div>\s*<footer', en, re.S).group(0)
    text = re.sub(r"<[^>]+>", " ", body)
    assert not VIETNAMESE.search(text), sorted({w for w in re.findall(r"\w+", text) if VIETNAMESE.search(w)})
    assert "Hỏi đáp đã trả lời" in vi and "Mã tra cứu" in vi and "5 – Rất hài lòng" in vi
    assert "Answered questions" not in vi and "Tracking code" not in vi


def test_search_on_en_speaks_english(client, home, english_home):
    html = client.get("/en/search/?q=welcome&tu=not-a-date").content.decode()
    assert "A date was not valid and has been ignored." in html
    html = client.get("/en/search/?q=welcome&tu=2026-01-01").content.decode()
    assert "Filter by date" in html and ">From</label>" in html and "Clear all filters" in html
    html = client.get("/en/search/?q=zzzxqj").content.decode()
    assert "Lọc" not in html and "Tìm thấy" not in html
    vi = client.get("/tim-kiem/?q=xin&tu=not-a-date").content.decode()
    assert "Ngày không hợp lệ nên đã bỏ qua." in vi and "A date was not valid" not in vi
    vi = client.get("/tim-kiem/?q=xin&tu=2026-01-01").content.decode()
    assert "Lọc theo ngày" in vi and "Bỏ mọi điều kiện lọc" in vi and "Filter by date" not in vi


def test_the_preview_of_an_english_page_is_english(home, english_home, rf):
    """The admin previews an English page in English (the language of the page's locale), a
    Vietnamese page in Vietnamese, whatever the admin's own language; the admin stays Vietnamese."""
    from django.utils import translation

    index = ProcedureIndexPageFactory(parent=home)
    procedure = ProcedurePageFactory(parent=index, slug="khai-sinh")
    translate_page(index, title="Administrative procedures", slug="procedures")
    draft = translate_page(procedure, title="Birth registration", slug="birth-registration", publish=False)
    draft.processing_time = "Within the working day."
    admin_request = rf.get("/quan-tri/pages/1/edit/")
    with translation.override("vi"):
        english = draft.make_preview_request(admin_request).content.decode()
        assert translation.get_language() == "vi"  # the admin's language is back after the preview
        vietnamese = procedure.make_preview_request(admin_request).content.decode()
        assert translation.get_language() == "vi"
    assert '<html lang="en">' in english and ">Processing time</th>" in english and "Within the working day." in english
    assert "Trang chủ" not in english and ">Home</a>" in english
    assert '<html lang="vi">' in vietnamese and ">Thời hạn giải quyết</th>" in vietnamese


def test_the_sitemap_lists_english_pages_with_their_alternates(client, category, english_home):
    translate_page(category, title="News", slug="news")
    xml = client.get("/sitemap-trang.xml").content.decode()
    entries = {
        re.search(r"<loc>([^<]+)</loc>", entry).group(1): dict(
            re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry)
        )
        for entry in re.findall(r"<url>.*?</url>", xml, re.S)
    }
    pair = {"vi": "http://testserver/khuyen-hoc-khuyen-tai/", "en": "http://testserver/en/news/"}
    assert entries["http://testserver/en/news/"] == entries["http://testserver/khuyen-hoc-khuyen-tai/"] == pair
    assert entries["http://testserver/en/"] == {"vi": "http://testserver/", "en": "http://testserver/en/"}


def test_the_english_news_have_their_own_feed(client, category, article, english_home):
    english_category = translate_page(category, title="News", slug="news")
    english = ArticlePageFactory(parent=english_category, title="An English article", slug="an-english-article")
    english_rss = client.get("/en/rss/")
    assert english_rss.status_code == 200
    feed = english_rss.content.decode()
    assert "<language>en</language>" in feed and "An English article" in feed and article.title not in feed
    assert "http://testserver/en/news/an-english-article/" in feed
    vietnamese = client.get("/rss/").content.decode()
    assert "<language>vi</language>" in vietnamese and article.title in vietnamese
    assert english.title not in vietnamese
    home_en = client.get("/en/").content.decode()
    assert 'type="application/rss+xml" title="Latest news' in home_en or 'href="/en/rss/"' in home_en
    assert 'href="/en/rss/"' in home_en and 'href="/rss/"' not in home_en


def _vietnamese_words(html, data=()):
    """The words with Vietnamese letters in the page's <main>, once the `data` texts (what editors and
    citizens wrote: they stay as written) are taken out."""
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    for text in data:
        main = main.replace(str(text), " ")
    text = re.sub(r"<[^>]+>", " ", main)
    return sorted({word for word in re.findall(r"\w+", text) if VIETNAMESE.search(word)})


def test_the_questions_forms_and_receipt_in_english(client, home, english_home, settings):
    """The ask form (labels, help texts, choices, errors), the look-up (form, failure, result), the
    receipt and a published answer: English on /en/, the same Vietnamese as before on the Vietnamese page."""
    from django.core import signing

    from congphuong.feedback.models import Topic
    from congphuong.feedback.public_views import RECEIPT_SALT
    from congphuong.feedback.tests.factories import published_question

    settings.CONGPHUONG_FEEDBACK_MIN_SECONDS = 0
    page = FeedbackPageFactory(parent=home)
    english = translate_page(page, title="Questions and answers", slug="questions", intro="Ask us.")
    topic = Topic.objects.create(site=home.get_site(), name="Hộ tịch")
    data = [english.consent_notice, topic.name]

    vi, en = _both(client, page.url + "gui-cau-hoi/", "/en/questions/gui-cau-hoi/")
    assert not _vietnamese_words(en, data), _vietnamese_words(en, data)
    assert "<h1>Ask a question or send feedback</h1>" in en and "Full name" in en and "— Choose a topic —" in en
    assert "Attachment (optional)" in en and "Personal data protection" in en and ">Send question</button>" in en
    assert "The authority answers within 15 working days." in en
    assert "<h1>Gửi câu hỏi, phản ánh, kiến nghị</h1>" in vi and "Họ và tên" in vi and "— Chọn chủ đề —" in vi
    assert "Cơ quan trả lời trong 15 ngày làm việc." in vi and "Full name" not in vi

    response = client.post("/en/questions/gui-cau-hoi/", {"content": "short", "phone": "abc"})
    en = response.content.decode()
    assert response.status_code == 200 and "Not sent" in en, re.search(r"<main.*?</main>", en, re.S).group(0)
    assert "Please enter your full name." in en and "A phone number has digits only" in en
    assert "The text is too short: please write at least 20 characters." in en
    assert not _vietnamese_words(en, data), _vietnamese_words(en, data)
    vi = client.post(page.url + "gui-cau-hoi/", {"content": "short"}).content.decode()
    assert "Vui lòng nhập họ và tên." in vi and "Nội dung quá ngắn: vui lòng viết ít nhất 20 ký tự." in vi

    vi, en = _both(client, page.url + "tra-cuu/", "/en/questions/tra-cuu/")
    assert not _vietnamese_words(en, data) and "Enter the tracking code" in en
    assert "Nhập mã tra cứu" in vi
    en = client.post("/en/questions/tra-cuu/", {"code": "HD-2026-AAAAA", "verifier": "5678"}).content.decode()
    assert "No question matches the tracking code" in en and not _vietnamese_words(en, data)

    question = published_question(page, topic=topic, answering_unit="")
    en = client.post("/en/questions/tra-cuu/", {"code": question.code, "verifier": "5678"}).content.decode()
    asked = [question.content, question.answer]
    assert "Status" in en and "Answered" in en and "Answer due by" in en
    assert not _vietnamese_words(en, data + asked), _vietnamese_words(en, data + asked)

    token = signing.dumps(question.code, salt=RECEIPT_SALT)
    vi, en = _both(client, page.url + f"da-gui/?phieu={token}", f"/en/questions/da-gui/?phieu={token}")
    assert "Your tracking code:" in en and "(15 working days)" in en and not _vietnamese_words(en, data)
    assert "Mã tra cứu của bạn:" in vi and "(15 ngày làm việc)" in vi
    en = client.get("/en/questions/da-gui/?phieu=forged").content.decode()
    assert "The receipt could not be opened" in en and not _vietnamese_words(en, data)

    vi, en = _both(client, page.url + f"cau-hoi/{question.pk}/", f"/en/questions/cau-hoi/{question.pk}/")
    shown = data + [question.display_question, question.display_answer, question.display_title]
    assert "A resident" in en and "Was this answer helpful?" in en and "Published on" in en
    assert not _vietnamese_words(en, shown), _vietnamese_words(en, shown)
    assert "Công dân" in vi and "Câu trả lời này có hữu ích với bạn?" in vi


def test_the_information_access_pages_in_english(client, home, english_home):
    """The access-to-information section (list, contact point, how to ask), the request form (labels, help
    texts, delivery choices, errors), the receipt and the look-up: English on /en/, unchanged in Vietnamese."""
    from congphuong.information_access.tests.factories import (
        InformationAccessPageFactory,
        add_published,
        request_data,
    )

    page = InformationAccessPageFactory(parent=home)
    add_published(page)
    english = translate_page(page, title="Access to information", slug="access", intro="You may ask us.")
    item = english.published_items.first()
    data = [english.consent_notice, page.contact_unit, page.contact_person, page.contact_address]
    data += [item.title, item.place, item.method, item.timing, item.duration]

    vi, en = _both(client, page.url, "/en/access/")
    assert "Information the ward makes public" in en and "Information contact point" in en
    assert "How to request information" in en and "within 10 working days" in en and ">Unit</dt>" in en
    assert not _vietnamese_words(en, data), _vietnamese_words(en, data)
    assert "Danh mục thông tin phường công khai" in vi and ">Bộ phận</dt>" in vi and "Information" not in vi

    vi, en = _both(client, page.url + "gui-yeu-cau/", "/en/access/gui-yeu-cau/")
    assert "<h1>Request for information</h1>" in en and "Citizen identity card or passport number" in en
    assert "How you want to receive the information" in en and "By e-mail" in en and ">Send the request</button>" in en
    assert not _vietnamese_words(en, data), _vietnamese_words(en, data)
    assert "Số căn cước, căn cước công dân hoặc hộ chiếu" in vi and "Nhận qua thư điện tử" in vi
    assert "Hình thức nhận thông tin" in vi and "By e-mail" not in vi and "Citizen identity" not in vi

    bad = request_data(id_number="12", information="short", phone="", email="", delivery="fax")
    en = client.post("/en/access/gui-yeu-cau/", bad).content.decode()
    assert "The ID number is not right" in en and "The text is too short: please write at least 15 characters." in en
    assert "The way of receiving the information you chose is not in the list." in en
    assert not _vietnamese_words(en, data), _vietnamese_words(en, data)
    vi = client.post(page.url + "gui-yeu-cau/", bad).content.decode()
    assert "Số giấy tờ tùy thân chưa đúng" in vi and "Nội dung quá ngắn: vui lòng viết ít nhất 15 ký tự." in vi

    response = client.post("/en/access/gui-yeu-cau/", request_data(), follow=True)
    en = response.content.decode()
    asked = request_data()
    assert "Your tracking code:" in en and "By e-mail" in en and "(10 working days, if" in en
    assert not _vietnamese_words(en, data), _vietnamese_words(en, data)
    code = re.search(r'class="fb-code">([^<]+)<', en).group(1)

    vi, en = _both(client, page.url + "tra-cuu/", "/en/access/tra-cuu/")
    assert "Enter the tracking code" in en and "The last 4 digits of the ID number" in en
    assert not _vietnamese_words(en, data) and "Nhập mã tra cứu" in vi
    en = client.post("/en/access/tra-cuu/", {"code": code, "verifier": "9999"}).content.decode()
    assert "No request matches this tracking code" in en and not _vietnamese_words(en, data)
    en = client.post("/en/access/tra-cuu/", {"code": code, "verifier": "1234"}).content.decode()
    assert f"Request {code}" in en and ">Received</strong>" in en and "Deadline" in en and "By e-mail" in en
    assert not _vietnamese_words(en, data + [asked["information"]]), _vietnamese_words(en, data)
    vi = client.post(page.url + "tra-cuu/", {"code": code, "verifier": "1234"}).content.decode()
    assert f"Yêu cầu {code}" in vi and ">Mới tiếp nhận</strong>" in vi and "Nhận qua thư điện tử" in vi


def test_the_work_schedule_in_english(client, ward, home, english_home):
    """A translated week on the English schedule: English week label, weekdays, dates, parts of the day,
    labels and the leader's English title; the print version too. The Vietnamese schedule is unchanged."""
    from congphuong.organisation.tests.factories import (
        LeaderFactory,
        ScheduleEntryFactory,
        WeeklySchedulePageFactory,
        WorkSchedulePageFactory,
    )
    from congphuong.organisation.weeks import Week

    leader = LeaderFactory(site=ward, full_name="Võ Thị Chủ Trì", position="Chủ tịch UBND phường", position_en="Chair")
    schedule = WorkSchedulePageFactory(parent=home)
    week = WeeklySchedulePageFactory(parent=schedule, week_start=Week(2026, 53).start)
    ScheduleEntryFactory(page=week, date=datetime.date(2026, 12, 28), content="Giao ban", host_leader=leader)
    ScheduleEntryFactory(page=week, date=datetime.date(2026, 12, 29), time=datetime.time(14, 0), content="Tiếp dân")
    translate_page(schedule, title="Work schedule", slug="work-schedule", note="The schedule may change.")
    translate_page(week, title="Week 53", slug="week-53")
    data = ["Giao ban", "Tiếp dân", "Lãnh đạo UBND phường", "Hội trường", leader.full_name]

    vi, en = _both(client, schedule.url + "?tuan=2026-W53", "/en/work-schedule/?tuan=2026-W53")
    assert "Week 53 (28 December 2026 – 3 January 2027)" in en and "Monday, 28 December 2026" in en
    assert "Morning 08:00" in en and "Afternoon 14:00" in en and "Chaired by:" in en and "Võ Thị Chủ Trì – Chair" in en
    assert "Nothing scheduled." in en and "Previous week" in en and "Print version" in en
    assert not _vietnamese_words(en, data), _vietnamese_words(en, data)
    assert "Tuần 53 (28/12/2026 – 03/01/2027)" in vi and "Thứ Hai, 28/12/2026" in vi and "Sáng 08:00" in vi
    assert "Võ Thị Chủ Trì – Chủ tịch UBND phường" in vi and "Chủ trì:" in vi and "Không có lịch công tác." in vi

    en = client.get("/en/work-schedule/?tuan=2027-W01").content.decode()
    assert "There is no work schedule for week 1 (4 January 2027 – 10 January 2027) yet." in en
    en = client.get("/en/work-schedule/?tuan=xyz").content.decode()
    assert "The week “xyz” was not understood." in en and not _vietnamese_words(en, data)
    assert "Không hiểu tuần “xyz”" in client.get(schedule.url + "?tuan=xyz").content.decode()

    vi = client.get(schedule.url + "ban-in/?tuan=2026-W53").content.decode()
    en = client.get("/en/work-schedule/ban-in/?tuan=2026-W53").content.decode()
    assert '<html lang="en">' in en and "Back to the work schedule" in en and '<th scope="col">Chaired by</th>' in en
    assert "Monday<br>28 December 2026" in en and "Updated" in en
    assert not _vietnamese_words(en, data), _vietnamese_words(en, data)
    assert '<html lang="vi">' in vi and "Trở về lịch công tác" in vi and "Thứ Hai<br>28/12/2026" in vi


def test_the_preview_of_an_english_week_is_english(ward, home, english_home, rf):
    """A week's own preview (shown in its schedule's layout) renders in the week's language: the
    preview banner, the week's label and the dates of an English week are English; a Vietnamese
    week's are Vietnamese; the admin's language is back afterwards. Served as Wagtail serves the
    preview of a page being created: a fake request for `/`, whose path says nothing of the language."""
    from django.utils import translation

    from congphuong.organisation.tests.factories import (
        ScheduleEntryFactory,
        WeeklySchedulePageFactory,
        WorkSchedulePageFactory,
    )
    from congphuong.organisation.weeks import Week

    schedule = WorkSchedulePageFactory(parent=home)
    week = WeeklySchedulePageFactory(parent=schedule, week_start=Week(2026, 53).start)
    ScheduleEntryFactory(page=week, date=datetime.date(2026, 12, 28), content="Giao ban")
    translate_page(schedule, title="Work schedule", slug="work-schedule")
    draft = translate_page(week, title="Week 53", slug="week-53", publish=False)

    def preview(page):
        request = rf.get("/")
        response = page.serve_preview(request, page.default_preview_mode)
        return (response.render() if hasattr(response, "render") else response).content.decode()

    with translation.override("vi"):
        english = preview(draft)
        assert translation.get_language() == "vi"
        vietnamese = preview(week)
    assert '<html lang="en">' in english and "schedule is not approved for publication yet." in english
    assert "Monday, 28 December 2026" in english and "Bản xem trước" not in english
    assert '<html lang="vi">' in vietnamese and "Bản xem trước: lịch tuần này chưa được duyệt đăng." in vietnamese


def test_the_about_pages_facts_and_quarters_in_english(client, ward, home, english_home):
    """A «Giới thiệu» page with the facts table and the khu phố list, translated: the tables' headers,
    scroll-region names and notes are English; the ward's data (names, figures) stays as written."""
    from congphuong.organisation.models import AboutIndexPage, AboutPage, Quarter

    Quarter.objects.create(site=ward, name="Khu phố 1", head_name="Lê Văn Tư", households=420, live=True)
    index = AboutIndexPage(title="Giới thiệu", slug="gioi-thieu", intro="Về phường.")
    home.add_child(instance=index)
    index.save_revision().publish()
    body = [
        {"type": "facts", "value": {"heading": "", "facts": [{"label": "Area", "value": "1,2 km²", "note": ""}]}},
        {"type": "quarters", "value": {"heading": "", "intro": ""}},
    ]
    page = AboutPage(title="Điều kiện tự nhiên", slug="dieu-kien", summary="Số liệu.", body=body)
    index.add_child(instance=page)
    page.save_revision().publish()
    translate_page(index, title="About the ward", slug="about", intro="About.")
    translate_page(page, title="Facts and quarters", slug="facts", summary="Figures.")
    vi, en = _both(client, page.url, "/en/about/facts/")
    main = en[en.index("<main") : en.index("</main>")]
    assert ">Indicator</th>" in main and ">Figures</th>" in main and 'aria-label="Figures (scrolls sideways)"' in main
    assert ">Head of quarter/hamlet</th>" in main and "420 households" in main
    assert 'aria-label="Quarters (scrolls sideways)"' in main
    assert _vietnamese_words(en, data=("Khu phố 1", "Lê Văn Tư", "1,2 km²")) == []
    assert ">Chỉ tiêu</th>" in vi and "420 hộ" in vi and 'aria-label="Số liệu (có thể cuộn ngang)"' in vi
    assert ">Trưởng khu phố/ấp</th>" in vi and "households" not in vi
