"""The public question form refuses text that shows nothing and NUL characters, in Vietnamese."""

import pytest

from congphuong.feedback.models import Question

from .helpers import question_data
from .test_question_form import post

pytestmark = pytest.mark.django_db

ZERO_WIDTH_ONLY = "\u200b\u200c\u200d\ufeff\u2060\u00a0" * 10


@pytest.mark.parametrize(
    ("field", "message"),
    [("content", "Vui lòng nhập nội dung câu hỏi."), ("full_name", "Vui lòng nhập họ và tên.")],
)
def test_zero_width_only_text_is_refused(client, feedback_page, topic, field, message):
    response = post(client, feedback_page, question_data(topic, **{field: ZERO_WIDTH_ONLY}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_nul_character_is_refused_in_vietnamese(client, feedback_page, topic):
    content = "Xin hỏi thủ tục đăng ký khai sinh\x00 cho con cần những giấy tờ gì?"
    response = post(client, feedback_page, question_data(topic, content=content))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nội dung có ký tự rỗng (NUL) không hợp lệ" in html
    assert "Null characters are not allowed" not in html
    assert not Question.objects.exists()


def test_visible_text_around_invisible_characters_is_kept_clean(client, feedback_page, topic):
    content = "\u200b\ufeffXin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì?\u200b\u00a0"
    response = post(client, feedback_page, question_data(topic, content=content))
    assert response.status_code in (200, 302)
    question = Question.objects.get()
    assert question.content == "Xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì?"
