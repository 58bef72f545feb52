"""Ward-wide template context: the site's theme of the year and its main menu."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .models import YearTheme


def _menu_pages(site):
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu().only("id", "title", "url_path"))


def ward(request):
    site = Site.find_for_request(request)
    return {
        "current_site": site,
        "year_theme": SimpleLazyObject(lambda: YearTheme.objects.current(site) if site else None),
        "main_menu": SimpleLazyObject(lambda: _menu_pages(site)),
    }
