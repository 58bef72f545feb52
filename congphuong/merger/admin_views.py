"""Back office for the city's IT team (superusers): "Sáp nhập phường" — the same as `manage.py merge_wards`.

Pick the old wards and the new one (and, for a split ward, the other successors), see the dry-run
report, confirm to run. The same permission as "Thêm phường" (units/admin_views.py).
"""

from django import forms
from django.contrib import messages
from wagtail.models import Site

from congphuong.units.admin_views import CityAdminFormView, may_add_wards

from .merge import MergeRefused, merge_planned, plan, record_failure


def may_merge_wards(user) -> bool:
    return may_add_wards(user)


def _choices():
    return [
        (site.hostname, f"{site.site_name or site.hostname} ({site.hostname})")
        for site in Site.objects.order_by("site_name", "hostname")
    ]


class MergeForm(forms.Form):
    old = forms.MultipleChoiceField(
        label="Phường cũ",
        widget=forms.CheckboxSelectMultiple,
        help_text="Các phường có cổng sẽ sáp nhập vào phường mới.",
        error_messages={"required": "Vui lòng chọn ít nhất một phường cũ."},
    )
    into = forms.ChoiceField(label="Phường mới", error_messages={"required": "Vui lòng chọn phường mới."})
    split_to = forms.MultipleChoiceField(
        label="Phường mới khác nhận một phần địa bàn (phường cũ bị chia)",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Nội dung vẫn về phường mới ở trên; các phường này nhận ghi chú kèm liên kết tới kho lưu trữ.",
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = _choices()
        for name in ("old", "into", "split_to"):
            self.fields[name].choices = choices

    def clean(self):
        data = super().clean()
        into = data.get("into")
        if into and into in (data.get("old") or []):
            raise forms.ValidationError("Phường mới không thể đồng thời là phường cũ.")
        return data


class MergeWardsView(CityAdminFormView):
    template_name = "merger/admin/merge_wards.html"
    form_class = MergeForm
    page_title = "Sáp nhập phường"

    def form_valid(self, form):
        data = form.cleaned_data
        old, into, split_to = data["old"], data["into"], data["split_to"]
        try:
            report = plan(old, into, split_to)
        except MergeRefused as problem:
            form.add_error(None, str(problem))
            return self.form_invalid(form)
        if not data.get("confirm") or report.conflicts or report.done:
            confirm = form.data.copy()
            confirm["confirm"] = "True"
            return self.render_to_response(
                self.get_context_data(
                    form=form, report=report, confirm_data=confirm, ready=not report.conflicts and not report.done
                )
            )
        try:
            result = merge_planned(report, user=self.request.user)
        except Exception as problem:  # noqa: BLE001 — rolled back: say why, keep the form
            record_failure(old, into, problem, user=self.request.user)
            form.add_error(None, f"Sáp nhập thất bại, đã hoàn tác, không thay đổi gì: {problem}")
            return self.form_invalid(form)
        messages.success(
            self.request, f"Đã sáp nhập {', '.join(w.name for w in result.plan.old)} vào {result.plan.new.site_name}."
        )
        return self.render_to_response(self.get_context_data(form=self.form_class(), result=result))
