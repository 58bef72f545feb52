"""Pagination of the public lists by ``?trang=N`` (news, media, documents, procedures, Hỏi đáp, …)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

# Past the last page of any list: a larger number is junk, capped so it makes no new cache entry.
MAX_PAGE_NUMBER = 10**6
DEFAULT_PER_PAGE = 12


def page_number(request) -> int:
    """?trang=N as a number: 1 when it is none, at most MAX_PAGE_NUMBER (past the last page anyway).

    Fragment keys use it rather than the raw query string, so junk in the URL makes no new entry."""
    raw = request.GET.get("trang", "").strip()
    return min(int(raw), MAX_PAGE_NUMBER) if raw.isascii() and raw.isdigit() else 1


def paginate(request, queryset, per_page=DEFAULT_PER_PAGE):
    """Page `queryset` by ?trang=N; a bad or out-of-range number gives the nearest page."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(page_number(request))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
