import pytest
from django.utils import timezone

from congphuong.feedback.demo import build_demo
from congphuong.feedback.models import FeedbackPage, Question, Rating, Topic
from congphuong.organisation.tests.factories import QuarterFactory

pytestmark = pytest.mark.django_db


def test_build_demo_is_idempotent_and_varied(client, home, ward):
    quarters = QuarterFactory.create_batch(8, site=ward)  # the organisation demo's list, made before
    page = build_demo(home, ward)
    build_demo(home, ward)
    assert FeedbackPage.objects.child_of(home).count() == 1
    assert page.live and page.show_in_menus
    # The questions' khu phố are the ward's one list; the Q&A demo adds none of its own.
    assert {q.neighbourhood for q in Question.objects.filter(site=ward, neighbourhood__isnull=False)} <= set(quarters)
    assert Topic.objects.filter(site=ward).count() == 7
    questions = Question.objects.filter(site=ward)
    assert questions.count() == 12
    assert {q.status for q in questions} == {value for value, _ in Question.STATUS_CHOICES}
    assert questions.overdue(timezone.localdate()).count() >= 2
    assert questions.published().count() == 3
    assert Rating.objects.filter(site=ward, question__isnull=True).count() == 4

    html = client.get(page.url).content.decode()
    assert "Hỏi đáp đã trả lời" in html
    for question in questions:
        assert question.full_name not in html
