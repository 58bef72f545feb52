import pytest

from congphuong.information_access.tests.factories import InformationAccessPageFactory


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    # The time-to-submit rule has its own tests (feedback); here forms may be sent at once.
    settings.CONGPHUONG_FEEDBACK_MIN_SECONDS = 0


@pytest.fixture
def access_page(home):
    return InformationAccessPageFactory(parent=home)
