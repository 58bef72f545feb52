"""A crafted admin POST is refused (400, 404, a form error or a message), never a 500.

`congphuong/editorial/tests/isolation/test_crafted_posts.py` posts an empty body, a junk body and
a form without its management keys to every admin URL of the URL conf, as a superuser and each
demo role. These are the Wagtail code paths it found answering 500, each closed where the bad
value is read, so every view that uses the same piece is covered:

- a chooser widget (page, document, image, snippet, site root…) rendering a form error with a
  value that is no id: ``Model.objects.get(pk="junk")`` raised ValueError. Now the widget shows
  nothing chosen and the form shows its error;
- a Draftail rich-text field whose value is not the editor's JSON: ``json.loads`` raised. The
  admin's own JavaScript always sends that JSON, so anything else is a 400 (SuspiciousOperation,
  logged under ``django.security``), as a StreamField without its keys is (`stream_data.py`);
- the link chooser's URL field without a value: ``None.startswith`` raised. Now "required";
- the page copy view without (or with a junk) ``new_parent_page``: ``request.POST[...]`` raised.
  Now the form reports the field;
- the redirects import confirmation without, or with a tampered, signed management data:
  ``BadSignature.message`` does not exist. Now a 400 (Wagtail's own intent);
- a snippet chooser's "create" step of a model whose chooser has no creation form: the POST
  called ``None.is_valid()``. Now a 404, as the missing tab means;
- deleting a record other records still point to with ``on_delete=PROTECT`` (a ward's site):
  ProtectedError. Now nothing is deleted and a Vietnamese message names what still uses it.
"""

import contextlib
import json

from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError


class MalformedFormData(SuspiciousOperation):
    pass


def install_admin_form_guards() -> None:
    """Install every guard (idempotent)."""
    _guard_chooser_instance()
    _guard_rich_text()
    _guard_link_url()
    _guard_page_copy()
    _guard_redirect_import()
    _guard_chooser_create()
    _guard_protected_delete()


def _once(owner, name, replacement):
    marker = f"_congphuong_guarded_{name}"
    if getattr(owner, marker, False):
        return
    setattr(owner, name, replacement)
    setattr(owner, marker, True)


def _guard_chooser_instance():
    from django.core.exceptions import ValidationError
    from wagtail.admin.widgets.chooser import BaseChooser

    original = BaseChooser.get_instance

    def get_instance(self, value):
        try:
            return original(self, value)
        except (ValueError, TypeError, ValidationError, OverflowError):
            return None  # not an id: nothing chosen (the field's own error says why)

    _once(BaseChooser, "get_instance", get_instance)


def _guard_rich_text():
    from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea

    original = DraftailRichTextArea.value_from_datadict

    def value_from_datadict(self, data, files, name):
        try:
            return original(self, data, files, name)
        except (json.JSONDecodeError, ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
            raise MalformedFormData(f"Rich text “{name}”: not the editor's content ({exc!r}).") from exc

    _once(DraftailRichTextArea, "value_from_datadict", value_from_datadict)


def _guard_link_url():
    from wagtail.admin.forms.choosers import URLOrAbsolutePathValidator

    def is_absolute_path(value):
        return isinstance(value, str) and value.startswith("/")

    _once(URLOrAbsolutePathValidator, "is_absolute_path", staticmethod(is_absolute_path))


def _guard_page_copy():
    from wagtail.admin.views.pages.copy import CopyView
    from wagtail.models import Page

    def post(self, request, *args, **kwargs):
        # Wagtail reads `new_parent_page` by hand to re-show the form; a missing or foreign value
        # keeps the source page's parent (set in dispatch) and the form reports the field.
        with contextlib.suppress(ValueError, TypeError, OverflowError, Page.DoesNotExist):
            self.parent_page = Page.objects.get(id=int(request.POST.get("new_parent_page", "")))
        return super(CopyView, self).post(request, *args, **kwargs)

    _once(CopyView, "post", post)


def _guard_redirect_import():
    from django import forms
    from django.core.signing import BadSignature
    from wagtail.contrib.redirects.forms import ConfirmImportManagementForm

    def clean(self):
        cleaned_data = forms.Form.clean(self) or {}
        for key in ("import_file_name", "input_format"):
            if key not in cleaned_data:
                continue  # missing: the field's "required" error is already there
            try:
                cleaned_data[key] = self.signer.unsign(cleaned_data[key])
            except BadSignature:
                self.add_error(key, "Dữ liệu của bước nhập đã bị thay đổi. Vui lòng tải tệp lên lại.")
        return cleaned_data

    _once(ConfirmImportManagementForm, "clean", clean)


def _guard_chooser_create():
    from django.http import Http404
    from wagtail.admin.views.generic.chooser import CreateViewMixin

    original = CreateViewMixin.post

    def post(self, request, *args, **kwargs):
        get_class = getattr(self, "get_creation_form_class", None)
        if get_class is not None and get_class() is None:
            raise Http404("This chooser has no creation form.")
        return original(self, request, *args, **kwargs)

    _once(CreateViewMixin, "post", post)


def _guard_protected_delete():
    from django.contrib import messages
    from django.http import HttpResponseRedirect
    from wagtail.admin.views.generic.models import DeleteView

    original = DeleteView.form_valid

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return original(self, form)
        except (ProtectedError, RestrictedError) as exc:
            objects = getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", None) or ()
            kinds = sorted({str(obj._meta.verbose_name_plural) for obj in objects})
            messages.error(
                self.request,
                f"Không thể xóa {self.object._meta.verbose_name} “{self.object}” vì vẫn còn dữ liệu gắn với nó"
                + (f" ({', '.join(kinds)})" if kinds else "")
                + ". Hãy chuyển hoặc xóa các dữ liệu đó trước.",
            )
            return HttpResponseRedirect(self.get_success_url())

    _once(DeleteView, "form_valid", form_valid)
