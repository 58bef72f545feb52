"""/tim-kiem/ (the search page) and /tim-kiem/goi-y/ (title suggestions as JSON)."""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import Any

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from congphuong.core.language import is_english
from congphuong.core.routing import language_root
from congphuong.legacy.archive import archive_filter, origin_page_ids
from congphuong.serving import tracking
from congphuong.serving.tags import site_tag

from . import engine, registry
from .models import SearchDocument
from .province import province_wards
from .text import MAX_QUERY_LENGTH, MAX_QUERY_TOKENS, TOKEN_RE, parse_query

AUTOCOMPLETE_TTL = 60
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(value: str) -> str:
    return _CONTROL_RE.sub(" ", value or "").strip()


def _parse_date(value: str):
    value = _clean(value)[:20]
    if not value:
        return None, False
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date(), False
        except ValueError:
            continue
    return None, True


def _int(value: str):
    value = _clean(value)
    return int(value) if value.isdigit() and len(value) < 12 else None


def _format_count(count: int, cap: int) -> str:
    # Thousands separator: "2.000" in Vietnamese, "2,000" on /en/search/ (docs/english-section.md).
    separator = "," if is_english() else "."
    if count > cap:
        return _("hơn %(count)s") % {"count": f"{cap:,}".replace(",", separator)}
    return f"{count:,}".replace(",", separator)


def _search_root(site):
    """The home whose pages are searched: the ward's home, or its English home on /en/search/ (the
    English pages only; docs/english-section.md). None without a site or English section."""
    return language_root(site) if site is not None else None


def _query_message(raw_query: str) -> str:
    """Why nothing is searched for this query, or ""."""
    if not raw_query:
        return _("Hãy nhập từ khóa cần tìm, ví dụ: “khuyến học” hoặc “thu tuc ho khau”.")
    if len(raw_query) > MAX_QUERY_LENGTH:
        return _("Từ khóa quá dài (%(length)s ký tự). Hãy rút gọn dưới %(limit)s ký tự, chỉ giữ vài từ chính.") % {
            "length": _format_count(len(raw_query), 10**9),
            "limit": MAX_QUERY_LENGTH,
        }
    if not TOKEN_RE.search(raw_query):
        return _("Từ khóa cần có ít nhất một chữ cái hoặc chữ số.")
    return ""


def _date_filters(request, notes: list[str]):
    date_from, bad_from = _parse_date(request.GET.get("tu", ""))
    date_to, bad_to = _parse_date(request.GET.get("den", ""))
    if bad_from or bad_to:
        notes.append(_("Ngày không hợp lệ nên đã bỏ qua. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 18/05/2025."))
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    return date_from, date_to


def _selected_kind(request, kind_labels, notes: list[str]) -> str:
    selected_kind = _clean(request.GET.get("loai", ""))
    if selected_kind and selected_kind not in kind_labels:
        notes.append(_("Loại nội dung không hợp lệ nên đã bỏ qua."))
        selected_kind = ""
    return selected_kind


def _run_search(request, context, raw_query, root_id, filters, kinds, categories=()):
    """Search, then the page of results, the counts per filter and what the page says about them."""
    parsed = parse_query(raw_query)
    if len(TOKEN_RE.findall(raw_query)) > MAX_QUERY_TOKENS:
        context["messages_"].append(_("Chỉ tìm theo %(count)s từ đầu tiên.") % {"count": MAX_QUERY_TOKENS})
    outcome = engine.run(raw_query, root_id, filters)
    paginator = Paginator(outcome.ordered, engine.PER_PAGE)
    page = paginator.get_page(request.GET.get("trang", 1))
    kind_labels = dict(kinds)
    category_titles = dict(categories)
    kind_counts, category_counts = engine.facet_counts(outcome, filters, list(kind_labels), list(category_titles))
    selected_kind, selected_category = context["selected_kind"], context.get("selected_category")
    context.update(
        {
            "parsed": parsed,
            "outcome": outcome,
            "results": page,
            "hits": engine.hits_for_page(outcome, list(page.object_list)),
            "total_display": _format_count(outcome.total + outcome.total_capped, engine.COUNT_CAP),
            "truncated": outcome.total > outcome.shown,
            "kind_facets": [
                (kind, label, _format_count(kind_counts.get(kind, 0), engine.FACET_CAP))
                for kind, label in kinds
                if kind_counts.get(kind) or kind == selected_kind
            ],
            "category_facets": [
                (pk, title, _format_count(category_counts.get(pk, 0), engine.FACET_CAP))
                for pk, title in categories
                if category_counts.get(pk) or pk == selected_category
            ],
        }
    )
    # The first page of plain results may be indexed (a shared link to "?q=học bổng" is useful); empty,
    # filtered and deeper pages are an endless crawl space of near-duplicates: noindex.
    context["indexable"] = bool(outcome.total) and not context["has_filters"] and page.number == 1
    if not outcome.total:
        context["message"] = _("Không tìm thấy kết quả nào cho “%(query)s”.") % {"query": raw_query}
        if context["has_filters"]:
            context["message"] += " " + _("Hãy thử bỏ bớt điều kiện lọc.")
    return outcome


@require_GET
def search(request):
    site = Site.find_for_request(request)
    root = _search_root(site)
    # Results come from the raw SQL of the search index, which the page cache's ORM recording does not
    # see: the "search" tag, bumped whenever the index changes, purges them (docs/caching.md).
    tracking.add_tags("search")
    raw_query = _clean(request.GET.get("q", ""))
    notes: list[str] = []
    context: dict[str, Any] = {
        "search_query": raw_query[:MAX_QUERY_LENGTH],
        "messages_": notes,
        "results": None,
        "search_base": reverse("search"),
    }

    kinds = registry.kinds()
    selected_kind = _selected_kind(request, dict(kinds), notes)
    date_from, date_to = _date_filters(request, notes)
    categories = engine.category_choices(root) if root else []
    category_titles = dict(categories)
    selected_category = _int(request.GET.get("danh-muc", ""))
    if selected_category is not None and selected_category not in category_titles:
        selected_category = None
    archive = archive_filter(request, site)  # "Phường cũ" (docs/ward-merger.md)
    if archive.note:
        notes.append(archive.note)
    within = None
    if archive.selected is not None:  # "Phường cũ": only pages that came from that old ward
        from_old_ward = SearchDocument.objects.filter(
            source=registry.PAGE_KEY, object_id__in=origin_page_ids(site, archive.selected.name)
        ).values("sort_key")
        within = from_old_ward.query.sql_with_params()
    filters = engine.Filters(
        kinds=(selected_kind,) if selected_kind else (),
        category=selected_category,
        date_from=date_from,
        date_to=date_to,
        within=within,
    )
    context.update(
        {
            "kinds": kinds,
            "selected_kind": selected_kind,
            "categories": categories,
            "selected_category": selected_category,
            "date_from": date_from,
            "date_to": date_to,
            "archive": archive,
            "has_filters": bool(selected_kind or selected_category or date_from or date_to or archive.selected),
            # Links (facets, pages) are built from these checked values, not from the query string.
            "link_query": {
                "q": context["search_query"],
                "loai": selected_kind,
                "danh-muc": selected_category,
                "tu": date_from.isoformat() if date_from else "",
                "den": date_to.isoformat() if date_to else "",
                "phuong-cu": archive.selected.slug if archive.selected else "",
            },
        }
    )

    message = _query_message(raw_query)
    if root is None:
        message = _("Trang này chưa được gắn với phường nào nên chưa tìm kiếm được.")
    if message:
        context["message"] = message
        return render(request, "search/search.html", context)
    _run_search(request, context, raw_query, root.pk, filters, kinds, categories)
    return render(request, "search/search.html", context)


@require_GET
def search_province(request):
    """Every public ward of the install (docs/search.md, "Across the province"): the same results
    and filters as a ward's search, each hit with its ward, and a filter by ward."""
    tracking.add_tags("search")  # any ward's index change (as for a ward's search, above)
    raw_query = _clean(request.GET.get("q", ""))
    notes: list[str] = []
    context: dict[str, Any] = {
        "search_query": raw_query[:MAX_QUERY_LENGTH],
        "messages_": notes,
        "results": None,
        "province": True,
        "search_base": reverse("search_province"),
    }
    province = province_wards()
    # It names every ward: a ward's renamed settings purge its own `site:` tag only (docs/caching.md).
    tracking.add_tags(*(site_tag(ward.site_id) for ward in province.wards))
    kinds = registry.kinds()
    selected_kind = _selected_kind(request, dict(kinds), notes)
    date_from, date_to = _date_filters(request, notes)
    selected_ward = None
    ward_id = _int(request.GET.get("phuong", ""))
    if ward_id is not None:
        selected_ward = province.ward(ward_id)
        if selected_ward is None:
            notes.append(_("Không có phường, xã này trong danh sách nên đã tìm trên mọi phường, xã."))
    filters = engine.Filters(
        kinds=(selected_kind,) if selected_kind else (),
        date_from=date_from,
        date_to=date_to,
        scope_any=() if selected_ward else province.scope_any,
        scope_not=() if selected_ward else province.scope_not,
    )
    context.update(
        {
            "kinds": kinds,
            "selected_kind": selected_kind,
            "date_from": date_from,
            "date_to": date_to,
            "selected_ward": selected_ward,
            "has_filters": bool(selected_kind or date_from or date_to or selected_ward),
            "link_query": {
                "q": context["search_query"],
                "loai": selected_kind,
                "tu": date_from.isoformat() if date_from else "",
                "den": date_to.isoformat() if date_to else "",
                "phuong": selected_ward.site_id if selected_ward else "",
            },
        }
    )
    message = _query_message(raw_query)
    if not province.wards:
        message = _("Chưa có phường, xã nào để tìm kiếm.")
    if message:
        context["message"] = message
        return render(request, "search/search.html", context)
    outcome = _run_search(request, context, raw_query, selected_ward.root_id if selected_ward else None, filters, kinds)
    wards = {ward.site_id: ward for ward in province.wards}
    for hit in context["hits"]:
        hit.ward = wards.get(hit.document.site_id)
    # The same results answer on every ward's host: not for search engines to index 168 times over.
    context["indexable"] = False
    counts = engine.ward_counts(outcome)
    context["ward_facets"] = [
        (ward, _format_count(counts.get(ward.site_id, 0), engine.FACET_CAP) if counts is not None else "")
        for ward in province.wards
        if counts is None or counts.get(ward.site_id) or ward == selected_ward
    ]
    return render(request, "search/search.html", context)


@require_GET
def autocomplete(request):
    """Up to 8 titles for the query typed so far: {"q": …, "results": [{"title", "url", "kind"}]}."""
    site = Site.find_for_request(request)
    root = _search_root(site)
    raw_query = _clean(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
    parsed = parse_query(raw_query)
    results = []
    if root is not None and parsed:
        digest = hashlib.md5(" ".join(parsed.folded).encode(), usedforsecurity=False).hexdigest()
        cache_key = f"search:goi-y:{site.pk}:{root.pk}:{digest}"
        results = cache.get(cache_key)
        if results is None:
            results = engine.autocomplete(raw_query, root.pk)
            cache.set(cache_key, results, AUTOCOMPLETE_TTL)
        # The kinds are Vietnamese msgids of the public catalogue ("Trang" → "Page" under /en/).
        results = [{**result, "kind": _(result["kind"])} for result in results]
    response = JsonResponse({"q": raw_query, "results": results}, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={AUTOCOMPLETE_TTL}"
    return response
