"""The yearly cycle as a state machine. Each step checks where the registration stands,
stores the step in RegistrationEvent and raises TransitionError with a Vietnamese message.

    Đã đăng ký ──tự đánh giá──▶ Đã tự đánh giá ──khu phố xem xét──▶ Khu phố đã xem xét
        ▲                           │  (trả lại để bổ sung)                 │
        └───────────────────────────┘                                       ▼
    Được công nhận / Không được công nhận ◀──quyết định── Hội đồng đã chấm điểm

Models without a khu phố step (the khu phố itself, units, the ward) go from
self-assessment straight to the council.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from .choices import LearningModel, Status
from .models import Evidence, Registration, RegistrationEvent, Score
from .scoring import evaluate

QUARTER_REVIEW_MODELS = {LearningModel.FAMILY, LearningModel.CLAN, LearningModel.CITIZEN}


class TransitionError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def needs_quarter_review(registration) -> bool:
    return registration.learning_model in QUARTER_REVIEW_MODELS


def _move(registration, user, to_status, note=""):
    from_status = registration.status
    registration.status = to_status
    registration.save()
    RegistrationEvent.objects.create(
        registration=registration, user=user, from_status=from_status, to_status=to_status, note=note
    )


def _require(registration, *statuses):
    if registration.status not in statuses:
        allowed = ", ".join(f"“{Status(s).label}”" for s in statuses)
        raise TransitionError(
            f"Hồ sơ đang ở bước “{registration.get_status_display()}”; bước này chỉ làm được khi hồ sơ ở {allowed}."
        )


def _store_points(registration, points, attr):
    indicators = {indicator.pk: indicator for indicator in registration.criteria_set.indicators()}
    unknown = set(points) - set(indicators)
    if unknown:
        raise TransitionError("Có chỉ số không thuộc bộ tiêu chí của hồ sơ.")
    existing = {score.indicator_id: score for score in registration.scores.all()}
    for indicator_id, value in points.items():
        indicator = indicators[indicator_id]
        if value is not None:
            value = Decimal(value)
            if not (Decimal(0) <= value <= indicator.max_points):
                raise TransitionError(
                    f"Điểm chỉ số {indicator.code} phải từ 0 đến {indicator.max_points.normalize():f}."
                )
        score = existing.get(indicator_id) or Score(registration=registration, indicator=indicator)
        setattr(score, attr, value)
        score.save()


def missing_evidence(registration) -> list[str]:
    """Codes of indicators that require evidence and have none."""
    covered = set(
        Evidence.objects.filter(registration=registration, indicator__isnull=False).values_list(
            "indicator_id", flat=True
        )
    )
    return [
        indicator.code
        for indicator in registration.criteria_set.indicators()
        if indicator.evidence_required and indicator.pk not in covered
    ]


@transaction.atomic
def save_self_assessment(registration, user, points: dict, submit=False, note=""):
    """Store the self-scored points; with submit=True send the dossier on (all points and evidence needed)."""
    _require(registration, Status.REGISTERED)
    _store_points(registration, points, "self_points")
    evaluation = evaluate(registration.criteria_set, registration.score_map("self"), registration.disadvantaged_area)
    registration.self_total = evaluation.total
    if not submit:
        registration.save()
        return evaluation
    if not evaluation.complete:
        raise TransitionError(f"Chưa tự chấm đủ các chỉ số: {', '.join(evaluation.missing)}.")
    lacking = missing_evidence(registration)
    if lacking:
        raise TransitionError(f"Chưa có minh chứng cho chỉ số bắt buộc: {', '.join(lacking)}.")
    _move(registration, user, Status.SELF_ASSESSED, note)
    return evaluation


@transaction.atomic
def quarter_review(registration, user, approve: bool, note=""):
    if not needs_quarter_review(registration):
        raise TransitionError("Mô hình này không qua bước khu phố xem xét.")
    _require(registration, Status.SELF_ASSESSED)
    registration.quarter_note = note
    if approve:
        _move(registration, user, Status.QUARTER_REVIEWED, note)
    else:
        if not note.strip():
            raise TransitionError("Khi trả lại hồ sơ, hãy ghi rõ cần bổ sung gì.")
        _move(registration, user, Status.REGISTERED, note)


@transaction.atomic
def council_score(registration, user, points: dict, note=""):
    if needs_quarter_review(registration):
        _require(registration, Status.QUARTER_REVIEWED)
    else:
        _require(registration, Status.SELF_ASSESSED)
    _store_points(registration, points, "council_points")
    evaluation = evaluate(registration.criteria_set, registration.score_map("council"), registration.disadvantaged_area)
    if not evaluation.complete:
        raise TransitionError(f"Hội đồng chưa chấm đủ các chỉ số: {', '.join(evaluation.missing)}.")
    registration.council_total = evaluation.total
    registration.level = evaluation.level
    registration.level_name = evaluation.level.name if evaluation.level else ""
    registration.council_note = note
    _move(registration, user, Status.SCORED, note)
    return evaluation


@transaction.atomic
def recognise(decision, registrations, user):
    """Apply a decision: scored registrations with a level are recognised, the others are not.

    Returns (recognised, not_recognised) lists.
    """
    registrations = list(registrations)
    for registration in registrations:
        _require(registration, Status.SCORED)
        if registration.level_id and registration.criteria_set.is_draft:
            # A draft set (its text not checked against the original) cannot ground a recognition.
            raise TransitionError(registration.criteria_set.draft_reason())
        if registration.level_id and registration.criteria_expired:
            # Assessed on purpose under an expired set: a provisional assessment, never a recognition.
            raise TransitionError(registration.criteria_set.expired_reason(registration.registered_on))
        if (registration.site_id, registration.year, registration.learning_model) != (
            decision.site_id,
            decision.year,
            decision.learning_model,
        ):
            raise TransitionError(
                f"Hồ sơ “{registration.subject_name}” không cùng phường, năm hoặc mô hình với quyết định."
            )
        if registration.learning_model == LearningModel.WARD:
            _check_higher_body_decision(decision, registration)
    already = Registration.objects.filter(decision__site=decision.site, decision__year=decision.year).count()
    recognised, not_recognised = [], []
    for registration in sorted(registrations, key=lambda r: (r.quarter_id or 0, r.subject_name)):
        if registration.learning_model == LearningModel.WARD:
            # The ward's council only proposed; the level above's decision sets the level (or refuses).
            registration.proposed_level_name = registration.level_name
            registration.level = decision.granted_level
            registration.level_name = decision.granted_level.name if decision.granted_level else ""
            if decision.refuses:
                reason = decision.refusal_reason.strip()
                _move(
                    registration,
                    user,
                    Status.NOT_RECOGNISED,
                    f"Cơ quan cấp trên không công nhận (quyết định số {decision.number}, "
                    f"phường đề nghị {registration.proposed_level_name or 'chưa đạt mức'})"
                    + (f": {reason}" if reason else "."),
                )
                not_recognised.append(registration)
                continue
        if registration.level_id:
            already += 1
            registration.decision = decision
            registration.valid_until = registration.criteria_set.valid_until(decision.year, decision.signed_on)
            registration.certificate_number = f"{already:03d}/{decision.year}"
            _move(registration, user, Status.RECOGNISED, f"Quyết định số {decision.number}")
            recognised.append(registration)
        else:
            _move(
                registration, user, Status.NOT_RECOGNISED, f"Không đạt ngưỡng; xét cùng quyết định số {decision.number}"
            )
            not_recognised.append(registration)
    return recognised, not_recognised


def _check_higher_body_decision(decision, registration):
    """TT 25/2023: the ward proposes, the level above decides and records the level it grants (or refuses)."""
    if decision.refuses:
        if decision.granted_level_id is not None:
            raise TransitionError("Quyết định không công nhận thì không ghi “Mức được công nhận”.")
    elif decision.granted_level_id is None:
        raise TransitionError(
            "Quyết định công nhận Cộng đồng học tập cấp xã phải ghi “Mức được công nhận” do cơ quan cấp trên "
            "quyết định (có thể khác mức phường đề nghị)."
        )
    elif decision.granted_level.criteria_set_id != registration.criteria_set_id:
        raise TransitionError("Mức được công nhận không thuộc bộ tiêu chí của hồ sơ.")
    if not registration.dossier_sent_on:
        raise TransitionError(
            "Chưa ghi ngày gửi hồ sơ lên cấp trên: phường chỉ đề nghị mức, cơ quan cấp trên xét và công nhận."
        )


def expiring(site=None, within_days=60, today=None):
    """Recognitions whose validity ends within `within_days` days from `today` (already-expired ones excluded)."""
    today = today or datetime.date.today()
    queryset = Registration.objects.recognised().filter(
        valid_until__gte=today, valid_until__lte=today + datetime.timedelta(days=within_days)
    )
    if site is not None:
        queryset = queryset.filter(site=site)
    return queryset.select_related("site", "quarter", "decision").order_by("valid_until", "subject_name")
