"""Back office: ward scoping, private attachments, the queue, four-eyes approval, e-mails, notes."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from congphuong.editorial.models import WardRoleGroup
from congphuong.editorial.roles import APPROVER, EDITOR
from congphuong.editorial.tests.factories import make_group, make_user
from congphuong.feedback.models import Note, Question
from congphuong.feedback.permissions import ensure_feedback_permissions
from congphuong.feedback.tests.factories import QuestionFactory
from congphuong.wards.tests.factories import make_ward

from .helpers import PDF_BYTES

pytestmark = pytest.mark.django_db


def url(name, question=None):
    args = [question.pk] if question is not None else []
    return reverse(f"feedback_questions:{name}", args=args)


@pytest.fixture
def staff(home, feedback_page):
    editors = make_group(EDITOR, home, ["add", "change"])
    approvers = make_group(APPROVER, home, ["add", "change", "publish", "lock"])
    ensure_feedback_permissions()
    return {
        "cadre": make_user("canbo", editors, first_name="Lê", last_name="Cán Bộ"),
        "cadre2": make_user("canbo2", editors),
        "leader": make_user("lanhdao", approvers, first_name="Trần", last_name="Lãnh Đạo"),
        "leader2": make_user("lanhdao2", approvers),
    }


@pytest.fixture
def other_ward_editor(db):
    other = make_ward(hostname="phuong-b.test", name="Phường Bình Minh")
    group = Group.objects.create(name="Biên tập viên Phường Bình Minh")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="feedback", codename__in=["view_question", "change_question"]
        ),
    )
    GroupPagePermission.objects.create(
        group=group, page=other.root_page, permission=Permission.objects.get(codename="change_page")
    )
    # The ward's editor role group, as `setup_roles` records it: membership is the role group.
    WardRoleGroup.objects.create(group=group, site=other, role=WardRoleGroup.EDITOR)
    user = make_user("bientap_b", group)
    user.other_site = other
    return user


@pytest.fixture
def question(feedback_page, topic, neighbourhood):
    q = QuestionFactory(site=feedback_page.get_site(), page=feedback_page, topic=topic, neighbourhood=neighbourhood)
    q.attachment_name = "đơn đề nghị.pdf"
    q.attachment_type = "application/pdf"
    q.attachment.save("don.pdf", ContentFile(PDF_BYTES), save=True)
    return q


def edit_data(question, **overrides):
    data = {
        "status": question.status,
        "assignee": question.assignee_id or "",
        "topic": question.topic_id or "",
        "transferred_to": question.transferred_to,
        "reject_reason": question.reject_reason,
        "answer": question.answer,
        "answering_unit": question.answering_unit,
        "public_title": question.public_title,
        "public_question": question.public_question,
    }
    if question.is_public:
        data["is_public"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# Who sees what ----------------------------------------------------------------------


def test_anonymous_cannot_see_questions_or_attachments(client, question):
    for target in (url("index"), url("edit", question), url("attachment", question)):
        response = client.get(target)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
        assert PDF_BYTES not in response.content


def test_another_wards_editor_cannot_see_the_question_or_its_attachment(client, question, other_ward_editor):
    other_q = QuestionFactory(site=other_ward_editor.other_site, full_name="Người hỏi phường B")
    client.force_login(other_ward_editor)
    listing = client.get(url("index")).content.decode()
    assert question.code not in listing
    assert other_q.code in listing
    assert client.get(url("edit", question)).status_code == 404
    assert client.get(url("attachment", question)).status_code == 404
    assert client.post(url("note", question), {"text": "xem trộm"}).status_code == 404
    assert client.post(url("approve", question)).status_code == 404
    assert client.get(url("history", question)).status_code == 404
    assert not Note.objects.filter(question=question).exists()


def test_admin_user_without_feedback_permission_is_refused(client, question, home):
    group = make_group("Chỉ đọc tin", home, ["change"])
    user = make_user("chidoctin", group)
    client.force_login(user)
    for target in (url("index"), url("attachment", question), url("edit", question)):
        response = client.get(target)
        # 404: a user in no ward's role group reaches no ward's record (editorial/isolation.py).
        assert response.status_code in (302, 403, 404), target
        assert PDF_BYTES not in response.content and question.code not in response.content.decode()


def test_ward_staff_download_the_attachment_through_the_checked_view(client, question, staff):
    client.force_login(staff["cadre"])
    response = client.get(url("attachment", question))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    edit = client.get(url("edit", question)).content.decode()
    assert url("attachment", question) in edit
    assert "Trần Thị Bích Ngọc" in edit and "0912345678" in edit  # the handler sees the contact details


def test_attachment_is_not_under_the_public_media_root(question, settings):
    from pathlib import Path

    path = Path(question.attachment.path).resolve()
    assert not str(path).startswith(str(Path(settings.MEDIA_ROOT).resolve()))
    assert str(path).startswith(str(Path(settings.PRIVATE_MEDIA_ROOT).resolve()))


def test_no_add_button_questions_come_from_citizens(client, staff, question, admin_user):
    client.force_login(admin_user)
    html = client.get(url("index")).content.decode()
    assert question.code in html
    assert url("add") not in html


# The queue --------------------------------------------------------------------------


def test_queue_shows_deadline_labels_and_filters(client, staff, feedback_page, topic):
    site = feedback_page.get_site()
    today = timezone.localdate()
    overdue = QuestionFactory(site=site, page=feedback_page, received_at=timezone.now() - datetime.timedelta(days=40))
    due_today = QuestionFactory(site=site, page=feedback_page, received_at=timezone.now(), due_date=today)
    fresh = QuestionFactory(site=site, page=feedback_page, received_at=timezone.now())
    done = QuestionFactory(
        site=site,
        page=feedback_page,
        received_at=timezone.now() - datetime.timedelta(days=40),
        status=Question.REJECTED,
        reject_reason="Quảng cáo",
        closed_at=timezone.now() - datetime.timedelta(days=39),
    )
    assert overdue.due_date < today < fresh.due_date
    client.force_login(staff["cadre"])
    html = client.get(url("index")).content.decode()
    assert 'cp-deadline--overdue">Quá hạn' in html
    assert 'cp-deadline--near">Đến hạn hôm nay' in html
    assert 'cp-deadline--on-time">Còn ' in html
    assert 'cp-deadline--closed">Đã xong, đúng hạn' in html

    html = client.get(url("index"), {"deadline": "overdue"}).content.decode()
    assert overdue.code in html and fresh.code not in html and done.code not in html and due_today.code not in html
    html = client.get(url("index"), {"deadline": "near"}).content.decode()
    assert due_today.code in html and overdue.code not in html and fresh.code not in html
    html = client.get(url("index"), {"status": "rejected"}).content.decode()
    assert done.code in html and fresh.code not in html


def test_queue_search_is_diacritic_insensitive(client, staff, question):
    other = QuestionFactory(
        site=question.site, page=question.page, full_name="Phạm Văn Đức", phone="0900000001", email=""
    )
    client.force_login(staff["cadre"])
    html = client.get(url("index"), {"q": "bich ngoc"}).content.decode()
    assert question.code in html and other.code not in html
    html = client.get(url("index"), {"q": "Đức"}).content.decode()
    assert other.code in html and question.code not in html


def test_assignment_filter_and_automatic_processing_status(client, staff, question):
    client.force_login(staff["leader"])
    response = client.post(url("edit", question), edit_data(question, assignee=staff["cadre"].pk))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.assignee == staff["cadre"]
    assert question.status == Question.PROCESSING
    assert question.notes.filter(is_event=True, text__contains="Phân công").exists()
    html = client.get(url("index"), {"assignee": staff["cadre"].pk}).content.decode()
    assert question.code in html


# Due date ---------------------------------------------------------------------------


def test_due_date_counts_working_days_across_tet(feedback_page):
    received = timezone.make_aware(datetime.datetime(2026, 2, 12, 10, 0))
    question = QuestionFactory(site=feedback_page.get_site(), page=feedback_page, received_at=received)
    assert question.due_date == datetime.date(2026, 3, 12)

    feedback_page.deadline_working_days = 5
    feedback_page.save()
    question = QuestionFactory(site=feedback_page.get_site(), page=feedback_page, received_at=received)
    # 13/2, then after Tết: 23, 24, 25, 26/2.
    assert question.due_date == datetime.date(2026, 2, 26)


def test_overdue_state(feedback_page):
    from congphuong.core.workdays import WorkdayCalendar
    from congphuong.feedback.deadlines import deadline_state

    received = timezone.make_aware(datetime.datetime(2026, 2, 12, 10, 0))
    question = QuestionFactory(site=feedback_page.get_site(), page=feedback_page, received_at=received)
    calendar = WorkdayCalendar()
    assert deadline_state(question, calendar, datetime.date(2026, 3, 9)).label == "Còn 3 ngày làm việc"
    assert deadline_state(question, calendar, datetime.date(2026, 3, 10)).label == "Sắp đến hạn: còn 2 ngày làm việc"
    assert deadline_state(question, calendar, datetime.date(2026, 3, 12)).label == "Đến hạn hôm nay"
    state = deadline_state(question, calendar, datetime.date(2026, 3, 16))
    assert state.is_overdue and state.label == "Quá hạn 2 ngày làm việc"  # Friday 13 and Monday 16
    assert Question.objects.overdue(datetime.date(2026, 3, 13)).get() == question
    assert not Question.objects.overdue(datetime.date(2026, 3, 12)).exists()


# Four-eyes approval ----------------------------------------------------------------


def _draft_and_submit(client, user, question, **extra):
    client.force_login(user)
    data = edit_data(
        question,
        answer="Hồ sơ gồm tờ khai và giấy chứng sinh; nộp tại Bộ phận một cửa.",
        answering_unit="Công chức Tư pháp – Hộ tịch",
        **extra,
    )
    data["action-submit-answer"] = "action-submit-answer"
    response = client.post(url("edit", question), data)
    assert response.status_code == 302
    question.refresh_from_db()
    return question


def test_cadre_drafts_leader_approves_and_citizen_is_emailed(client, staff, question):
    question = _draft_and_submit(client, staff["cadre"], question, is_public="on", public_title="Hồ sơ khai sinh")
    assert question.answer_status == Question.ANSWER_PENDING
    assert question.answer_drafted_by == staff["cadre"]
    assert question.answer_submitted_by == staff["cadre"]
    assert not question.is_published

    # The cadre cannot approve (not a leader, and own work).
    client.post(url("approve", question))
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_PENDING

    client.force_login(staff["leader"])
    page = client.get(url("edit", question)).content.decode()
    assert "Duyệt câu trả lời" in page
    response = client.post(url("approve", question))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_APPROVED
    assert question.status == Question.ANSWERED
    assert question.answer_approved_by == staff["leader"]
    assert question.closed_at is not None
    assert question.is_published and question.published_at is not None

    (message,) = mail.outbox
    assert message.to == ["bichngoc.tran@example.vn"]
    assert question.code in message.subject
    assert "nộp tại Bộ phận một cửa" in message.body
    assert f"/cau-hoi/{question.pk}/" in message.body


def test_leader_cannot_approve_an_answer_they_drafted(client, staff, question):
    question = _draft_and_submit(client, staff["leader"], question)
    response = client.post(url("approve", question), follow=True)
    assert "không thể tự duyệt" in response.content.decode()
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_PENDING
    assert mail.outbox == []
    client.force_login(staff["leader2"])
    client.post(url("approve", question))
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_APPROVED


def test_leader_who_edited_the_draft_cannot_approve_it(client, staff, question):
    client.force_login(staff["leader"])
    client.post(url("edit", question), edit_data(question, answer="Bản nháp do lãnh đạo viết."))
    question.refresh_from_db()
    assert question.answer_drafted_by == staff["leader"]
    client.force_login(staff["cadre"])
    data = edit_data(question)
    data["action-submit-answer"] = "1"
    client.post(url("edit", question), data)
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_PENDING
    client.force_login(staff["leader"])
    client.post(url("approve", question))
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_PENDING


def test_an_editor_who_is_not_a_leader_cannot_approve(client, staff, question):
    question = _draft_and_submit(client, staff["cadre"], question)
    client.force_login(staff["cadre2"])
    response = client.post(url("approve", question), follow=True)
    assert "Lãnh đạo duyệt" in response.content.decode()
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_PENDING


def test_superuser_is_bound_by_four_eyes(client, question, admin_user, staff, settings):
    question = _draft_and_submit(client, admin_user, question)
    client.post(url("approve", question))
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_PENDING
    settings.CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE = True
    client.post(url("approve", question))
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_APPROVED


def test_pending_answer_is_locked_and_can_be_returned(client, staff, question):
    question = _draft_and_submit(client, staff["cadre"], question)
    # Editing the answer while it waits for approval has no effect.
    client.post(url("edit", question), edit_data(question, answer="Sửa lén khi đang chờ duyệt"))
    question.refresh_from_db()
    assert "Sửa lén" not in question.answer

    client.force_login(staff["leader"])
    response = client.post(url("return", question), {"comment": ""}, follow=True)
    assert "Vui lòng ghi nội dung cần sửa" in response.content.decode()
    client.post(url("return", question), {"comment": "Bổ sung căn cứ pháp lý."})
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_DRAFT
    assert question.notes.filter(text__contains="Bổ sung căn cứ pháp lý").exists()
    assert mail.outbox == []


def test_submitting_an_empty_answer_is_refused(client, staff, question):
    client.force_login(staff["cadre"])
    data = edit_data(question, answer="")
    data["action-submit-answer"] = "1"
    response = client.post(url("edit", question), data)
    assert response.status_code == 200
    assert "Vui lòng soạn nội dung trả lời" in response.content.decode()
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_DRAFT


def test_status_answered_cannot_be_chosen_by_hand(client, staff, question):
    client.force_login(staff["leader"])
    response = client.post(url("edit", question), edit_data(question, status="answered", answer="Trả lời chưa duyệt"))
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.status == Question.NEW


def test_reopening_an_approved_answer_unpublishes_it(client, staff, question, feedback_page):
    question = _draft_and_submit(client, staff["cadre"], question, is_public="on")
    client.force_login(staff["leader"])
    client.post(url("approve", question))
    assert client.get(feedback_page.url + f"cau-hoi/{question.pk}/").status_code == 200
    client.post(url("reopen", question))
    question.refresh_from_db()
    assert question.answer_status == Question.ANSWER_DRAFT and question.status == Question.PROCESSING
    assert client.get(feedback_page.url + f"cau-hoi/{question.pk}/").status_code == 404


# Transfer, refusal, notes ----------------------------------------------------------


def test_transfer_needs_the_receiving_body_and_notifies_the_citizen(client, staff, question):
    client.force_login(staff["cadre"])
    response = client.post(url("edit", question), edit_data(question, status="transferred"))
    assert response.status_code == 200
    assert "Vui lòng ghi tên cơ quan tiếp nhận" in response.content.decode()
    assert mail.outbox == []

    body = "Văn phòng Đăng ký đất đai chi nhánh Tân Bình"
    client.post(url("edit", question), edit_data(question, status="transferred", transferred_to=body))
    question.refresh_from_db()
    assert question.status == Question.TRANSFERRED and question.closed_at is not None
    (message,) = mail.outbox
    assert message.to == ["bichngoc.tran@example.vn"]
    assert body in message.body and question.code in message.body


def test_refusal_needs_a_reason_and_notifies_the_citizen(client, staff, question):
    client.force_login(staff["cadre"])
    response = client.post(url("edit", question), edit_data(question, status="rejected"))
    assert "Vui lòng ghi lý do từ chối" in response.content.decode()
    client.post(url("edit", question), edit_data(question, status="rejected", reject_reason="Nội dung quảng cáo."))
    question.refresh_from_db()
    assert question.status == Question.REJECTED
    assert "Nội dung quảng cáo." in mail.outbox[0].body


def test_internal_notes_are_kept_and_never_public(client, staff, question, feedback_page):
    question.status = Question.ANSWERED
    question.answer_status = Question.ANSWER_APPROVED
    question.is_public = True
    question.answer = "Trả lời công khai."
    question.save()
    client.force_login(staff["cadre"])
    client.post(url("note", question), {"text": "Ghi chú nội bộ: đã gọi điện cho người hỏi."})
    note = question.notes.get(is_event=False)
    assert note.author == staff["cadre"]
    Note.objects.create(question=question, text="Ghi tự động không có người ghi.", is_event=True)
    edit = client.get(url("edit", question)).content.decode()
    assert "đã gọi điện cho người hỏi" in edit
    assert "Hệ thống: Ghi tự động không có người ghi." in edit
    client.logout()
    public = client.get(feedback_page.url + f"cau-hoi/{question.pk}/").content.decode()
    assert "Trả lời công khai." in public
    assert "đã gọi điện" not in public
    response = client.post(url("note", question), {"text": "x"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_admin_lists_render(client, admin_user, question):
    client.force_login(admin_user)
    for name in (
        "feedback_topics:index",
        "feedback_ratings:index",
        "workday_calendar:index",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("workday_calendar:add")).status_code == 200


def test_ratings_are_never_added_in_the_admin(client, admin_user, ward):
    """Ratings come only from citizens' public form; the admin form has no score (a POST was a 500)."""
    from congphuong.feedback.models import Rating

    client.force_login(admin_user)  # a superuser: no role may add one
    client.raise_request_exception = False
    url = reverse("feedback_ratings:add")
    assert client.get(url).status_code in (302, 403)
    for body in ({}, {"comment": "Đánh giá tự thêm"}):
        assert client.post(url, body).status_code in (302, 403)
    assert not Rating.objects.exists()
    listing = client.get(reverse("feedback_ratings:index")).content.decode()
    assert url not in listing
