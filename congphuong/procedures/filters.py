"""The procedures catalogue: diacritic-insensitive search, lĩnh vực and cách thức filters, pages.

"dang ky khai sinh", "Đăng ký khai sinh" and "ĐĂNG KÝ KHAI SINH" find the same procedures:
the query is folded (``fold``) and each word must occur in the folded ``search_text``.
Bad parameter values are dropped with a Vietnamese note; the query count is fixed.
"""

from functools import cached_property

from django import forms
from django.db.models import Count, Exists, OuterRef

from congphuong.core.text import fold, nfc
from congphuong.news.models import paginate

from .models import Channel, ProcedureChannel, ProcedureSector

PER_PAGE = 20
MAX_QUERY_LENGTH = 200


class ProcedureFilterForm(forms.Form):
    q = forms.CharField(label="Tên hoặc mã thủ tục", required=False, max_length=MAX_QUERY_LENGTH)
    linh_vuc = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=ProcedureSector.objects.all(), to_field_name="slug", required=False
    )
    cach_thuc = forms.ChoiceField(label="Cách thức thực hiện", required=False, choices=Channel.choices)


class ProcedureListing:
    def __init__(self, request, procedures):
        raw = {key: nfc(value.strip()) for key, value in request.GET.items() if key in ProcedureFilterForm.base_fields}
        raw = {key: value for key, value in raw.items() if value}
        form = ProcedureFilterForm(raw)
        form.is_valid()
        self.form = form
        self.values = {key: value for key, value in form.cleaned_data.items() if value not in (None, "")}
        self.notes = [self._note(name, raw.get(name, "")) for name in form.errors]
        self.base = procedures
        channel_flags = {
            f"has_{kind.replace('-', '_')}": Exists(ProcedureChannel.objects.filter(page=OuterRef("pk"), kind=kind))
            for kind in Channel.values
        }
        results = (
            self._filtered(procedures)
            .select_related("sector")
            .annotate(**channel_flags)
            .order_by("sector__sort_order", "sector__name", "search_text", "pk")
        )
        self.page = paginate(request, results, per_page=PER_PAGE)
        self.active = bool(self.values)

    def _note(self, name, value):
        if name == "q":
            return f"Từ khóa tìm kiếm dài quá {MAX_QUERY_LENGTH} ký tự nên đã được bỏ qua."
        label = ProcedureFilterForm.base_fields[name].label
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"Giá trị «{shown}» của mục «{label}» không hợp lệ nên đã được bỏ qua."

    def _filtered(self, queryset, skip=None):
        values = self.values
        if values.get("q") and skip != "q":
            for word in fold(values["q"]).split():
                queryset = queryset.filter(search_text__contains=word)
        if "linh_vuc" in values and skip != "linh_vuc":
            queryset = queryset.filter(sector=values["linh_vuc"])
        if "cach_thuc" in values and skip != "cach_thuc":
            queryset = queryset.filter(
                Exists(ProcedureChannel.objects.filter(page=OuterRef("pk"), kind=values["cach_thuc"]))
            )
        return queryset

    @cached_property
    def filters(self):
        selected_sector = getattr(self.values.get("linh_vuc"), "slug", "")
        sectors = (
            self._filtered(self.base, skip="linh_vuc")
            .order_by()
            .values("sector__slug", "sector__name", "sector__sort_order")
            .annotate(n=Count("pk"))
            .order_by("sector__sort_order", "sector__name")
        )
        sector_options = [
            {"value": row["sector__slug"], "label": row["sector__name"], "count": row["n"]} for row in sectors
        ]
        if selected_sector and selected_sector not in {option["value"] for option in sector_options}:
            sector_options.insert(0, {"value": selected_sector, "label": self.values["linh_vuc"].name, "count": 0})

        counts = dict(
            ProcedureChannel.objects.filter(page__in=self._filtered(self.base, skip="cach_thuc").values("pk"))
            .order_by()
            .values("kind")
            .annotate(n=Count("page", distinct=True))
            .values_list("kind", "n")
        )
        channel_options = [
            {"value": value, "label": label, "count": counts.get(value, 0)} for value, label in Channel.choices
        ]
        selected_channel = self.values.get("cach_thuc", "")
        for options, selected in ((sector_options, selected_sector), (channel_options, selected_channel)):
            for option in options:
                option["selected"] = option["value"] == selected
        return [
            {"name": "linh_vuc", "label": "Lĩnh vực", "options": sector_options},
            {"name": "cach_thuc", "label": "Cách thức thực hiện", "options": channel_options},
        ]

    @property
    def query(self):
        return self.values.get("q", "")
