"""Bảng theo dõi công khai thông tin: the board's findings on a crafted data set.

The day is Thursday 12/3/2026. Tết Nguyên Đán 2026 closes offices from Monday
16/2 to Friday 20/2; there is no public holiday in March.
"""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from congphuong.editorial.roles import EDITOR, SITE_ADMIN, ensure_roles
from congphuong.editorial.tests.factories import make_user
from congphuong.organisation.compliance.board import DUE_SOON, LATE, OVERDUE, build_board
from congphuong.organisation.compliance.sources import DEFAULT_CATEGORIES, SOURCES, ensure_default_categories
from congphuong.organisation.models import DisclosureRemoval, MandatoryCategory
from congphuong.organisation.weeks import Week
from congphuong.wards.tests.factories import make_ward

from .factories import (
    DisclosureCategoryFactory,
    DisclosureIndexPageFactory,
    DisclosurePageFactory,
    LeaderFactory,
    MandatoryCategoryFactory,
    WeeklySchedulePageFactory,
    WorkSchedulePageFactory,
    local,
    published_at,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (apps.is_installed("congphuong.documents") and apps.is_installed("congphuong.feedback")),
        reason="the crafted data set uses the documents and feedback apps",
    ),
]

TODAY = datetime.date(2026, 3, 12)
D = datetime.date


def _documents(home, ward_issuer, city_issuer):
    from congphuong.documents.tests.factories import DocumentIndexPageFactory, LegalDocumentPageFactory

    index = DocumentIndexPageFactory(parent=home)

    def doc(title, issued, published, issuer=ward_issuer):
        page = LegalDocumentPageFactory(
            parent=index, title=title, issued_on=issued, issuer=issuer, live=published is not None
        )
        if published is not None:
            published_at(page, local(published))
        return page

    return {
        "on_time": doc("QĐ đăng đúng hạn", D(2026, 3, 2), D(2026, 3, 3)),
        # Friday before Tết, online the first working day after it: on time in working days.
        "across_tet": doc("QĐ ban hành trước Tết", D(2026, 2, 13), D(2026, 2, 23)),
        "late": doc("QĐ đăng trễ", D(2026, 3, 5), D(2026, 3, 10)),  # due Monday 9/3
        "overdue": doc("QĐ chưa đăng quá hạn", D(2026, 3, 6), None),  # due Tuesday 10/3
        "due_soon": doc("QĐ chưa đăng sắp đến hạn", D(2026, 3, 11), None),  # due Friday 13/3
        # Another body's document: 10 working days, Tết skipped → due Monday 2/3.
        "city_late": doc("CV của Thành phố đăng trễ", D(2026, 2, 9), D(2026, 3, 4), issuer=city_issuer),
        "city_on_time": doc("CV của Thành phố đúng hạn", D(2026, 3, 2), D(2026, 3, 6), issuer=city_issuer),
    }


def _questions(site, other_site):
    from congphuong.feedback.models import Question
    from congphuong.feedback.tests.factories import QuestionFactory

    def question(status, due, received=None, answered=None, where=site):
        received = received or D(2026, 2, 23)
        return QuestionFactory(
            site=where,
            status=status,
            due_date=due,
            received_at=local(received),
            answer_approved_at=local(answered) if answered else None,
            closed_at=local(answered) if answered else None,
        )

    return {
        "overdue": question(Question.PROCESSING, D(2026, 3, 10)),
        "due_soon": question(Question.NEW, D(2026, 3, 13)),
        "later": question(Question.NEW, D(2026, 4, 10), received=D(2026, 3, 11)),
        "answered_late": question(Question.ANSWERED, D(2026, 3, 9), answered=D(2026, 3, 11)),
        "answered_on_time": question(Question.ANSWERED, D(2026, 3, 9), answered=D(2026, 3, 6)),
        "other_ward": question(Question.NEW, D(2026, 3, 2), where=other_site),
    }


@pytest.fixture
def data(ward, home):
    from congphuong.documents.tests.factories import IssuerFactory

    other_site = make_ward(hostname="khac.test", name="Phường Khác")
    ward_issuer = IssuerFactory(name="Ủy ban nhân dân phường Thử Nghiệm")
    city_issuer = IssuerFactory(name="Ủy ban nhân dân Thành phố Hồ Chí Minh")
    documents = _documents(home, ward_issuer, city_issuer)
    # The other ward's overdue document must not reach this ward's board.
    other_docs = _documents(other_site.root_page, IssuerFactory(name="Ủy ban nhân dân phường Khác"), city_issuer)
    questions = _questions(ward, other_site)

    schedule = WorkSchedulePageFactory(parent=home)
    last_week = Week.containing(TODAY).previous()
    published_at(WeeklySchedulePageFactory(parent=schedule, week_start=last_week.start), local(last_week.start, 7))

    budget = DisclosureCategoryFactory(site=ward, name="Ngân sách", slug="ngan-sach")
    social = DisclosureCategoryFactory(site=ward, name="Hỗ trợ xã hội", slug="ho-tro-xa-hoi")
    disclosures = DisclosureIndexPageFactory(parent=home)
    posting = DisclosurePageFactory(parent=disclosures, category=budget, posted_on=D(2026, 3, 2))
    published_at(posting, local(D(2026, 3, 2)))

    LeaderFactory(site=ward, full_name="Lãnh Đạo Đã Đăng")
    LeaderFactory(site=ward, full_name="Lãnh Đạo Nháp", live=False)

    made = ensure_default_categories(ward)
    MandatoryCategory.objects.filter(site=ward, source="disclosures").update(disclosure_category=budget)
    MandatoryCategoryFactory(
        site=ward, name="Danh sách hỗ trợ xã hội", source="disclosures", disclosure_category=social
    )
    MandatoryCategoryFactory(site=ward, name="Nguồn đã bỏ", source="khong-con-nua")
    return {"documents": documents, "other_docs": other_docs, "questions": questions, "made": made, "site": ward}


def _row(board, name):
    return next(row for row in board.rows if row.category.name == name)


def _titles(findings, state=None):
    return sorted(f.title for f in findings if state is None or f.state == state)


def test_defaults_follow_decree_43(ward):
    assert ensure_default_categories(ward) == len(MandatoryCategory.objects.filter(site=ward))
    assert ensure_default_categories(ward) == 0  # idempotent
    deadlines = dict(MandatoryCategory.objects.filter(site=ward).values_list("source", "deadline_working_days"))
    assert deadlines["ward_documents"] == 2
    assert deadlines["other_documents"] == 10
    assert deadlines["plans_statistics"] == 10
    assert deadlines["legal_dissemination"] == 15
    assert deadlines["questions"] == 15
    assert set(deadlines) <= set(SOURCES)


def test_own_documents_late_overdue_and_due_soon_in_working_days(data):
    board = build_board(data["site"], TODAY)
    row = _row(board, "Văn bản do phường ban hành")
    assert row.live_count == 3  # the published ones of the ward's own
    assert _titles(row.findings, OVERDUE) == ["QĐ chưa đăng quá hạn"]
    assert _titles(row.findings, DUE_SOON) == ["QĐ chưa đăng sắp đến hạn"]
    assert _titles(row.findings, LATE) == ["QĐ đăng trễ"]  # not the one issued before Tết

    by_title = {f.title: f for f in row.findings}
    assert by_title["QĐ chưa đăng quá hạn"].due_date == D(2026, 3, 10)
    assert by_title["QĐ chưa đăng quá hạn"].working_days == 2
    assert by_title["QĐ chưa đăng sắp đến hạn"].due_date == D(2026, 3, 13)
    assert by_title["QĐ chưa đăng sắp đến hạn"].working_days == 1
    assert by_title["QĐ đăng trễ"].working_days == 1
    assert "quá hạn 2 ngày làm việc" in by_title["QĐ chưa đăng quá hạn"].description
    assert by_title["QĐ chưa đăng quá hạn"].url == reverse(
        "wagtailadmin_pages:edit", args=(data["documents"]["overdue"].pk,)
    )
    assert row.status == "overdue"


def test_other_bodies_documents_count_ten_working_days_across_tet(data):
    row = _row(build_board(data["site"], TODAY), "Văn bản của cơ quan khác")
    assert [(f.title, f.due_date, f.working_days) for f in row.findings] == [
        ("CV của Thành phố đăng trễ", D(2026, 3, 2), 2)
    ]
    assert row.status == "late"


def test_questions_near_or_past_due(data):
    board = build_board(data["site"], TODAY)
    row = _row(board, "Hỏi đáp, phản ánh kiến nghị của người dân")
    codes = {q.pk: q.code for q in data["questions"].values()}
    overdue = [f for f in board.question_findings if f.state == OVERDUE]
    soon = [f for f in board.question_findings if f.state == DUE_SOON]
    assert [f.title.split(" – ")[0] for f in overdue] == [codes[data["questions"]["overdue"].pk]]
    assert [f.title.split(" – ")[0] for f in soon] == [codes[data["questions"]["due_soon"].pk]]
    assert overdue[0].working_days == 2 and soon[0].working_days == 1
    assert [f.title.split(" – ")[0] for f in row.late] == [codes[data["questions"]["answered_late"].pk]]
    assert board.questions_overdue == 1 and board.questions_due_soon == 1
    assert overdue[0].description == "Chưa trả lời, quá hạn 2 ngày làm việc (hạn 10/03/2026)"
    # Never the asker's name in the board.
    assert all("Trần Thị Bích Ngọc" not in f.title for f in row.findings)


def test_this_weeks_schedule_is_missing(data):
    row = _row(build_board(data["site"], TODAY), "Lịch công tác của lãnh đạo")
    assert row.live_count == 1
    assert len(row.overdue) == 1
    finding = row.overdue[0]
    assert finding.title == "Lịch công tác tuần 11 (09/03/2026 – 15/03/2026)"
    assert finding.due_date == D(2026, 3, 9)
    assert finding.working_days == 3


def test_existence_and_last_update(data):
    board = build_board(data["site"], TODAY)
    budget = _row(board, "Công khai ngân sách")
    assert budget.exists and budget.live_count == 1 and budget.status == "ok"
    assert budget.last_updated.date() == D(2026, 3, 2)
    social = _row(board, "Danh sách hỗ trợ xã hội")
    assert not social.exists and social.status == "missing" and social.status_label == "Chưa có"
    leaders = _row(board, "Lãnh đạo và cơ cấu tổ chức")
    assert leaders.live_count == 1  # the draft leader does not count
    about = _row(board, "Giới thiệu: lịch sử, bản đồ, điều kiện tự nhiên – xã hội")
    assert about.status == "missing"
    gone = _row(board, "Nguồn đã bỏ")
    assert gone.status == "unavailable" and not gone.exists
    plans = _row(board, "Kế hoạch, báo cáo, số liệu thống kê")
    assert plans.status == "missing"  # no document of type "kế hoạch"/"báo cáo"


def test_board_of_one_ward_ignores_the_other(data):
    board = build_board(data["site"], TODAY)
    titles = [f.title for row in board.rows for f in row.findings]
    assert titles.count("QĐ chưa đăng quá hạn") == 1
    other_ids = {page.pk for page in data["other_docs"].values()}
    own_edit_urls = {f.url for row in board.rows for f in row.findings}
    assert not {reverse("wagtailadmin_pages:edit", args=(pk,)) for pk in other_ids} & own_edit_urls
    other_board = build_board(make_ward(hostname="trong.test", name="Phường Trống"), TODAY)
    assert other_board.rows == []


def test_summary_counts(data):
    board = build_board(data["site"], TODAY)
    assert board.overdue_count == 2  # one document, this week's schedule
    assert board.due_soon_count == 1
    assert {row.category.name for row in board.missing_rows} >= {
        "Danh sách hỗ trợ xã hội",
        "Nguồn đã bỏ",
        "Dự thảo lấy ý kiến nhân dân",
    }


# --- the admin screens --------------------------------------------------------------------


@pytest.fixture
def people(home):
    groups = ensure_roles([home])
    from congphuong.organisation.permissions import ensure_organisation_permissions

    ensure_organisation_permissions()
    return {
        "admin": make_user("quantri", groups[SITE_ADMIN]),
        "editor": make_user("bientap", groups[EDITOR]),
        "nobody": get_user_model().objects.create_user("khach", "khach@example.vn", "Mat-khau-thu-2025"),
    }


def test_board_view_and_dashboard_panel(client, data, people):
    DisclosureRemoval.objects.create(
        site=data["site"],
        page_id_value=1,
        page_title="Bài gỡ trước hạn",
        action="unpublish",
        reason="Đăng nhầm phường.",
        user=people["admin"],
    )
    client.force_login(people["editor"])
    html = client.get(reverse("organisation_compliance_board")).content.decode()
    assert "Bảng theo dõi công khai thông tin" in html
    assert "QĐ chưa đăng quá hạn" in html
    assert "Chưa đăng, quá hạn" in html
    assert "Đăng nhầm phường." in html  # early removals with their reasons
    assert '<th scope="col">Cập nhật lần cuối</th>' in html
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Theo dõi công khai thông tin" in dashboard
    assert "hạng mục chưa có nội dung" in dashboard


def test_board_permissions_and_ward_scope(client, data, people):
    client.force_login(people["nobody"])
    assert client.get(reverse("organisation_compliance_board")).status_code in (302, 403)
    other = make_ward(hostname="nua.test", name="Phường Nửa")
    ensure_default_categories(other)
    client.force_login(people["editor"])
    # The editor works for the test ward only: asking for another ward shows their own.
    html = client.get(reverse("organisation_compliance_board"), {"phuong": other.pk}).content.decode()
    assert "Phường Thử Nghiệm" in html
    assert "Phường Nửa" not in html


def test_defaults_can_be_created_from_the_board(client, people, ward):
    client.force_login(people["admin"])
    html = client.get(reverse("organisation_compliance_board")).content.decode()
    assert "Tạo các hạng mục mặc định" in html
    response = client.post(reverse("organisation_compliance_board") + f"?phuong={ward.pk}")
    assert response.status_code == 302
    assert MandatoryCategory.objects.filter(site=ward).count() == len(DEFAULT_CATEGORIES)
    MandatoryCategory.objects.filter(site=ward).delete()
    client.force_login(people["editor"])
    assert client.post(reverse("organisation_compliance_board")).status_code in (302, 403)
    assert not MandatoryCategory.objects.filter(site=ward).exists()
