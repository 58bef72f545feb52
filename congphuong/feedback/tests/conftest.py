import pytest

from congphuong.feedback.tests.factories import FeedbackPageFactory, TopicFactory
from congphuong.organisation.tests.factories import QuarterFactory


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    # The time-to-submit rule has its own tests; elsewhere forms may be sent at once.
    settings.CONGPHUONG_FEEDBACK_MIN_SECONDS = 0


@pytest.fixture
def feedback_page(home):
    return FeedbackPageFactory(parent=home)


@pytest.fixture
def neighbourhood(ward):
    return QuarterFactory(site=ward, name="Khu phố 3")  # the ward's one list of khu phố


@pytest.fixture
def topic(ward):
    return TopicFactory(site=ward, name="Hộ tịch")
