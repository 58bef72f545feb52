"""Site search page (/tim-kiem/). Ranking across content types is refined in issue 5."""

from django.shortcuts import render
from wagtail.models import Page, Site

from congphuong.core.text import nfc
from congphuong.news.models import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    query = nfc(request.GET.get("q", "")).strip()
    message = ""
    results = None
    if not query:
        message = "Hãy nhập từ khóa cần tìm."
    elif len(query) > MAX_QUERY_LENGTH:
        message = f"Từ khóa quá dài: tối đa {MAX_QUERY_LENGTH} ký tự."
    elif not any(ch.isalnum() for ch in query):
        message = "Từ khóa cần có ít nhất một chữ cái hoặc chữ số."
    else:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True).specific()
        results = paginate(request, pages.search(query), per_page=10)
        if not results.paginator.count:
            message = f"Không tìm thấy kết quả nào cho “{query}”."
    return render(request, "search/search.html", {"search_query": query, "results": results, "message": message})
