import pytest

from congphuong.feedback.tests.factories import FeedbackPageFactory, TopicFactory

from .factories import AccessibilityStatementPageFactory, add_barrier


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    # The time-to-submit rule has its own tests (feedback); here forms may be sent at once.
    settings.CONGPHUONG_FEEDBACK_MIN_SECONDS = 0


@pytest.fixture
def feedback_page(home):
    return FeedbackPageFactory(parent=home)


@pytest.fixture
def report_topic(ward):
    return TopicFactory(site=ward, name="Khó khăn khi dùng cổng (hỗ trợ tiếp cận)")


@pytest.fixture
def statement(home, feedback_page, report_topic):
    page = AccessibilityStatementPageFactory(parent=home, report_topic=report_topic)
    add_barrier(page)
    return page
