"""Forms of the back-office views (Vietnamese labels, NFC input)."""

import datetime
from decimal import Decimal

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from congphuong.core.forms import VisibleTextMixin
from congphuong.core.text import nfc

from .importer import KINDS
from .numbers import plain_number
from .uploads import check_evidence_file


class NFCFormMixin(VisibleTextMixin):
    def clean(self):
        cleaned = super().clean()
        for key, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[key] = nfc(value)
        return cleaned


def points_form_class(criteria_set, initial_points, which):
    """A form with one points field per indicator, named diem_<indicator id>."""
    fields = {}
    by_level = not getattr(criteria_set, "uses_points", True)
    for criterion in criteria_set.ordered_criteria():
        for indicator in criterion.indicators.all():
            if by_level:
                fields[f"diem_{indicator.pk}"] = level_field(indicator, initial_points.get(indicator.pk), which)
                continue
            fields[f"diem_{indicator.pk}"] = forms.DecimalField(
                label=f"{indicator.code}. {indicator.text}",
                required=False,
                min_value=Decimal(0),
                max_value=indicator.max_points,
                decimal_places=2,
                max_digits=6,
                initial=initial_points.get(indicator.pk),
                help_text=f"Tối đa {plain_number(indicator.max_points)} điểm"
                + ("; cần minh chứng" if indicator.evidence_required and which == "self" else ""),
                error_messages={
                    "invalid": "Hãy nhập một số.",
                    "max_value": f"Không được vượt quá {plain_number(indicator.max_points)} điểm.",
                    "min_value": "Điểm không được âm.",
                    "max_decimal_places": "Tối đa %(max)s chữ số sau dấu phẩy.",
                },
            )
    fields["note"] = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    return type("PointsForm", (NFCFormMixin, forms.Form), fields)


def level_field(indicator, initial, which):
    """Met / not met per level (Thông tư 25/2023): the highest level met is stored, never points."""
    levels = int(indicator.max_points)
    choices = [("", "Chưa đánh giá"), ("0", "Chưa đạt Mức 1")] + [
        (str(level), f"Đạt Mức {level}") for level in range(1, levels + 1)
    ]
    level2 = indicator.text_level2 or "như Mức 1"
    return forms.TypedChoiceField(
        label=f"{indicator.code}. Mức 1: {indicator.text}",
        choices=choices,
        coerce=Decimal,
        empty_value=None,
        required=False,
        initial=str(int(initial)) if initial is not None else "",
        help_text=f"Mức 2: {level2}" + ("; cần minh chứng" if indicator.evidence_required and which == "self" else ""),
        error_messages={"invalid_choice": "Hãy chọn một kết quả trong danh sách."},
    )


def points_from(form):
    return {
        int(name.removeprefix("diem_")): value for name, value in form.cleaned_data.items() if name.startswith("diem_")
    }


class EvidenceForm(NFCFormMixin, forms.Form):
    indicator = forms.TypedChoiceField(label="Cho chỉ số", coerce=int, required=False, empty_value=None)
    title = forms.CharField(label="Mô tả minh chứng", max_length=255)
    file = forms.FileField(label="Tệp", help_text="PDF, ảnh JPG/PNG, Word (.docx) hoặc Excel (.xlsx); tối đa 10 MB.")

    def __init__(self, *args, criteria_set=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Chung cho cả hồ sơ")]
        if criteria_set is not None:
            choices += [
                (indicator.pk, f"{indicator.code}. {indicator.text[:80]}") for indicator in criteria_set.indicators()
            ]
        self.fields["indicator"].choices = choices

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = check_evidence_file(upload)
        return upload


class ReviewForm(NFCFormMixin, forms.Form):
    note = forms.CharField(
        label="Ý kiến của khu phố",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bắt buộc khi trả lại hồ sơ: ghi rõ cần bổ sung gì.",
    )


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label="Loại danh sách", choices=[(key, label) for key, (label, _s) in KINDS.items()])
    site = forms.TypedChoiceField(label="Phường", coerce=int)
    file = forms.FileField(label="Tệp Excel (.xlsx)", help_text="Dùng tệp mẫu; tối đa 5 MB.")

    def __init__(self, *args, sites=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].choices = [(site.pk, site.site_name) for site in sites]


class NewVersionForm(NFCFormMixin, forms.Form):
    version = forms.CharField(label="Tên phiên bản mới", max_length=60, help_text="Ví dụ: 2026 (sửa đổi)")
    valid_from = forms.DateField(
        label="Hiệu lực từ ngày",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Ngày không hợp lệ; ghi theo dạng ngày/tháng/năm."},
    )
    close_current = forms.BooleanField(
        label="Cho phiên bản hiện tại hết hiệu lực từ ngày trước đó", required=False, initial=True
    )


class PeriodForm(forms.Form):
    tu = forms.DateField(
        label="Từ ngày",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Ngày bắt đầu không hợp lệ."},
    )
    den = forms.DateField(
        label="Đến ngày",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Ngày kết thúc không hợp lệ."},
    )

    def period(self, today=None):
        today = today or datetime.date.today()
        start, end = datetime.date(today.year, 1, 1), today
        if self.is_valid():
            start = self.cleaned_data.get("tu") or start
            end = self.cleaned_data.get("den") or end
        if end < start:
            start, end = end, start
        return start, end


class CriteriaSetForm(WagtailAdminModelForm):
    """Refuses changes to the criteria, indicators and thresholds of a version already used."""

    LOCKED_FIELDS = ("learning_model", "validity_months", "validity_years_after", "assessment")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from . import access

        user = getattr(self, "for_user", None)
        if "status" in self.fields and (user is None or not access.is_national_admin(user)):
            # Only an administrator confirms a set from its original text ("Dùng để công nhận").
            self.fields["status"].disabled = True
            self.fields[
                "status"
            ].help_text = (
                "Chỉ quản trị dùng chung chuyển bộ tiêu chí sang “Dùng để công nhận”, sau khi đối chiếu văn bản gốc."
            )

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        if instance.pk and instance.in_use:
            changed = [name for name in self.LOCKED_FIELDS if name in self.changed_data]
            formsets_changed = any(formset.has_changed() for formset in self.formsets.values())
            for formset in self.formsets.values():
                for form in formset.forms:
                    nested = getattr(form, "formsets", {})
                    formsets_changed = formsets_changed or any(child.has_changed() for child in nested.values())
            if changed or formsets_changed:
                raise forms.ValidationError(
                    "Bộ tiêu chí này đã được dùng để đánh giá "
                    f"{instance.registrations.count()} hồ sơ nên không sửa được tiêu chí, chỉ số, điểm, ngưỡng "
                    "hay thời hạn công nhận. Chỉ sửa được tên, căn cứ, ghi chú và ngày hết hiệu lực. "
                    "Muốn thay đổi, hãy dùng “Tạo phiên bản mới”."
                )
        return cleaned
