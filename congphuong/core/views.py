"""Site-wide views that are not Wagtail pages: robots.txt and the error pages."""

import functools
import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.static import serve

from congphuong.core.origin import absolute


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Search results may be crawled: the page itself says noindex for empty, filtered and deeper
        # result pages (a robots.txt block would hide that and the first page of plain results).
        "Disallow: /tim-kiem/goi-y/",
        "Disallow: /tim-kiem/*trang=",
        f"Sitemap: {absolute('/sitemap.xml', request)}",  # the index of the sitemap's pages (wards/sitemap.py)
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


FAVICON_PATH = "img/favicon.ico"  # the star of static/img/favicon.svg, 16/32/48 px


@functools.cache
def _favicon_bytes() -> bytes:
    from django.contrib.staticfiles import finders

    with open(str(finders.find(FAVICON_PATH)), "rb") as icon:
        return icon.read()


@require_GET
def favicon_ico(request):
    """/favicon.ico: browsers, feed readers and crawlers ask for it whatever the page's <link rel="icon">
    says; a 404 there fills the logs and leaves the portal without an icon in search results."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the database may be the thing that failed.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


# Wagtail stores documents under MEDIA_ROOT/documents/ but serves them through /tai-lieu/
# (privacy of collections, Content-Disposition, nosniff). The raw path must stay closed,
# or a private file would be one guessable URL away. Production: nginx denies it (docs/deploy.md).
PRIVATE_MEDIA_PREFIXES = ("documents/",)


def development_media(request, path):
    """Serve MEDIA_ROOT under DEBUG, except Wagtail's document files."""
    if posixpath.normpath(path).lstrip("/").startswith(PRIVATE_MEDIA_PREFIXES):  # as serve() resolves it
        raise Http404("Tệp văn bản chỉ tải qua /tai-lieu/.")
    return serve(request, path, document_root=str(settings.MEDIA_ROOT))
