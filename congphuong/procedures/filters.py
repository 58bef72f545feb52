"""The procedures catalogue: diacritic-insensitive search, lĩnh vực and cách thức filters, pages
(the shared part, and how bad values are handled: core/listing.py). The query count is fixed."""

from functools import cached_property

from django import forms
from django.db.models import Count, Exists, OuterRef

from congphuong.core.listing import MAX_QUERY_LENGTH, FilteredListing

from .models import Channel, ProcedureChannel, ProcedureSector


class ProcedureFilterForm(forms.Form):
    q = forms.CharField(label="Tên hoặc mã thủ tục", required=False, max_length=MAX_QUERY_LENGTH)
    linh_vuc = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=ProcedureSector.objects.all(), to_field_name="slug", required=False
    )
    cach_thuc = forms.ChoiceField(label="Cách thức thực hiện", required=False, choices=Channel.choices)


class ProcedureListing(FilteredListing):
    form_class = ProcedureFilterForm
    FILTERS = {"linh_vuc": "sector"}

    def ordered(self, queryset):
        channel_flags = {
            f"has_{kind.replace('-', '_')}": Exists(ProcedureChannel.objects.filter(page=OuterRef("pk"), kind=kind))
            for kind in Channel.values
        }
        return (
            queryset.select_related("sector")
            .annotate(**channel_flags)
            .order_by("sector__sort_order", "sector__name", "search_text", "pk")
        )

    def filter_cach_thuc(self, queryset, kind):
        return queryset.filter(Exists(ProcedureChannel.objects.filter(page=OuterRef("pk"), kind=kind)))

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
