"""Lookup by tracking code, the published Q&A list (search, topics, paging), ratings, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congphuong.feedback.models import Question, Rating
from congphuong.feedback.public_views import RATED_COOKIE
from congphuong.feedback.tests.factories import QuestionFactory, TopicFactory, published_question

pytestmark = pytest.mark.django_db


def lookup(client, page, code, verifier, ip="203.0.113.20"):
    return client.post(page.url + "tra-cuu/", {"code": code, "verifier": verifier}, REMOTE_ADDR=ip)


@pytest.fixture
def answered(feedback_page, topic, neighbourhood):
    return published_question(feedback_page, topic=topic, neighbourhood=neighbourhood)


# Lookup ---------------------------------------------------------------------------


@pytest.mark.parametrize("verifier", ["5678", "0912 345 678", "+84912345678", "BichNgoc.Tran@example.vn"])
def test_lookup_with_code_and_contact_shows_status_and_answer(client, feedback_page, answered, verifier):
    response = lookup(client, feedback_page, answered.code.lower().replace("-", " "), verifier)
    html = response.content.decode()
    assert response.status_code == 200
    assert answered.code in html
    assert "Đã trả lời" in html
    assert "nộp tại Bộ phận một cửa" in html  # the answer
    assert "Hạn trả lời" in html
    # Never the contact details, even to the asker.
    assert "Trần Thị Bích Ngọc" not in html and "0912345678" not in html and "bichngoc.tran@example.vn" not in html


def test_lookup_of_an_open_question_shows_no_unapproved_answer(client, feedback_page, topic):
    question = QuestionFactory(
        site=feedback_page.get_site(),
        page=feedback_page,
        topic=topic,
        status=Question.PROCESSING,
        answer="Bản nháp chưa duyệt",
        answer_status=Question.ANSWER_PENDING,
    )
    html = lookup(client, feedback_page, question.code, "5678").content.decode()
    assert "Đang xử lý" in html
    assert "Bản nháp chưa duyệt" not in html
    assert "Chưa có câu trả lời" in html


@pytest.mark.parametrize(
    ("code", "verifier", "message"),
    [
        ("HD-2026-ZZZZZ", "5678", "Không tìm thấy câu hỏi khớp"),  # wrong code
        (None, "1111", "Không tìm thấy câu hỏi khớp"),  # right code, wrong phone
        (None, "khac@example.vn", "Không tìm thấy câu hỏi khớp"),  # right code, wrong e-mail
        (None, "56", "ít nhất 4 số cuối"),
        ("không phải mã", "5678", "Mã tra cứu không đúng dạng"),
        ("", "", "Vui lòng nhập mã tra cứu."),
    ],
)
def test_lookup_refuses_wrong_code_or_contact(client, feedback_page, answered, code, verifier, message):
    response = lookup(client, feedback_page, answered.code if code is None else code, verifier)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "nộp tại Bộ phận một cửa" not in html


def test_lookup_does_not_reach_another_wards_question(client, feedback_page):
    from congphuong.feedback.tests.factories import FeedbackPageFactory
    from congphuong.wards.tests.factories import make_ward

    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    other_page = FeedbackPageFactory(parent=other.root_page)
    foreign = QuestionFactory(site=other, page=other_page)
    html = lookup(client, feedback_page, foreign.code, "5678").content.decode()
    assert "Không tìm thấy câu hỏi khớp" in html


def test_lookup_is_rate_limited(client, feedback_page, answered, settings):
    settings.CONGPHUONG_FEEDBACK_LOOKUPS_PER_HOUR = 3
    for _ in range(3):
        lookup(client, feedback_page, "HD-2026-ZZZZZ", "5678")
    html = lookup(client, feedback_page, answered.code, "5678").content.decode()
    assert "tra cứu quá nhiều lần" in html
    assert "nộp tại Bộ phận một cửa" not in html


def test_lookup_get_prefills_the_code(client, feedback_page, answered):
    html = client.get(feedback_page.url + f"tra-cuu/?ma={answered.code}").content.decode()
    assert f'value="{answered.code}"' in html
    assert "nộp tại Bộ phận một cửa" not in html


# Published list -----------------------------------------------------------------


def test_only_published_questions_are_listed(client, feedback_page, topic):
    site = feedback_page.get_site()
    shown = published_question(feedback_page, topic=topic, public_title="Hỏi về khai sinh")
    hidden = [
        published_question(feedback_page, is_public=False, public_title="Không phải của chung"),
        published_question(feedback_page, answer_status=Question.ANSWER_PENDING, public_title="Chưa duyệt"),
        QuestionFactory(site=site, page=feedback_page, is_public=True, public_title="Chưa trả lời"),
    ]
    html = client.get(feedback_page.url).content.decode()
    assert shown.display_title in html
    for question in hidden:
        assert question.public_title not in html
        assert client.get(feedback_page.url + f"cau-hoi/{question.pk}/").status_code == 404
    detail = client.get(feedback_page.url + f"cau-hoi/{shown.pk}/")
    assert detail.status_code == 200
    page_html = detail.content.decode()
    assert "nộp tại Bộ phận một cửa" in page_html
    assert "Công chức Tư pháp – Hộ tịch" in page_html
    assert "Công dân" in page_html


def test_asker_is_shown_as_citizen_of_a_neighbourhood(client, answered, feedback_page):
    html = client.get(feedback_page.url + f"cau-hoi/{answered.pk}/").content.decode()
    assert "Công dân khu phố 3" in html


def test_search_is_diacritic_insensitive_and_topic_filter(client, feedback_page, topic):
    land = TopicFactory(site=feedback_page.get_site(), name="Đất đai")
    birth = published_question(feedback_page, topic=topic, public_title="Đăng ký khai sinh cho con")
    plot = published_question(
        feedback_page,
        topic=land,
        public_title="Tách thửa đất ở",
        content="Tôi muốn tách thửa đất ở để chia cho các con thì cần diện tích bao nhiêu?",
        answer="Diện tích tối thiểu để tách thửa là 36 m².",
    )
    for query in ("khai sinh", "Khai Sinh", "khai sính", "dang ky"):
        html = client.get(feedback_page.url, {"q": query}).content.decode()
        assert birth.display_title in html, query
        assert plot.display_title not in html, query
    html = client.get(feedback_page.url, {"q": "tach thua"}).content.decode()
    assert plot.display_title in html and birth.display_title not in html
    html = client.get(feedback_page.url, {"chu-de": land.pk}).content.decode()
    assert plot.display_title in html and birth.display_title not in html
    assert "Tìm thấy 1 hỏi đáp" in html
    html = client.get(feedback_page.url, {"chu-de": "abc"}).content.decode()
    assert "Chủ đề đã chọn không có" in html and birth.display_title in html
    html = client.get(feedback_page.url, {"q": "x" * 300}).content.decode()
    assert "Từ khóa quá dài" in html
    html = client.get(feedback_page.url, {"q": "không có gì khớp"}).content.decode()
    assert "Không có hỏi đáp nào khớp" in html


def test_list_is_paginated(client, feedback_page):
    for n in range(12):
        published_question(feedback_page, public_title=f"Câu hỏi số {n:02d}")
    first = client.get(feedback_page.url).content.decode()
    second = client.get(feedback_page.url, {"trang": 2}).content.decode()
    assert first.count('class="fb-qa-item"') == 10
    assert second.count('class="fb-qa-item"') == 2
    assert client.get(feedback_page.url, {"trang": "abc"}).status_code == 200


def test_another_wards_published_questions_are_not_listed(client, feedback_page):
    from congphuong.feedback.tests.factories import FeedbackPageFactory
    from congphuong.wards.tests.factories import make_ward

    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    other_page = FeedbackPageFactory(parent=other.root_page)
    foreign = published_question(other_page, public_title="Câu hỏi của phường khác")
    assert "Câu hỏi của phường khác" not in client.get(feedback_page.url).content.decode()
    assert client.get(feedback_page.url + f"cau-hoi/{foreign.pk}/").status_code == 404


@pytest.mark.usefixtures("nothing_cached")  # one render's queries: nothing kept
def test_public_list_query_count_does_not_grow(client, feedback_page, topic, neighbourhood):
    def count():
        client.get(feedback_page.url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(feedback_page.url)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    for n in range(3):
        published_question(feedback_page, topic=topic, neighbourhood=neighbourhood, public_title=f"Ít {n}")
    small = count()
    for n in range(20):
        published_question(feedback_page, topic=topic, neighbourhood=neighbourhood, public_title=f"Nhiều {n}")
    large = count()
    assert small == large
    assert large <= 20

    question = Question.objects.published().first()
    url = feedback_page.url + f"cau-hoi/{question.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    assert len(ctx.captured_queries) <= 20


# Ratings ----------------------------------------------------------------------


def test_rating_an_answer_once_per_browser(client, feedback_page, answered):
    url = feedback_page.url + f"cau-hoi/{answered.pk}/danh-gia/"
    response = client.post(url, {"score": "4", "comment": "Rõ ràng"}, REMOTE_ADDR="203.0.113.30")
    assert response.status_code == 302
    assert RATED_COOKIE in response.cookies
    rating = Rating.objects.get()
    assert (rating.question, rating.score, rating.comment) == (answered, 4, "Rõ ràng")

    html = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã đánh giá" in html
    assert "4,0/5" in html and "1 lượt" in html

    again = client.post(url, {"score": "1"}, REMOTE_ADDR="203.0.113.30")
    assert "Bạn đã đánh giá mục này rồi" in again.content.decode()
    assert Rating.objects.count() == 1


def test_forged_rating_cookie_is_ignored(client, feedback_page, answered):
    client.cookies[RATED_COOKIE] = f"hd-{answered.pk}"  # not signed
    url = feedback_page.url + f"cau-hoi/{answered.pk}/danh-gia/"
    assert client.post(url, {"score": "5"}).status_code == 302
    assert Rating.objects.count() == 1


@pytest.mark.parametrize(("data", "message"), [({}, "Vui lòng chọn mức độ hài lòng"), ({"score": "9"}, "từ 1 đến 5")])
def test_rating_validation(client, feedback_page, answered, data, message):
    response = client.post(feedback_page.url + f"cau-hoi/{answered.pk}/danh-gia/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Rating.objects.exists()


def test_unpublished_answer_cannot_be_rated(client, feedback_page):
    hidden = published_question(feedback_page, is_public=False)
    assert client.post(feedback_page.url + f"cau-hoi/{hidden.pk}/danh-gia/", {"score": "5"}).status_code == 404


def test_portal_rating_and_aggregate(client, feedback_page):
    Rating.objects.create(site=feedback_page.get_site(), score=5)
    response = client.post(feedback_page.url + "danh-gia-cong/", {"score": "2", "comment": "Chữ hơi nhỏ"})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "3,5/5" in html and "2 lượt đánh giá" in html
    assert "Bạn đã đánh giá mục này" in client.get(feedback_page.url).content.decode()
    assert Rating.objects.filter(question__isnull=True).count() == 2


def test_ratings_are_rate_limited_per_ip(client, feedback_page, settings):
    settings.CONGPHUONG_FEEDBACK_RATINGS_PER_HOUR = 2
    answers = [published_question(feedback_page) for _ in range(3)]
    for question in answers[:2]:
        client.cookies.clear()
        client.post(feedback_page.url + f"cau-hoi/{question.pk}/danh-gia/", {"score": "5"}, REMOTE_ADDR="203.0.113.9")
    client.cookies.clear()
    response = client.post(
        feedback_page.url + f"cau-hoi/{answers[2].pk}/danh-gia/", {"score": "5"}, REMOTE_ADDR="203.0.113.9"
    )
    assert "nhiều đánh giá trong một giờ" in response.content.decode()
    assert Rating.objects.count() == 2


def test_published_answers_are_in_the_sitemap(client, feedback_page, answered):
    hidden = published_question(feedback_page, is_public=False)
    xml = client.get("/sitemap-trang.xml").content.decode()
    assert f"{feedback_page.url}cau-hoi/{answered.pk}/" in xml
    assert f"cau-hoi/{hidden.pk}/" not in xml


# Breadcrumbs of the sub-views ---------------------------------------------------------


@pytest.mark.parametrize(("suffix", "current"), [("gui-cau-hoi/", "Gửi câu hỏi"), ("tra-cuu/", "Tra cứu")])
def test_sub_view_is_the_current_breadcrumb_not_the_page(client, feedback_page, suffix, current):
    html = client.get(feedback_page.url + suffix).content.decode()
    nav = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert f'aria-current="page">{current}</a>' in nav
    assert f'<a href="{feedback_page.url}">{feedback_page.title}</a>' in nav
    assert nav.count('aria-current="page"') == 1


def test_answer_breadcrumb_ends_with_the_question(client, feedback_page, answered):
    html = client.get(f"{feedback_page.url}cau-hoi/{answered.pk}/").content.decode()
    nav = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert f'aria-current="page">{answered.display_title}</a>' in nav
