"""The compliance board tracks the section and the requests' deadlines (issue 19, part 2)."""

import datetime

import pytest

from congphuong.information_access import handling
from congphuong.organisation.compliance.board import build_board
from congphuong.organisation.compliance.sources import ensure_default_categories

from .factories import InformationRequestFactory, aware

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 10)


def _row(board, name):
    return next(row for row in board.rows if row.category.name == name)


def test_a_ward_without_the_section_sees_the_gap(ward):
    ensure_default_categories(ward)
    board = build_board(ward, TODAY)
    assert _row(board, "Chuyên mục tiếp cận thông tin").status == "missing"
    assert _row(board, "Yêu cầu cung cấp thông tin").status == "ok"


def test_overdue_and_extended_requests_on_the_board(ward, access_page):
    ensure_default_categories(ward)
    late = handling.receive(  # due 3/3/2026 (over Tết), still open on 10/3
        InformationRequestFactory.build(site=ward, page=access_page, received_at=aware(2026, 2, 10))
    )
    extended = handling.extend(
        handling.receive(InformationRequestFactory.build(site=ward, page=access_page, received_at=aware(2026, 2, 11))),
        None,
        "Cần thêm thời gian sao chụp.",
    )
    board = build_board(ward, TODAY)
    assert _row(board, "Chuyên mục tiếp cận thông tin").status == "ok"
    row = _row(board, "Yêu cầu cung cấp thông tin")
    assert row.status == "overdue"
    overdue = {finding.title: finding for finding in row.overdue}
    assert set(overdue) == {late.code}  # the extended one is not late: its own due date counts
    assert overdue[late.code].due_date == datetime.date(2026, 3, 3) and overdue[late.code].working_days == 5
    # A request is settled, not answered or published: the board says so of it.
    assert overdue[late.code].description == "Chưa giải quyết xong, quá hạn 5 ngày làm việc (hạn 03/03/2026)"
    assert extended.due_date > TODAY
    assert all(late.full_name not in finding.title for finding in row.findings)
