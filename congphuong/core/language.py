"""The language of a request, from its path only (docs/english-section.md).

The public site is Vietnamese at its usual addresses (no ``/vi/`` prefix: every existing link keeps
working) and English under ``/en/`` (``i18n_patterns(prefix_default_language=False)`` in
congphuong/urls.py). Django's LocaleMiddleware would also read the reader's Accept-Language header
and language cookie for the paths without a prefix; this one does not, so a path always has one
language: the page cache's key (the path, serving/keys.py) then also fixes the language, and a
Vietnamese page never comes out in English because of a browser's setting. The back office stays
Vietnamese (Wagtail activates the user's admin language, limited to WAGTAILADMIN_PERMITTED_LANGUAGES).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

ENGLISH = "en"


def language_of_path(path_info: str) -> str:
    """The language a path is served in: "en" under /en/, else the default (Vietnamese)."""
    return translation.get_language_from_path(path_info) or settings.LANGUAGE_CODE


def is_english() -> bool:
    return (translation.get_language() or "").split("-")[0] == ENGLISH


class PathLanguageMiddleware:
    """Activates the language of the path for the request (LocaleMiddleware without negotiation)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of_path(request.path_info)
        request.LANGUAGE_CODE = language
        if getattr(request, "is_dummy", False):
            # The admin's preview runs a fake request inside the admin's own (its language is given by
            # the page previewed, core.models.BasePage.serve_preview): leave the admin's language as it was.
            with translation.override(language):
                return self.get_response(request)
        translation.activate(language)
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
