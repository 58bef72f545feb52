import pytest


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.LEARNING_PRIVATE_ROOT = str(tmp_path / "private")


@pytest.fixture
def site(ward):
    return ward
