import pytest
from bs4 import BeautifulSoup

from congphuong.documents.demo import build_demo
from congphuong.documents.models import (
    CommentWindow,
    DocumentIndexPage,
    DraftComment,
    DraftDocumentPage,
    LegalDocumentPage,
    LegalStatus,
)

pytestmark = pytest.mark.django_db


def test_build_demo_is_varied_and_idempotent(client, home, ward):
    sections = build_demo(home, ward)
    counts = (LegalDocumentPage.objects.count(), DraftDocumentPage.objects.count(), DraftComment.objects.count())
    build_demo(home, ward)
    assert (
        LegalDocumentPage.objects.count(),
        DraftDocumentPage.objects.count(),
        DraftComment.objects.count(),
    ) == counts
    assert counts[0] >= 15 and counts[1] == 2

    documents = LegalDocumentPage.objects.live().with_status()
    assert len({doc.doc_type_id for doc in documents}) >= 6
    assert len({doc.issued_on.year for doc in documents}) >= 3
    statuses = {doc.legal_status for doc in documents}
    assert statuses == {LegalStatus.IN_FORCE, LegalStatus.EXPIRED, LegalStatus.NOT_YET}
    assert any(doc.is_replaced for doc in documents)
    assert all(doc.attachments.exists() for doc in documents)

    windows = {draft.comment_window() for draft in DraftDocumentPage.objects.live()}
    assert windows == {CommentWindow.OPEN, CommentWindow.CLOSED}

    index = sections["documents"]
    assert index.live and index.show_in_menus and isinstance(index, DocumentIndexPage)
    assert client.get(index.url).status_code == 200
    # Every document page and every attached PDF opens.
    for doc in documents[:5]:
        soup = BeautifulSoup(client.get(doc.url).content, "html.parser")
        link = soup.select_one(".attachments a")
        response = client.get(link["href"])
        assert response.status_code == 200
    open_draft = next(d for d in DraftDocumentPage.objects.live() if d.comment_window() == CommentWindow.OPEN)
    html = client.get(open_draft.url).content.decode()
    assert 'class="comment-form"' in html
    assert "gopy" not in html  # the demo commenters' addresses
