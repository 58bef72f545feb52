"""Query counts of the document pages: pinned, and independent of how many rows exist."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congphuong.documents.models import DocumentRelation, DocumentReplacement, DraftComment, LegalDocumentAttachment
from congphuong.documents.pdf import pdf_document

from .factories import (
    DocumentSectorFactory,
    DocumentTypeFactory,
    DraftCommentFactory,
    DraftDocumentPageFactory,
    IssuerFactory,
    LegalDocumentPageFactory,
)

# One render, nothing kept: every cache layer off, whatever the suite's default.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nothing_cached")]

# Upper bounds; raise them only with a reason in the commit message.
MAX_QUERIES = {"documents": 25, "documents_filtered": 28, "document": 26, "drafts": 18, "draft": 22}


def _count(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _add(doc_index, draft_index, first, n, target, draft):
    types = [DocumentTypeFactory(name=name) for name in ("Quyết định", "Kế hoạch", "Thông báo")]
    issuers = [IssuerFactory(name=name) for name in ("Ủy ban nhân dân phường", "Đảng ủy phường")]
    sectors = [DocumentSectorFactory(name=name) for name in ("Giáo dục", "Đất đai", "Y tế")]
    for i in range(first, first + n):
        doc = LegalDocumentPageFactory(
            parent=doc_index,
            doc_type=types[i % 3],
            issuer=issuers[i % 2],
            issued_on=datetime.date(2019 + i % 5, 1 + i % 12, 1),
            effective_until=datetime.date(2024, 6, 1) if i % 4 == 0 else None,
        )
        doc.sectors.set(sectors[: 1 + i % 3])
        doc.save()
        pdf = pdf_document(f"Tệp {i}", f"tep-{i}.pdf", [f"Tep {i}"])
        LegalDocumentAttachment.objects.create(page=target, document=pdf, sort_order=i)
        DocumentReplacement.objects.create(page=target, document=doc)
        DocumentRelation.objects.create(page=doc, document=target)
        DraftCommentFactory(draft=draft, status=DraftComment.Status.APPROVED)
        DraftDocumentPageFactory(parent=draft_index)


def test_query_counts_do_not_grow_with_documents(client, doc_index, draft_index):
    target = LegalDocumentPageFactory(parent=doc_index, title="Văn bản chính")
    draft = DraftDocumentPageFactory(parent=draft_index, title="Dự thảo chính")
    _add(doc_index, draft_index, 0, 4, target, draft)
    urls = {
        "documents": doc_index.url,
        # Matches document 0 of the first batch: the list is never empty (an empty page skips a query).
        "documents_filtered": doc_index.url + "?loai=quyet-dinh&co_quan=uy-ban-nhan-dan-phuong&linh_vuc=giao-duc"
        "&nam=2019&trang_thai=het-hieu-luc&q=quyet&sap_xep=so-ky-hieu",
        "document": target.url,
        "drafts": draft_index.url,
        "draft": draft.url,
    }
    assert "Tìm thấy 1 văn bản phù hợp." in client.get(urls["documents_filtered"]).content.decode()
    small = {name: _count(client, url) for name, url in urls.items()}
    _add(doc_index, draft_index, 4, 25, target, draft)
    large = {name: _count(client, url) for name, url in urls.items()}
    assert large == small, f"queries grew with the number of documents: {small} → {large}"
    for name, count in large.items():
        assert count <= MAX_QUERIES[name], f"{name}: {count} queries > {MAX_QUERIES[name]}"
