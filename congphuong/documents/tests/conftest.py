import pytest

from .factories import DocumentIndexPageFactory, DraftIndexPageFactory


@pytest.fixture
def doc_index(home):
    return DocumentIndexPageFactory(parent=home)


@pytest.fixture
def draft_index(home):
    return DraftIndexPageFactory(parent=home)
