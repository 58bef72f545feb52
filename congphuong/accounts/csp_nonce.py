"""The CSP nonce of the request being served, for markup rendered without the request.

Wagtail's admin widgets (date pickers, choosers) and inline panels print a small
inline ``<script>`` that sets them up. Form widgets are rendered without the request,
so ``request.csp_nonce`` is out of reach there: the CSP middleware records the request
here and ``nonce_attr()`` reads it. With that nonce on Wagtail's own scripts, the admin
needs no ``script-src 'unsafe-inline'`` (see docs/security.md).
"""

from __future__ import annotations

from contextvars import ContextVar

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

_current_request: ContextVar = ContextVar("congphuong_csp_request", default=None)


def remember_request(request):
    """Called by the CSP middleware before the view; returns the token for ``forget``."""
    return _current_request.set(request)


def forget(token) -> None:
    try:
        _current_request.reset(token)
    except ValueError:  # under ASGI the response may be handled in another context
        _current_request.set(None)


def nonce_attr() -> SafeString:
    """`` nonce="…"`` for the current request, or nothing outside a request.

    Reading ``request.csp_nonce`` is what makes django-csp put the nonce in the header,
    so a page without such a script keeps a header without a nonce.
    """
    request = _current_request.get()
    # A lazy object whose truth value says "already generated": compare with None only.
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    if nonce is None:
        return mark_safe("")
    return format_html(' nonce="{}"', str(nonce))


def render_chooser_with_nonce(self, name, value, attrs=None, renderer=None):
    """``BaseChooser.render`` (Wagtail 8.0) with the nonce on its set-up script.

    Same output as Wagtail's except the nonce, and ``</`` written ``<\\/`` so that a
    chosen item's title cannot close the script element early.
    """
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)
    js = self.render_js_init(id_, name, value_data).replace("</", "<\\/")
    return mark_safe(f"{widget_html}<script{nonce_attr()}>{js}</script>")  # noqa: S308 - js is JSON from Wagtail


def install() -> None:
    """Patch Wagtail's chooser widgets (every chooser subclasses ``BaseChooser``)."""
    from wagtail.admin.widgets import BaseChooser

    BaseChooser.render = render_chooser_with_nonce


__all__ = ["forget", "install", "nonce_attr", "remember_request"]
