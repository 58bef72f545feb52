"""Which personal records are past their retention period (RetentionRule, one per kind).

Each kind says where its records are, which ward they belong to and from which date the period
counts. The periods are data (admin: "Thời hạn lưu giữ dữ liệu cá nhân"); seeded defaults are marked
unconfirmed until an administrator checks them against a regulation. Nothing is deleted here: the
officers review the list (`manage.py learning_retention`) and decide.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Max, Q
from django.utils import timezone

from .choices import DonorKind, RetentionKind


def cutoff(years: int, today: datetime.date) -> datetime.date:
    """The day `years` whole years before `today` (29/2 → 28/2)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def past_queryset(code: str, before: datetime.date):
    """Records of kind `code` whose period, counted from their reference date, ended before `before`."""
    from .models import Award, Citizen, Donor, ExportLog, Household, NameConsent, Registration

    if code == RetentionKind.HOUSEHOLD:
        return Household.objects.filter(removed=True, removed_on__lt=before)
    if code == RetentionKind.CITIZEN:
        # A citizen's last year in the programme ends on 31/12 of their last registration.
        return Citizen.objects.annotate(last_year=Max("registrations__year")).filter(last_year__lt=before.year)
    if code == RetentionKind.REGISTRATION:
        return Registration.objects.filter(year__lt=before.year)
    if code == RetentionKind.AWARD:
        return Award.objects.filter(awarded_on__lt=before)
    if code == RetentionKind.CONSENT:
        # Kept as proof while the award is kept; a withdrawn one from its withdrawal.
        return NameConsent.objects.filter(
            Q(withdrawn=True, withdrawn_at__date__lt=before) | Q(withdrawn=False, award__awarded_on__lt=before)
        )
    if code == RetentionKind.DONOR:
        return (
            Donor.objects.filter(kind=DonorKind.PERSON)
            .annotate(last_gift=Max("receipts__date"))
            .filter(last_gift__lt=before)
        )
    if code == RetentionKind.EXPORT_LOG:
        return ExportLog.objects.filter(at__date__lt=before)
    raise ValueError(code)


# How each kind's date is explained to officers (the seeded rules copy it into "Tính từ").
COUNTED_FROM = {
    RetentionKind.HOUSEHOLD: "Ngày hộ được đánh dấu đã chuyển đi / xóa khỏi sổ",
    RetentionKind.CITIZEN: "Ngày 31/12 của năm đăng ký cuối cùng",
    RetentionKind.REGISTRATION: "Ngày 31/12 của năm đăng ký",
    RetentionKind.AWARD: "Ngày trao",
    RetentionKind.CONSENT: "Ngày rút lại đồng ý; nếu chưa rút lại: ngày trao khen thưởng",
    RetentionKind.DONOR: "Ngày đóng góp cuối cùng",
    RetentionKind.EXPORT_LOG: "Ngày xuất dữ liệu",
}


@dataclass
class Overdue:
    rule: object
    count: int
    records: list


def overdue(site_ids=None, today: datetime.date | None = None, with_records=False) -> list[Overdue]:
    """Per rule, the records past it in the wards `site_ids` (None: every ward)."""
    from . import access
    from .models import RetentionRule

    today = today or timezone.localdate()
    result = []
    for rule in RetentionRule.objects.order_by("kind"):
        queryset = past_queryset(rule.kind, cutoff(rule.years, today))
        if site_ids is not None:
            field = access.site_field_of(queryset.model)
            queryset = queryset.filter(**{f"{field}__in": site_ids}).distinct()
        records = list(queryset.order_by("pk")) if with_records else []
        result.append(Overdue(rule, len(records) if with_records else queryset.count(), records))
    return result


def reference_date(kind: str, record):
    """The date a record's period counts from (for the command's listing)."""
    if kind == RetentionKind.HOUSEHOLD:
        return record.removed_on
    if kind == RetentionKind.CITIZEN:
        return datetime.date(record.last_year, 12, 31)
    if kind == RetentionKind.REGISTRATION:
        return datetime.date(record.year, 12, 31)
    if kind == RetentionKind.AWARD:
        return record.awarded_on
    if kind == RetentionKind.CONSENT:
        return timezone.localdate(record.withdrawn_at) if record.withdrawn_at else record.award.awarded_on
    if kind == RetentionKind.DONOR:
        return record.last_gift
    if kind == RetentionKind.EXPORT_LOG:
        return timezone.localdate(record.at)
    raise ValueError(kind)


def record_site_ids(record) -> list[int]:
    from .models import ExportLog

    if isinstance(record, ExportLog):
        return sorted(record.sites.values_list("pk", flat=True))
    return [record.site_id]
