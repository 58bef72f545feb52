"""A document's page: every field, downloads, replacement and related links."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from congphuong.documents.models import DocumentRelation, DocumentReplacement, LegalDocumentAttachment
from congphuong.documents.pdf import minimal_pdf, pdf_document

from .factories import DocumentSectorFactory, LegalDocumentPageFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _rows(soup):
    return {
        th.get_text(strip=True): th.find_next_sibling("td").get_text(" ", strip=True)
        for th in soup.select("th[scope=row]")
    }


def test_detail_shows_every_field_in_a_table(client, doc_index):
    doc = LegalDocumentPageFactory(
        parent=doc_index,
        title="Quyết định ban hành Quy chế làm việc",
        number="45/QĐ-UBND",
        signer_name="Trần Thị Lan",
        signer_position="Chủ tịch",
        issued_on=D(2023, 5, 18),
        effective_from=D(2023, 6, 1),
        effective_until=D(2099, 1, 1),
        summary="Về việc ban hành Quy chế làm việc của Ủy ban nhân dân phường",
    )
    doc.sectors.set([DocumentSectorFactory(name="Tổ chức – bộ máy"), DocumentSectorFactory(name="Cải cách hành chính")])
    doc.save()
    response = client.get(doc.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Quyết định ban hành Quy chế làm việc"
    assert len(soup.find_all("h1")) == 1
    rows = _rows(soup)
    assert rows["Số/ký hiệu"] == "45/QĐ-UBND"
    assert rows["Loại văn bản"] == "Quyết định"
    assert rows["Cơ quan ban hành"] == "Ủy ban nhân dân phường Thử Nghiệm"
    assert rows["Người ký"] == "Trần Thị Lan"
    assert rows["Chức vụ"] == "Chủ tịch"
    assert rows["Ngày ban hành"] == "Thứ Năm, 18/05/2023"
    assert rows["Ngày có hiệu lực"] == "Thứ Năm, 01/06/2023"
    assert rows["Ngày hết hiệu lực"] == "Thứ Năm, 01/01/2099"
    assert rows["Trích yếu"] == "Về việc ban hành Quy chế làm việc của Ủy ban nhân dân phường"
    assert rows["Lĩnh vực"] == "Cải cách hành chính; Tổ chức – bộ máy"
    assert rows["Tình trạng hiệu lực"] == "Còn hiệu lực"
    assert "Văn bản chưa có tệp đính kèm." in response.content.decode()


def test_effective_date_defaults_to_issue_date_and_open_end(client, doc_index):
    doc = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2024, 2, 29))
    rows = _rows(BeautifulSoup(client.get(doc.url).content, "html.parser"))
    assert rows["Ngày có hiệu lực"] == "Thứ Năm, 29/02/2024"
    assert rows["Ngày hết hiệu lực"] == "Không ghi thời hạn"


def test_downloads_show_name_type_and_size_and_serve_the_file(client, doc_index):
    doc = LegalDocumentPageFactory(parent=doc_index)
    pdf = pdf_document("Toàn văn quyết định 45", "qd-45-ubnd.pdf", ["Quyet dinh 45/QD-UBND"])
    LegalDocumentAttachment.objects.create(page=doc, document=pdf, label="Toàn văn quyết định", sort_order=0)
    soup = BeautifulSoup(client.get(doc.url).content, "html.parser")
    item = soup.select_one(".attachments li")
    link = item.find("a")
    assert link.get_text(strip=True) == "Toàn văn quyết định"
    meta = item.select_one(".doc-meta").get_text(" ", strip=True)
    assert "qd-45-ubnd.pdf" in meta and "PDF" in meta
    assert pdf.file_size == len(minimal_pdf(["Quyet dinh 45/QD-UBND"]))
    with translation.override("vi"):
        assert filesizeformat(pdf.file_size) in meta
    download = client.get(link["href"])
    assert download.status_code == 200
    body = b"".join(download.streaming_content) if download.streaming else download.content
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")


def test_attachments_must_be_office_documents(doc_index):
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    video = Document.objects.create(title="Phóng sự", file=ContentFile(b"\x00" * 10, name="phong-su.mp4"))
    attachment = LegalDocumentAttachment(page=LegalDocumentPageFactory(parent=doc_index), document=video)
    with pytest.raises(ValidationError) as excinfo:
        attachment.clean()
    assert "Chỉ đính kèm tệp văn bản" in str(excinfo.value)


def test_replaced_and_replacing_documents_link_both_ways(client, doc_index):
    old = LegalDocumentPageFactory(parent=doc_index, title="Quy chế cũ", number="10/QĐ-UBND", issued_on=D(2020, 1, 1))
    new = LegalDocumentPageFactory(parent=doc_index, title="Quy chế mới", number="88/QĐ-UBND", issued_on=D(2025, 1, 1))
    DocumentReplacement.objects.create(page=new, document=old)

    old_html = client.get(old.url).content.decode()
    soup = BeautifulSoup(old_html, "html.parser")
    assert "Văn bản này đã được thay thế bởi:" in old_html
    assert soup.select_one(f'.form-notice a[href="{new.url}"]').get_text(strip=True) == "Quyết định số 88/QĐ-UBND"
    assert _rows(soup)["Tình trạng hiệu lực"] == "Hết hiệu lực (bị thay thế)"

    new_soup = BeautifulSoup(client.get(new.url).content, "html.parser")
    section = new_soup.find(id="van-ban-bi-thay-the").find_parent("section")
    assert section.find("a", href=old.url).get_text(strip=True) == "Quy chế cũ"
    assert section.select_one(".status").get_text() == "Hết hiệu lực"


def test_related_documents_show_on_both_sides(client, doc_index):
    plan = LegalDocumentPageFactory(parent=doc_index, title="Kế hoạch thực hiện")
    decision = LegalDocumentPageFactory(parent=doc_index, title="Quyết định gốc")
    DocumentRelation.objects.create(page=plan, document=decision)
    plan_soup = BeautifulSoup(client.get(plan.url).content, "html.parser")
    assert plan_soup.find(id="van-ban-lien-quan").find_parent("section").find("a", href=decision.url)
    decision_soup = BeautifulSoup(client.get(decision.url).content, "html.parser")
    assert decision_soup.find(id="van-ban-lien-quan").find_parent("section").find("a", href=plan.url)


def test_links_to_unpublished_documents_are_hidden(client, doc_index):
    plan = LegalDocumentPageFactory(parent=doc_index, title="Kế hoạch thực hiện")
    hidden = LegalDocumentPageFactory(parent=doc_index, title="Văn bản chưa công khai")
    DocumentRelation.objects.create(page=plan, document=hidden)
    hidden.unpublish()
    html = client.get(plan.url).content.decode()
    assert "Văn bản chưa công khai" not in html
    assert 'id="van-ban-lien-quan"' not in html
