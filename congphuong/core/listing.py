"""A public list with filters in the query string (documents, procedures): the shared part, and the
index page that shows one (`FilteredIndexPage`, template core/filtered_index_page.html).

Every parameter is optional and checked on its own by a Django form: a bad value is dropped with a
short Vietnamese note and the rest still applies, so a mangled link never gives an error page. The
free-text query is folded (``fold``: "dang ky khai sinh" finds "Đăng ký khai sinh") and each of its
words must occur in the rows' folded ``search_text``. A subclass names its form, says how each other
parameter filters (``FILTERS``: parameter → lookup, or a method ``filter_<name>``) and builds its facets
with ``_filtered(…, skip=name)``: the counts of one filter's options under all the other filters.
"""

from __future__ import annotations

from django import forms
from django.db import models
from wagtail.admin.panels import FieldPanel

from .models import BasePage
from .pagination import paginate
from .text import fold, nfc

PER_PAGE = 20
MAX_QUERY_LENGTH = 200


class FilteredListing:
    form_class: type[forms.Form]
    # Parameter → queryset lookup; a parameter missing here is filtered by the method filter_<name>.
    FILTERS: dict[str, str] = {}
    # Parameters that choose how to show the list, not which rows: not counted as a filter.
    NOT_FILTERS: tuple[str, ...] = ()

    def __init__(self, request, rows):
        fields = self.form_class.base_fields
        raw = {key: nfc(value.strip()) for key, value in request.GET.items() if key in fields}
        raw = {key: value for key, value in raw.items() if value}
        form = self.form_class(raw)
        form.is_valid()
        self.form = form
        self.values = {key: value for key, value in form.cleaned_data.items() if value not in (None, "")}
        self.notes = [self._note(name, raw.get(name, "")) for name in form.errors]
        self.raw = {key: value for key, value in raw.items() if key not in form.errors}
        self.base = rows
        self.active = bool(set(self.values) - set(self.NOT_FILTERS))
        self.page = paginate(request, self.ordered(self._filtered(rows)), per_page=PER_PAGE)

    def ordered(self, queryset):
        """The filtered rows with what the template shows of each, in the list's order."""
        return queryset

    def _note(self, name, value) -> str:
        if name == "q":
            return f"Từ khóa tìm kiếm dài quá {MAX_QUERY_LENGTH} ký tự nên đã được bỏ qua."
        label = self.form_class.base_fields[name].label
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"Giá trị «{shown}» của mục «{label}» không hợp lệ nên đã được bỏ qua."

    def _filtered(self, queryset, skip=None):
        """`queryset` under every filter in force but `skip` (the facet being counted)."""
        for name, value in self.values.items():
            if name == skip or name in self.NOT_FILTERS:
                continue
            if name == "q":
                for word in fold(value).split():
                    queryset = queryset.filter(search_text__contains=word)
            elif name in self.FILTERS:
                queryset = queryset.filter(**{self.FILTERS[name]: value})
            else:
                queryset = getattr(self, f"filter_{name}")(queryset, value)
        return queryset

    @property
    def query(self):
        return self.values.get("q", "")


class FilteredIndexPage(BasePage):
    """The ward's one searchable, filterable list of its child pages of one kind (Văn bản, Thủ tục hành
    chính) under its home page. A subclass says which rows (`get_listing`) and what one row is called
    (`row_noun`: "Có 12 văn bản."); its template extends core/filtered_index_page.html."""

    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    row_noun = ""

    class Meta:
        abstract = True

    def get_listing(self, request, context) -> FilteredListing:
        """The list for `request`; `context` may take what else the template shows."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.get_listing(request, context)
        return context
