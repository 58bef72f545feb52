"""The yearly cycle end to end through the back office, and the reminders."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from congphuong.learning import workflow
from congphuong.learning.choices import LearningModel, Status
from congphuong.learning.models import Evidence, ExportLog, RecognitionDecision, Registration
from congphuong.learning.storage import private_storage

from .factories import HouseholdFactory, leader, make_criteria_set, officer, points_by_code

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _points(criteria_set, values):
    return {f"diem_{pk}": str(value) for pk, value in points_by_code(criteria_set, values).items()}


def _messages(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


@pytest.fixture
def setup(ward):
    criteria_set = make_criteria_set(valid_from=datetime.date(2020, 1, 1))
    household = HouseholdFactory(site=ward, head_name="Nguyễn Văn Thử")
    weak = HouseholdFactory(site=ward, quarter=household.quarter, head_name="Trần Thị Yếu")
    return criteria_set, household, weak


def test_cycle_end_to_end(client, ward, setup):
    criteria_set, household, weak = setup
    cadre, boss = officer(), leader()
    client.force_login(cadre)

    # Registration through the admin form: the criteria version is picked by date.
    response = client.post(
        reverse("learning_registration:add"),
        {
            "site": ward.pk,
            "year": 2025,
            "learning_model": LearningModel.FAMILY,
            "registered_on": "2025-03-01",
            "household": household.pk,
            "note": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    registration = Registration.objects.get(household=household, year=2025)
    assert registration.criteria_set == criteria_set
    assert registration.subject_name == "Hộ Nguyễn Văn Thử" and registration.quarter == household.quarter
    assert registration.status == Status.REGISTERED

    detail = reverse("learning_registration", args=[registration.pk])
    assert "Hộ Nguyễn Văn Thử" in client.get(detail).content.decode()

    # Submitting without the required evidence is refused with a Vietnamese message.
    self_url = reverse("learning_self_assessment", args=[registration.pk])
    good = {"1.1": 9, "1.2": 8, "2.1": 16}
    response = client.post(self_url, {**_points(criteria_set, good), "gui": "1"})
    assert "Chưa có minh chứng cho chỉ số bắt buộc: 1.1." in _messages(response)
    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED and registration.self_total == Decimal(33)

    # Evidence: type read from the content; a PNG named .pdf and an executable are refused.
    indicator = criteria_set.indicators().get(code="1.1")
    upload_url = reverse("learning_evidence_upload", args=[registration.pk])
    response = client.post(
        upload_url,
        {"indicator": indicator.pk, "title": "Ảnh giả", "file": SimpleUploadedFile("anh.pdf", PNG)},
        follow=True,
    )
    assert any("không khớp" in message for message in _messages(response))
    response = client.post(
        upload_url,
        {"indicator": indicator.pk, "title": "Tệp lạ", "file": SimpleUploadedFile("virus.exe", b"MZ\x90\x00" * 10)},
        follow=True,
    )
    assert any("Chỉ nhận tệp PDF" in message for message in _messages(response))
    assert not Evidence.objects.exists()
    client.post(
        upload_url,
        {
            "indicator": indicator.pk,
            "title": "Xác nhận của nhà trường",
            "file": SimpleUploadedFile("xac-nhan.pdf", PDF),
        },
    )
    evidence = Evidence.objects.get()
    assert evidence.content_type == "application/pdf" and private_storage.exists(evidence.file.name)
    download = client.get(reverse("learning_evidence", args=[registration.pk, evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert ExportLog.objects.get().what == "Minh chứng: Xác nhận của nhà trường"

    response = client.post(self_url, {**_points(criteria_set, good), "gui": "1"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.SELF_ASSESSED

    # Khu phố review: returning needs a note; approving moves on.
    review_url = reverse("learning_quarter_review", args=[registration.pk])
    response = client.post(review_url, {"tra_lai": "1", "note": ""})
    assert "Khi trả lại hồ sơ, hãy ghi rõ cần bổ sung gì." in _messages(response)
    client.post(review_url, {"dong_y": "1", "note": "Đúng thực tế"})
    registration.refresh_from_db()
    assert registration.status == Status.QUARTER_REVIEWED and registration.quarter_note == "Đúng thực tế"

    # Ward council scores.
    council_url = reverse("learning_council_score", args=[registration.pk])
    over = client.post(council_url, _points(criteria_set, {"1.1": 11, "1.2": 8, "2.1": 16}))
    assert "Không được vượt quá 10 điểm." in over.content.decode()
    client.post(council_url, _points(criteria_set, {"1.1": 9, "1.2": 7, "2.1": 15}))
    registration.refresh_from_db()
    assert registration.status == Status.SCORED
    assert registration.council_total == Decimal(31) and registration.level_name == "Đạt"

    # A second household that stays below the threshold.
    low = Registration.objects.create(
        site=ward, year=2025, learning_model=LearningModel.FAMILY, household=weak, criteria_set=criteria_set
    )
    Evidence.objects.create(registration=low, indicator=indicator, title="Giấy xác nhận")
    workflow.save_self_assessment(low, cadre, points_by_code(criteria_set, {"1.1": 5, "1.2": 5, "2.1": 8}), submit=True)
    workflow.quarter_review(low, cadre, approve=True)
    workflow.council_score(low, cadre, points_by_code(criteria_set, {"1.1": 5, "1.2": 5, "2.1": 8}))

    # The officer cannot apply a decision; the leader can.
    decision = RecognitionDecision.objects.create(
        site=ward,
        year=2025,
        learning_model=LearningModel.FAMILY,
        number="125/QĐ-UBND",
        signed_on=datetime.date(2025, 12, 15),
        signer_name="Lê Văn Ký",
        signer_title="Chủ tịch UBND phường",
    )
    apply_url = reverse("learning_decision_apply", args=[decision.pk])
    assert client.get(apply_url).status_code == 403
    client.force_login(boss)
    page = client.get(apply_url).content.decode()
    assert "Hộ Nguyễn Văn Thử" in page and "Hộ Trần Thị Yếu" in page
    response = client.post(apply_url, {"ho_so": [registration.pk, low.pk]})
    assert response.status_code == 302
    registration.refresh_from_db()
    low.refresh_from_db()
    assert registration.status == Status.RECOGNISED and registration.decision == decision
    assert registration.valid_until == datetime.date(2026, 12, 14)
    assert registration.certificate_number == "001/2025"
    assert low.status == Status.NOT_RECOGNISED and low.decision is None

    # After the decision only the note of the registration can still be edited.
    assert client.get(reverse("learning_registration:edit", args=[registration.pk])).status_code == 403  # leader
    client.force_login(cadre)
    edit = client.get(reverse("learning_registration:edit", args=[registration.pk]))
    assert edit.context["form"].fields["household"].disabled and not edit.context["form"].fields["note"].disabled
    client.force_login(boss)

    steps = list(registration.events.values_list("from_status", "to_status"))
    assert steps == [
        (Status.REGISTERED, Status.SELF_ASSESSED),
        (Status.SELF_ASSESSED, Status.QUARTER_REVIEWED),
        (Status.QUARTER_REVIEWED, Status.SCORED),
        (Status.SCORED, Status.RECOGNISED),
    ]

    # The certificate list, and its export logged.
    certificates = reverse("learning_certificates", args=[decision.pk])
    assert "Hộ Nguyễn Văn Thử" in client.get(certificates).content.decode()
    exported = client.get(certificates, {"export": "xlsx"})
    assert exported.status_code == 200
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(exported.content)).active
    assert [cell.value for cell in sheet[2]][:3] == [1, "001/2025", "Hộ Nguyễn Văn Thử"]
    log = ExportLog.objects.get(what__contains="125/QĐ-UBND")
    assert log.user == boss and log.file_format == "xlsx" and log.rows == 1 and log.personal_data
    assert "125/QĐ-UBND" in log.what


def test_steps_out_of_order_are_refused(ward, setup):
    criteria_set, household, _weak = setup
    registration = Registration.objects.create(
        site=ward, year=2025, learning_model=LearningModel.FAMILY, household=household, criteria_set=criteria_set
    )
    user = officer()
    with pytest.raises(workflow.TransitionError, match="Đã tự đánh giá"):
        workflow.quarter_review(registration, user, approve=True)
    with pytest.raises(workflow.TransitionError):
        workflow.council_score(registration, user, points_by_code(criteria_set, {"1.1": 1, "1.2": 1, "2.1": 1}))
    with pytest.raises(workflow.TransitionError, match="Chưa tự chấm đủ"):
        workflow.save_self_assessment(registration, user, points_by_code(criteria_set, {"1.1": 1}), submit=True)


def test_duplicate_registration_and_wrong_subject_are_refused(ward, setup):
    criteria_set, household, _weak = setup
    Registration.objects.create(site=ward, year=2025, learning_model=LearningModel.FAMILY, household=household)
    duplicate = Registration(site=ward, year=2025, learning_model=LearningModel.FAMILY, household=household)
    with pytest.raises(Exception, match="đã đăng ký năm 2025"):
        duplicate.full_clean()
    missing = Registration(site=ward, year=2025, learning_model=LearningModel.FAMILY)
    with pytest.raises(Exception, match="Hãy chọn đối tượng"):
        missing.full_clean()


def test_reminders_list_and_email(ward, setup):
    criteria_set, household, _weak = setup
    officer().save()
    Registration.objects.create(
        site=ward,
        year=2025,
        learning_model=LearningModel.FAMILY,
        household=household,
        criteria_set=criteria_set,
        status=Status.RECOGNISED,
        valid_until=datetime.date(2026, 12, 14),
    )
    out = io.StringIO()
    call_command("learning_reminders", days=30, today="2026-11-25", email=True, stdout=out)
    text = out.getvalue()
    assert "Hộ Nguyễn Văn Thử" in text and "14/12/2026" in text
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["canbo@example.vn"]
    assert "Hộ Nguyễn Văn Thử" in mail.outbox[0].body

    out = io.StringIO()
    call_command("learning_reminders", days=10, today="2026-11-25", stdout=out)
    assert "Không có công nhận nào hết hạn trong 10 ngày tới." in out.getvalue()
