"""The serving settings, read at request time so tests (and override_settings) can switch them."""

from django.conf import settings
from django.core.cache import caches
from django.utils.module_loading import import_string

CACHE_ALIAS = "pages"


def page_cache_enabled() -> bool:
    return bool(getattr(settings, "CONGPHUONG_PAGE_CACHE", True))


def kept_reads() -> bool:
    """Kept fragments and reads (fragments.py, restrictions.py, the notices)."""
    return bool(getattr(settings, "CONGPHUONG_FRAGMENT_CACHE", True))


def page_cache():
    return caches[CACHE_ALIAS]


def setting(name, default):
    return getattr(settings, name, default)


def entry_timeout(request=None) -> int:
    """Seconds an entry may live: bounds how stale time-dependent text ("2 giờ trước", this week's
    schedule) can get, lowered by each SERVING_TIMEOUT_CAPS function (dotted path, called with the
    request, returning seconds or None) — e.g. a maintenance banner that changes at a set time."""
    timeout = int(setting("SERVING_PAGE_CACHE_TIMEOUT", 600))
    if request is not None:
        for path in setting("SERVING_TIMEOUT_CAPS", ()):
            cap = import_string(path)(request)
            if cap is not None:
                timeout = min(timeout, int(cap))
    return timeout


def local_cache_bytes() -> int:
    """Bytes of pages and kept values each server process keeps in memory (store.LocalEntries)."""
    return int(setting("SERVING_LOCAL_CACHE_BYTES", 32 * 1024 * 1024))


def max_age() -> int:
    return int(setting("SERVING_MAX_AGE", 0))


def s_maxage() -> int:
    return int(setting("SERVING_S_MAXAGE", 60))


def stale_while_revalidate() -> int:
    return int(setting("SERVING_STALE_WHILE_REVALIDATE", 30))


def max_page_tags() -> int:
    return int(setting("SERVING_MAX_PAGE_TAGS", 150))


def ignored_query_params() -> tuple[str, ...]:
    # Click identifiers added by Facebook, Zalo, Google: one cache entry per click otherwise.
    return tuple(setting("SERVING_IGNORED_QUERY_PARAMS", ["fbclid", "gclid", "zarsrc", "utm_*"]))


def known_query_params() -> frozenset[str]:
    """The query parameters public pages read (serving/params.py): any other one is not cached."""
    return frozenset(setting("SERVING_QUERY_PARAMS", ()))


def bypass_cookies() -> set[str]:
    names = {settings.SESSION_COOKIE_NAME, "messages"}
    names.update(setting("SERVING_BYPASS_COOKIES", []))
    return names


def site_wide_models() -> list[str]:
    return list(setting("SERVING_SITE_WIDE_MODELS", ["wards.YearTheme", "wards.WardSettings"]))


def ignored_models() -> set[str]:
    """Model labels (lower case) never tracked: DEFAULT_IGNORED_MODELS + SERVING_IGNORED_MODELS."""
    return {label.lower() for label in setting("SERVING_IGNORED_MODELS", [])} | DEFAULT_IGNORED_MODELS


# Models written as a side effect of editing or of rendering itself (renditions are made on the
# first render), or that cannot change what an anonymous reader sees. Reads and writes ignored.
DEFAULT_IGNORED_MODELS = {
    "sessions.session",
    "contenttypes.contenttype",
    "auth.permission",
    "wagtailcore.revision",
    "wagtailcore.referenceindex",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",  # purged exactly by signals.on_restriction_changed
    "wagtailcore.pageviewrestriction_groups",
    "wagtailcore.site",  # any change purges `all` (signals.on_site_changed)
    "wagtailimages.rendition",
    "wagtailsearch.indexentry",
    "wagtailadmin.editingsession",
    "wagtailusers.userprofile",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "core.ratecounter",  # rate limits of forms (core/ratelimit.py): no page shows them
}


def ignore_created_models() -> set[str]:
    """New rows here appear on no list (an uploaded image is shown once a page uses it)."""
    default = ["wagtailimages.Image", "wagtaildocs.Document", "taggit.Tag"]
    return {label.lower() for label in setting("SERVING_IGNORE_CREATED_MODELS", default)}


# Saves of these fields alone are bookkeeping (Wagtail stores an image's hash and size lazily).
BOOKKEEPING_FIELDS = {"file_hash", "file_size"}
