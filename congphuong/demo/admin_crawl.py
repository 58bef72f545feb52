"""Find English and programmer leftovers in the back office as each demo role sees it.

The catalogue check (core/translation_check.py) only knows strings that pass through gettext. An
editor also meets text that never does: a Python ``None`` printed in a table cell, hidden
"True"/"False" cells read aloud by screen readers, a model id such as ``news.articlepage``,
an ``aria-label="Actions"`` hard-coded in a template. This module signs in as each demo role,
opens every admin page it can find (the admin URL conf's parameterless views, the role's own
menu, a ward's page explorer, an article's editor, the page search) and looks at the rendered
text and the accessible names (aria-label, title, placeholder, alt).

Run it through ``manage.py check_translations`` or the test suite (demo/tests/test_admin_crawl.py).
It lives in the demo app, on top, as it signs in as the demo accounts and opens the demo's articles
(news): the ground floor imports no app above it (docs/architecture.md, "Layers").
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import urlsplit

# The demo roles of the first demo ward (demo/accounts.py, learning/demo.py).
DEMO_ROLE_USERNAMES = ("bientap", "lanhdao", "quantri", "khuyenhoc")

# Printed Python values: never something to show an editor.
PYTHON_VALUES = frozenset({"None", "True", "False"})

# Common English words of admin UIs that have no Vietnamese homograph (no "to", "in", "an":
# those are Vietnamese words too). Matched whole-word, case-insensitively, ASCII tokens only.
ENGLISH_UI_WORDS = frozenset(
    [
        "actions",
        "action",
        "edit",
        "delete",
        "save",
        "cancel",
        "search",
        "settings",
        "dashboard",
        "pages",
        "images",
        "documents",
        "users",
        "help",
        "add",
        "title",
        "status",
        "draft",
        "published",
        "unpublished",
        "filter",
        "filters",
        "sort",
        "previous",
        "next",
        "close",
        "submit",
        "preview",
        "choose",
        "select",
        "upload",
        "create",
        "update",
        "remove",
        "clear",
        "loading",
        "more",
        "show",
        "hide",
        "the",
        "and",
        "of",
        "with",
        "from",
        "your",
        "this",
        "that",
        "view",
        "yes",
        "owner",
        "locked",
        "unlock",
        "history",
        "revisions",
        "workflow",
        "reports",
        "snippets",
        "toggle",
        "back",
        "items",
        "results",
        "total",
        "created",
        "updated",
        "modified",
        "user",
        "group",
        "groups",
        "account",
        "profile",
        "explorer",
    ]
)

# Attributes whose text is read out (screen readers) or shown (tooltips, placeholders).
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "aria-description")

# Elements whose text is not UI: code, styles, user-entered values, and machine values shown in
# <code> (a two-factor secret is random base32 and may spell "OF").
SKIPPED_ELEMENTS = frozenset({"script", "style", "textarea", "noscript", "code"})

# Views that change state on GET or end the session.
SKIPPED_URL_NAMES = frozenset({"wagtailadmin_logout", "logout", "wagtailadmin_login", "login"})

# Not pages a person reads: JSON endpoints, chooser modals (JSON too), partial results of an index
# the index already renders, the sprite, and anonymous pages.
SKIPPED_URL_PARTS = (
    "/results/",
    "/api/",
    "/sprite/",
    "/jsi18n/",
    "/failwhale/",
    "chosen-multiple",
    "/chooser/",
    "/choose/",
    "/choose-",
    "task_chooser",
    "tag-autocomplete",
    "block-preview",
    "dismissibles",
    "password_reset",
)

_WORD = re.compile(r"[^\W\d_]+(?:'[a-z]+)?", re.UNICODE)
_DOTTED = re.compile(r"\b[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\b")


class Leftover(NamedTuple):
    role: str
    url: str
    where: str  # "văn bản" or the attribute's name
    word: str
    context: str


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, str]] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self._skipping += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.pieces.append((name, value))

    def handle_startendtag(self, tag, attrs):
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.pieces.append((name, value))

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.pieces.append(("văn bản", data))


def model_ids() -> frozenset[str]:
    """Every installed model's ``app_label.modelname``."""
    from django.apps import apps

    return frozenset(model._meta.label_lower for model in apps.get_models())


def leftovers_in_text(text: str, known_model_ids: frozenset[str]) -> list[str]:
    """The offending words of one piece of text."""
    found = []
    for word in _WORD.findall(text):
        if word in PYTHON_VALUES or (word.isascii() and word.lower() in ENGLISH_UI_WORDS):
            found.append(word)
    found.extend(dotted for dotted in _DOTTED.findall(text) if dotted in known_model_ids)
    return found


def leftovers_in_html(html: str, known_model_ids: frozenset[str] | None = None) -> list[tuple[str, str, str]]:
    """(where, word, context) for each leftover in a rendered page."""
    known_model_ids = model_ids() if known_model_ids is None else known_model_ids
    collector = _TextCollector()
    collector.feed(html)
    found = []
    for where, text in collector.pieces:
        for word in leftovers_in_text(text, known_model_ids):
            found.append((where, word, " ".join(text.split())[:120]))
    return found


def _walk(patterns, namespace=""):
    from django.urls import URLPattern, URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace and namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, inner or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name, pattern.name


def parameterless_admin_urls(prefix: str = "/admin/") -> list[str]:
    """Every named admin view that takes no argument, from the URL conf."""
    from django.urls import NoReverseMatch, get_resolver, reverse

    urls = set()
    for full_name, name in _walk(get_resolver().url_patterns):
        if name in SKIPPED_URL_NAMES:
            continue
        try:
            url = reverse(full_name)
        except NoReverseMatch:
            continue  # takes an argument
        if url.startswith(prefix) and not any(part in url for part in ("logout", *SKIPPED_URL_PARTS)):
            urls.add(url)
    return sorted(urls)


def menu_urls(request) -> list[str]:
    """The URLs of the admin menu (and its submenus) as ``request.user`` sees it."""
    from wagtail.admin.menu import SubmenuMenuItem, admin_menu

    urls = []

    def collect(items):
        for item in items:
            if isinstance(item, SubmenuMenuItem):
                collect(item.menu.menu_items_for_request(request))
            elif getattr(item, "url", ""):
                urls.append(item.url)

    collect(admin_menu.menu_items_for_request(request))
    return urls


def sample_urls(user) -> list[str]:
    """Admin pages that take an argument, with the user's own ward's objects: the page explorer,
    an article's editor, the page search (its result count) and the aging pages report."""
    from wagtail.models import Page

    from congphuong.news.models import ArticlePage

    urls = []
    home = Page.objects.filter(depth=2).order_by("path").first()
    editable = [
        page for page in ArticlePage.objects.order_by("path")[:20] if page.permissions_for_user(user).can_edit()
    ]
    if home is not None:
        urls.append(f"/admin/pages/{home.pk}/")
    if editable:
        urls += [f"/admin/pages/{editable[0].pk}/edit/", f"/admin/pages/search/?q={editable[0].title.split()[0]}"]
    return urls


def crawl_admin(usernames=DEMO_ROLE_USERNAMES, host: str = "localhost") -> tuple[list[Leftover], int]:
    """(leftovers, number of pages read) over the admin as each user in ``usernames``."""
    from django.contrib.auth import get_user_model
    from django.test import Client, RequestFactory

    known = model_ids()
    found: list[Leftover] = []
    pages_read = 0
    base_urls = parameterless_admin_urls()
    for username in usernames:
        user = get_user_model().objects.get(username=username)
        request = RequestFactory().get("/admin/", HTTP_HOST=host)
        request.user = user
        client = Client(HTTP_HOST=host, raise_request_exception=False)
        client.force_login(user)
        urls = dict.fromkeys(base_urls + menu_urls(request) + sample_urls(user))
        for url in urls:
            if urlsplit(url).netloc:
                continue  # an external link (e.g. a guide elsewhere)
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            pages_read += 1
            html = response.content.decode(response.charset or "utf-8", errors="replace")
            for where, word, context in leftovers_in_html(html, known):
                found.append(Leftover(username, url, where, word, context))
    return found, pages_read
