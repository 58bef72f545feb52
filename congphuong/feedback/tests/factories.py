import datetime

import factory
import wagtail_factories
from django.utils import timezone

from congphuong.feedback.models import FeedbackPage, Question, Topic


class FeedbackPageFactory(wagtail_factories.PageFactory):
    title = "Hỏi đáp – phản ánh kiến nghị"
    slug = "hoi-dap"
    intro = "Người dân gửi câu hỏi, phản ánh; phường trả lời trong 15 ngày làm việc."
    show_in_menus = True

    class Meta:
        model = FeedbackPage


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Chủ đề {n + 1}")

    class Meta:
        model = Topic


class QuestionFactory(factory.django.DjangoModelFactory):
    full_name = "Trần Thị Bích Ngọc"
    phone = "0912345678"
    email = "bichngoc.tran@example.vn"
    content = "Xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì và nộp ở đâu?"
    received_at = factory.LazyFunction(lambda: timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0)))
    consent_at = factory.LazyAttribute(lambda o: o.received_at)

    class Meta:
        model = Question


def published_question(page, **kwargs):
    """An answered, approved question marked "của chung"."""
    defaults = {
        "site": page.get_site(),
        "page": page,
        "status": Question.ANSWERED,
        "answer_status": Question.ANSWER_APPROVED,
        "is_public": True,
        "answer": "Hồ sơ gồm tờ khai theo mẫu và giấy chứng sinh; nộp tại Bộ phận một cửa của phường.",
        "answering_unit": "Công chức Tư pháp – Hộ tịch",
        "answer_approved_at": timezone.now(),
        "closed_at": timezone.now(),
    }
    defaults.update(kwargs)
    return QuestionFactory(**defaults)
