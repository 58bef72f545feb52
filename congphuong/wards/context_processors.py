"""Ward-wide template context: the site, its theme of the year and its main menu (wards.chrome)."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from . import chrome


def ward(request):
    site = Site.find_for_request(request)

    def current():
        return chrome.for_request(request) if site is not None else None

    return {
        "current_site": site,
        "year_theme": SimpleLazyObject(lambda: current().year_theme if site else None),
        "main_menu": SimpleLazyObject(lambda: current().menu if site else []),
    }
