"""Legal status: computed from the dates and from replacement, the same in Python and in SQL."""

import datetime

import pytest

from congphuong.documents.models import DocumentReplacement, LegalDocumentPage, LegalStatus, compute_status

from .factories import LegalDocumentPageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 15)
D = datetime.date


def _status_in_sql(doc, today=TODAY):
    return LegalDocumentPage.objects.with_status(today).get(pk=doc.pk).legal_status


def _both(doc, today=TODAY):
    python = doc.compute_legal_status(today)
    sql = _status_in_sql(doc, today)
    assert python == sql, f"Python says {python}, SQL says {sql}"
    return python


@pytest.mark.parametrize(
    ("issued", "effective_from", "effective_until", "expected"),
    [
        (D(2025, 1, 10), None, None, LegalStatus.IN_FORCE),  # in force from the day it was issued
        (D(2025, 6, 15), None, None, LegalStatus.IN_FORCE),  # issued today
        (D(2025, 6, 1), D(2025, 6, 15), None, LegalStatus.IN_FORCE),  # effective today
        (D(2025, 6, 1), D(2025, 7, 1), None, LegalStatus.NOT_YET),  # effective date ahead
        (D(2025, 6, 20), None, None, LegalStatus.NOT_YET),  # issued in the future, no effective date
        (D(2024, 1, 1), None, D(2025, 6, 15), LegalStatus.EXPIRED),  # "ngày hết hiệu lực" is today
        (D(2024, 1, 1), None, D(2025, 6, 16), LegalStatus.IN_FORCE),  # last day in force is today
        (D(2023, 1, 1), D(2023, 2, 1), D(2024, 12, 31), LegalStatus.EXPIRED),
    ],
)
def test_status_from_dates(doc_index, issued, effective_from, effective_until, expected):
    doc = LegalDocumentPageFactory(
        parent=doc_index, issued_on=issued, effective_from=effective_from, effective_until=effective_until
    )
    assert _both(doc) == expected
    assert compute_status(effective_from or issued, effective_until, False, TODAY) == expected


def _replace(new, old):
    DocumentReplacement.objects.create(page=new, document=old)


def test_replaced_by_a_live_document_in_force_is_expired(doc_index):
    old = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2022, 5, 1))
    new = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2025, 3, 1))
    _replace(new, old)
    assert _both(old) == LegalStatus.EXPIRED
    assert _both(new) == LegalStatus.IN_FORCE
    # The list annotation says why.
    assert LegalDocumentPage.objects.with_status(TODAY).get(pk=old.pk).is_replaced is True


def test_replacement_not_yet_in_force_leaves_the_old_document_in_force(doc_index):
    old = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2022, 5, 1))
    new = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2025, 6, 1), effective_from=D(2025, 7, 1))
    _replace(new, old)
    assert _both(old) == LegalStatus.IN_FORCE
    assert _both(new) == LegalStatus.NOT_YET
    # From the replacement's effective date on, the old one is expired.
    assert _both(old, today=D(2025, 7, 1)) == LegalStatus.EXPIRED


def test_replacement_that_is_not_live_does_not_count(doc_index):
    old = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2022, 5, 1))
    new = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2025, 3, 1))
    _replace(new, old)
    new.unpublish()
    assert _both(old) == LegalStatus.IN_FORCE


def test_status_is_filterable_in_sql(doc_index):
    in_force = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2025, 1, 1))
    future = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2025, 6, 1), effective_from=D(2026, 1, 1))
    expired = LegalDocumentPageFactory(parent=doc_index, issued_on=D(2020, 1, 1), effective_until=D(2021, 1, 1))
    queryset = LegalDocumentPage.objects.with_status(TODAY)
    assert set(queryset.filter(legal_status=LegalStatus.IN_FORCE).values_list("pk", flat=True)) == {in_force.pk}
    assert set(queryset.filter(legal_status=LegalStatus.NOT_YET).values_list("pk", flat=True)) == {future.pk}
    assert set(queryset.filter(legal_status=LegalStatus.EXPIRED).values_list("pk", flat=True)) == {expired.pk}


def test_end_date_must_follow_start(doc_index):
    from django.core.exceptions import ValidationError

    doc = LegalDocumentPageFactory.build(
        issued_on=D(2025, 1, 1), effective_from=D(2025, 2, 1), effective_until=D(2025, 2, 1)
    )
    with pytest.raises(ValidationError) as excinfo:
        doc.clean()
    assert "Ngày hết hiệu lực phải sau ngày có hiệu lực." in str(excinfo.value)


def test_number_and_folded_search_text_are_derived_on_save(doc_index):
    doc = LegalDocumentPageFactory(
        parent=doc_index, number="125/QĐ-UBND", title="Quyết định về khuyến học", summary="Về việc khen thưởng"
    )
    doc.refresh_from_db()
    assert doc.number_sort == 125
    assert "125/qd-ubnd" in doc.search_text
    assert "khuyen hoc" in doc.search_text
