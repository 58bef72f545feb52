"""A crafted admin POST without a StreamField's management keys is a 400, not a 500.

Wagtail reads a StreamField (and every ListBlock in it) from the form as
``body-count``, ``body-0-type``, ``body-0-deleted``… with plain ``data[key]`` and
``int()``: a POST that leaves one out (a hand-made request, a broken proxy) raised
KeyError/ValueError and answered 500 on every page type and snippet with a StreamField.
The admin's own JavaScript always sends them, so a missing or malformed one means the
request was not made by the form: Django answers SuspiciousOperation with 400 and logs it
under ``django.security``. Inline panels (``*-TOTAL_FORMS``) need nothing: Django's
formsets already turn a missing management form into a form error.
"""

from django.core.exceptions import SuspiciousOperation


class MalformedStreamData(SuspiciousOperation):
    pass


def install_stream_data_guard() -> None:
    """Wrap Wagtail's BlockWidget.value_from_datadict (idempotent)."""
    from wagtail.blocks.base import BlockWidget

    if getattr(BlockWidget, "_congphuong_guarded", False):
        return
    original = BlockWidget.value_from_datadict

    def value_from_datadict(self, data, files, name):
        try:
            return original(self, data, files, name)
        except (KeyError, ValueError, TypeError, IndexError) as exc:
            raise MalformedStreamData(f"StreamField “{name}”: the form's data is incomplete ({exc!r}).") from exc

    BlockWidget.value_from_datadict = value_from_datadict
    BlockWidget._congphuong_guarded = True
