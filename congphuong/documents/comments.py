"""The public comment form of a draft ("Góp ý dự thảo") and what happens when it is posted.

Labels and messages are Vietnamese msgids of the public catalogue (English on /en/ pages)."""

import re
from dataclasses import dataclass

from django import forms
from django.http import HttpResponseRedirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from congphuong.core.forms import VisibleTextMixin
from congphuong.core.text import nfc

from . import antispam
from .models import CommentWindow, DraftComment

PURPOSE = "draft-comment"
HONEYPOT = "website"
PHONE_RE = re.compile(r"^(?:\+84|0)\d{9,10}$")


def new_form_token(draft) -> str:
    return antispam.issue_token(f"{PURPOSE}.{draft.pk}")


class DraftCommentForm(VisibleTextMixin, forms.Form):
    name = forms.CharField(
        label=_("Họ và tên"),
        max_length=120,
        error_messages={"required": _("Vui lòng nhập họ và tên."), "max_length": _("Họ và tên dài tối đa 120 ký tự.")},
    )
    email = forms.EmailField(
        label="Email",
        required=False,
        max_length=254,
        error_messages={"invalid": _("Địa chỉ email không đúng dạng (ví dụ: ten@gmail.com).")},
    )
    phone = forms.CharField(label=_("Số điện thoại"), required=False, max_length=20)
    body = forms.CharField(
        label=_("Nội dung góp ý"),
        min_length=10,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Vui lòng nhập nội dung góp ý."),
            "min_length": _("Nội dung góp ý quá ngắn (ít nhất %(limit_value)d ký tự)."),
            "max_length": _("Nội dung góp ý dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."),
        },
    )
    # Never shown to people (hidden by CSS, skipped by keyboard and screen readers).
    website = forms.CharField(label=_("Để trống ô này"), required=False)
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # NFC before any length check or storage (decomposed input from some keyboards).
            self.data = self.data.copy()
            for key in ("name", "email", "phone", "body"):
                if key in self.data:
                    self.data[key] = nfc(self.data[key]).strip()

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if not phone:
            return ""
        compact = re.sub(r"[\s.\-()]", "", phone)
        if not PHONE_RE.match(compact):
            raise forms.ValidationError(gettext("Số điện thoại không đúng dạng (ví dụ: 0912 345 678)."))
        return compact

    def clean(self):
        cleaned_data = super().clean()
        contact = cleaned_data.get("email") or cleaned_data.get("phone")
        if not contact and not self.has_error("email") and not self.has_error("phone"):
            self.add_error(
                "email", gettext("Vui lòng để lại email hoặc số điện thoại để cơ quan soạn thảo liên hệ khi cần.")
            )
        return cleaned_data

    @property
    def honeypot_filled(self) -> bool:
        return bool((self.data.get(HONEYPOT) or "").strip())


@dataclass
class Outcome:
    form: DraftCommentForm | None = None
    status: int = 200
    redirect: HttpResponseRedirect | None = None


def _fresh(form, draft):
    """Keep what the person typed, with a new token so they can send again."""
    data = form.data.copy()
    data["started"] = new_form_token(draft)
    form.data = data
    return form


def handle_comment_post(draft, request) -> Outcome:
    """Validate a posted comment; store it unpublished, or explain in the page's language why not."""
    if draft.comment_window() != CommentWindow.OPEN:
        return Outcome(form=None, status=200)  # the page says the window is closed or not open yet

    form = DraftCommentForm(request.POST)
    thanks = HttpResponseRedirect(f"{draft.get_url(request)}?da_gui=1#gop-y", status=303)
    purpose = f"{PURPOSE}.{draft.pk}"

    if form.honeypot_filled:
        # A bot: look successful, store nothing.
        antispam.count_submission(request, PURPOSE)
        return Outcome(redirect=thanks)
    problem = antispam.token_problem(request.POST.get("started", ""), purpose)
    valid = form.is_valid() and not problem
    # Spent atomically before the comment is stored: simultaneous posts cannot all pass the limit.
    if antispam.is_rate_limited(request, PURPOSE) or (valid and not antispam.take_submission(request, PURPOSE)):
        form.add_error(
            None, gettext("Bạn đã gửi nhiều góp ý trong thời gian ngắn. Vui lòng thử lại sau khoảng một giờ.")
        )
        return Outcome(form=_fresh(form, draft), status=429)
    if not valid:
        if problem:
            form.add_error(None, problem)
        return Outcome(form=_fresh(form, draft), status=200)

    data = form.cleaned_data
    DraftComment.objects.create(
        draft=draft, name=data["name"], email=data["email"], phone=data["phone"], body=data["body"]
    )
    return Outcome(redirect=thanks)
