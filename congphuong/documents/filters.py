"""The "Văn bản" list: filters in the query string, facet counts, sort and pagination (the shared
part, and how bad values are handled: core/listing.py). The number of queries does not depend on the
number of documents (one per facet, plus the page of results and its count).
"""

from functools import cached_property

from django import forms
from django.db.models import Count, F
from django.db.models.functions import ExtractYear
from django.utils import timezone

from congphuong.core.listing import MAX_QUERY_LENGTH, FilteredListing

from .models import DocumentSector, DocumentType, Issuer, LegalStatus

SORTS = {
    "moi-nhat": ("Ngày ban hành: mới nhất", (F("issued_on").desc(), F("number_sort").desc(nulls_last=True), "-pk")),
    "cu-nhat": ("Ngày ban hành: cũ nhất", ("issued_on", F("number_sort").asc(nulls_last=True), "pk")),
    "so-ky-hieu": ("Số/ký hiệu", (F("number_sort").asc(nulls_last=True), "number", "-issued_on", "pk")),
}
DEFAULT_SORT = "moi-nhat"


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label="Số ký hiệu hoặc trích yếu", required=False, max_length=MAX_QUERY_LENGTH)
    loai = forms.ModelChoiceField(
        label="Loại văn bản", queryset=DocumentType.objects.all(), to_field_name="slug", required=False
    )
    co_quan = forms.ModelChoiceField(
        label="Cơ quan ban hành", queryset=Issuer.objects.all(), to_field_name="slug", required=False
    )
    linh_vuc = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=DocumentSector.objects.all(), to_field_name="slug", required=False
    )
    nam = forms.IntegerField(label="Năm ban hành", required=False, min_value=1945, max_value=2100)
    trang_thai = forms.ChoiceField(label="Tình trạng hiệu lực", required=False, choices=LegalStatus.choices)
    sap_xep = forms.ChoiceField(
        label="Sắp xếp theo", required=False, choices=[(key, label) for key, (label, _order) in SORTS.items()]
    )

    FACETS = ("loai", "co_quan", "linh_vuc", "nam", "trang_thai")


class DocumentListing(FilteredListing):
    """Everything the template of the list needs, computed from the request."""

    form_class = DocumentFilterForm
    FILTERS = {
        "loai": "doc_type",
        "co_quan": "issuer",
        "linh_vuc": "sectors",
        "nam": "issued_on__year",
        "trang_thai": "legal_status",
    }
    NOT_FILTERS = ("sap_xep",)

    def __init__(self, request, documents, today=None):
        self.today = today or timezone.localdate()
        super().__init__(request, documents.with_status(self.today))
        self.facets_active = bool(set(self.values) - {"q"})

    @property
    def sort(self):
        return self.values.get("sap_xep") or DEFAULT_SORT

    def ordered(self, queryset):
        return queryset.select_related("doc_type", "issuer").order_by(*SORTS[self.sort][1])

    # --- facets: the options of each filter with their counts under the other filters ---

    def _options(self, name, rows, selected):
        options = [
            {"value": str(value), "label": label, "count": count, "selected": str(value) == selected}
            for value, label, count in rows
            if value is not None
        ]
        if selected and not any(option["selected"] for option in options):
            label = dict(self.form.fields[name].choices).get(selected, selected) if name == "trang_thai" else None
            selected_obj = self.values.get(name)
            options.insert(
                0,
                {"value": selected, "label": label or str(selected_obj), "count": 0, "selected": True},
            )
        return options

    def _grouped(self, name, value_field, label_field, order):
        rows = (
            self._filtered(self.base, skip=name)
            .order_by()
            .values(value_field, label_field, order)
            .annotate(n=Count("pk", distinct=True))
            .order_by(order, label_field)
        )
        return [(row[value_field], row[label_field], row["n"]) for row in rows]

    def _selected(self, name):
        value = self.values.get(name)
        if value is None:
            return ""
        return getattr(value, "slug", None) or str(value)

    def facets(self):
        facets = {
            "loai": self._grouped("loai", "doc_type__slug", "doc_type__name", "doc_type__sort_order"),
            "co_quan": self._grouped("co_quan", "issuer__slug", "issuer__name", "issuer__sort_order"),
            "linh_vuc": self._grouped("linh_vuc", "sectors__slug", "sectors__name", "sectors__sort_order"),
        }
        years = (
            self._filtered(self.base, skip="nam")
            .order_by()
            .annotate(year=ExtractYear("issued_on"))
            .values("year")
            .annotate(n=Count("pk"))
            .order_by("-year")
        )
        facets["nam"] = [(row["year"], str(row["year"]), row["n"]) for row in years]
        statuses = dict(
            self._filtered(self.base, skip="trang_thai")
            .order_by()
            .values("legal_status")
            .annotate(n=Count("pk"))
            .values_list("legal_status", "n")
        )
        facets["trang_thai"] = [(value, label, statuses.get(value, 0)) for value, label in LegalStatus.choices]
        return {name: self._options(name, rows, self._selected(name)) for name, rows in facets.items()}

    @cached_property
    def filters(self):
        """Facets with their labels, in form order, for the template."""
        facets = self.facets()
        return [
            {"name": name, "label": DocumentFilterForm.base_fields[name].label, "options": facets[name]}
            for name in DocumentFilterForm.FACETS
        ]

    @property
    def sorts(self):
        return [{"value": key, "label": label, "selected": key == self.sort} for key, (label, _order) in SORTS.items()]
