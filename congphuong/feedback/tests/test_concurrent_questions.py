"""Citizens' questions sent at the same moment, through a real HTTP server (issue 14).

On the embedded SQLite of `make run`, 10 simultaneous questions gave nine 500s ("database is
locked") and one stored question; and 15 simultaneous questions from one address passed a limit
of 5 (the counter was read, then incremented separately).
"""

import pytest

from congphuong.core.tests.concurrency import needs_contention, run_on_a_sqlite_file, submit_at_once
from congphuong.feedback.models import Question
from congphuong.feedback.tests.factories import FeedbackPageFactory

SIMULTANEOUS = 20
CONTENT = "Xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì và nộp ở đâu?"


def _fields(topic):
    return {
        "full_name": "Trần Thị Bích Ngọc",
        "phone": "0912 345 678",
        "email": "bichngoc.tran@example.com",
        "topic": topic.pk,
        "content": CONTENT,
        "consent": "on",
        "website": "",
    }


@pytest.fixture
def ask_url(live_server, home):
    page = FeedbackPageFactory(parent=home)
    return live_server.url + page.relative_url(page.get_site()) + page.reverse_subpage("ask")


def test_on_a_sqlite_file(migrated_sqlite):
    run_on_a_sqlite_file(__file__, migrated_sqlite)


@needs_contention
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_simultaneous_question_is_stored(settings, ask_url, topic):
    settings.CONGPHUONG_TRUSTED_PROXIES = 1  # each reader has an address of its own
    results = submit_at_once(SIMULTANEOUS, ask_url, _fields(topic))
    statuses = [status for status, _ in results]
    assert statuses == [200] * SIMULTANEOUS, [r[1][:300] for r in results if r[0] != 200]
    assert all("Mã tra cứu của bạn" in html for _, html in results)  # each reached its receipt
    assert Question.objects.count() == SIMULTANEOUS


@needs_contention
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_questions_from_one_address_keep_to_the_limit(settings, ask_url, topic):
    settings.CONGPHUONG_TRUSTED_PROXIES = 1
    settings.CONGPHUONG_FEEDBACK_QUESTIONS_PER_HOUR = 5
    results = submit_at_once(15, ask_url, _fields(topic), address_of=lambda n: "203.0.113.9")
    assert [status for status, _ in results].count(200) == 15, [r[1][:300] for r in results if r[0] != 200]
    limited = [html for _, html in results if "Bạn đã gửi nhiều câu hỏi trong một giờ qua" in html]
    assert Question.objects.count() == 5
    assert len(limited) == 10
