"""Public forms: the question, the lookup and the satisfaction rating.

Labels and messages are Vietnamese msgids of the public catalogue (English on /en/ pages)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from congphuong.core.forms import VisibleTextMixin
from congphuong.core.image_limits import check_image_pixels
from congphuong.core.text import nfc
from congphuong.organisation.models import Quarter

from .codes import normalise_code
from .models import Question, Topic
from .privacy import digits
from .spam import check_timestamp, make_timestamp

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
MIN_QUESTION_LENGTH = 20
MAX_QUESTION_LENGTH = 5000

# Extension → (content type, magic bytes at the start of the file).
ATTACHMENT_KINDS = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
}

REQUIRED = "Vui lòng nhập {}."


def sniff_attachment(upload) -> str:
    """The content type of an uploaded PDF/JPG/PNG, checked by its first bytes; raises ValidationError."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ATTACHMENT_KINDS:
        raise ValidationError(gettext("Chỉ nhận tệp PDF, JPG hoặc PNG."), code="extension")
    if upload.size > MAX_ATTACHMENT_BYTES:
        size_mb = f"{upload.size / 1024 / 1024:.1f}"
        if translation.get_language() != "en":
            size_mb = size_mb.replace(".", ",")  # the Vietnamese decimal mark
        raise ValidationError(
            gettext("Tệp quá lớn (%(size)s MB). Dung lượng tối đa là 5 MB.") % {"size": size_mb}, code="size"
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type, signatures = ATTACHMENT_KINDS[extension]
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            gettext(
                "Nội dung tệp không đúng định dạng PDF, JPG hoặc PNG (có thể tệp bị đổi đuôi). Vui lòng chọn tệp khác."
            ),
            code="content",
        )
    if content_type.startswith("image/"):
        check_image_pixels(upload)  # opened by the staff's browsers: no decompression bomb
    return content_type


def normalise_phone(value: str) -> str:
    """ "+84 912.345.678" → "0912345678"; raises ValidationError for something that is not a number."""
    value = nfc(value or "").strip()
    if not value:
        return ""
    if re.search(r"[^\d\s.+()\-]", value):
        raise ValidationError(gettext("Số điện thoại chỉ gồm chữ số, ví dụ: 0912 345 678."), code="phone")
    number = digits(value)
    if value.lstrip().startswith("+"):
        if not number.startswith("84"):
            raise ValidationError(gettext("Vui lòng nhập số điện thoại Việt Nam, ví dụ: 0912 345 678."), code="phone")
        number = "0" + number[2:]
    elif number.startswith("84") and len(number) in (11, 12):
        number = "0" + number[2:]
    if not number.startswith("0") or len(number) not in (10, 11):
        raise ValidationError(gettext("Số điện thoại không hợp lệ: cần 10 chữ số, ví dụ: 0912 345 678."), code="phone")
    return number


class NfcFormMixin(VisibleTextMixin):
    """NFC-normalise every submitted string; labels without the trailing colon."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        for key, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[key] = nfc(value)
        return cleaned


class SpamGuardForm(forms.Form):
    """A honeypot and a signed time-to-submit stamp (spam.py), for every public form that stores.

    Subclasses render ``website`` hidden from people and ``started`` as a hidden input.
    """

    # Honeypot: hidden from people, filled in by bots.
    website = forms.CharField(label=_("Để trống ô này"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        # A fresh timestamp on every render, also when the form comes back with errors.
        self.initial["started"] = make_timestamp()
        if self.is_bound:
            data = self.data.copy()
            self.submitted_started = data.get(self.add_prefix("started"), "")
            data[self.add_prefix("started")] = self.initial["started"]
            self.data = data

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            self.add_error(
                None,
                ValidationError(
                    gettext(
                        "Không gửi được: ô “Để trống ô này” phải để trống. "
                        "Nếu trình duyệt tự điền, hãy xóa ô đó rồi gửi lại."
                    ),
                    code="honeypot",
                ),
            )
        problem = check_timestamp(getattr(self, "submitted_started", ""))
        if problem:
            self.add_error(None, ValidationError(problem, code="timing"))
        return cleaned


class QuestionForm(NfcFormMixin, SpamGuardForm):
    full_name = forms.CharField(
        label=_("Họ và tên"),
        max_length=120,
        error_messages={"required": _("Vui lòng nhập họ và tên."), "max_length": _("Họ và tên tối đa 120 ký tự.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Số điện thoại"),
        required=False,
        max_length=20,
        help_text=_("Cần ít nhất một trong hai: số điện thoại hoặc thư điện tử."),
        error_messages={"max_length": _("Số điện thoại không hợp lệ: quá dài.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: ten@example.com.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Khu phố/ấp nơi bạn ở (không bắt buộc)"),
        queryset=Quarter.objects.none(),
        required=False,
        empty_label=_("— Chọn khu phố/ấp —"),
        error_messages={"invalid_choice": _("Khu phố/ấp đã chọn không có trong danh sách.")},
    )
    topic = forms.ModelChoiceField(
        label=_("Chủ đề"),
        queryset=Topic.objects.none(),
        empty_label=_("— Chọn chủ đề —"),
        error_messages={
            "required": _("Vui lòng chọn chủ đề của câu hỏi."),
            "invalid_choice": _("Chủ đề đã chọn không có trong danh sách."),
        },
    )
    content = forms.CharField(
        label=_("Nội dung câu hỏi, phản ánh, kiến nghị"),
        min_length=MIN_QUESTION_LENGTH,
        max_length=MAX_QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Vui lòng nhập nội dung câu hỏi."),
            "min_length": format_lazy(_("Nội dung quá ngắn: vui lòng viết ít nhất {} ký tự."), MIN_QUESTION_LENGTH),
            "max_length": format_lazy(_("Nội dung quá dài: tối đa {} ký tự."), MAX_QUESTION_LENGTH),
        },
    )
    attachment = forms.FileField(
        label=_("Tệp đính kèm (không bắt buộc)"),
        required=False,
        help_text=_("Một tệp PDF, JPG hoặc PNG, tối đa 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}),
        error_messages={"invalid": _("Không đọc được tệp đã chọn."), "empty": _("Tệp đã chọn không có nội dung.")},
    )
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để cơ quan xử lý dữ liệu cá nhân nêu trên nhằm trả lời câu hỏi."),
        error_messages={"required": _("Bạn cần đồng ý cho phép xử lý dữ liệu cá nhân để gửi câu hỏi.")},
    )

    def __init__(self, *args, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The published khu phố of the ward, the same list Giới thiệu shows.
        self.fields["neighbourhood"].queryset = Quarter.objects.for_site(site) if site else Quarter.objects.none()
        topics = Topic.objects.for_site(site) if site else Topic.objects.none()
        self.fields["topic"].queryset = topics
        if not topics.exists():
            self.fields["topic"].required = False

    def clean_full_name(self):
        name = " ".join(nfc(self.cleaned_data["full_name"]).split())
        if len(name) < 2 or not any(ch.isalpha() for ch in name):
            raise ValidationError(gettext("Họ và tên chưa đúng: vui lòng nhập họ tên đầy đủ, ví dụ: Nguyễn Văn An."))
        return name

    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean_content(self):
        content = nfc(self.cleaned_data["content"]).strip()
        if len(content) < MIN_QUESTION_LENGTH:
            raise ValidationError(
                format_lazy(_("Nội dung quá ngắn: vui lòng viết ít nhất {} ký tự."), MIN_QUESTION_LENGTH)
            )
        return content

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        self.attachment_type = sniff_attachment(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        contact_errors = self.has_error("phone") or self.has_error("email")
        if not cleaned.get("phone") and not cleaned.get("email") and not contact_errors:
            message = gettext(
                "Vui lòng nhập số điện thoại hoặc thư điện tử (ít nhất một) để cơ quan liên hệ và trả lời."
            )
            self.add_error("phone", message)
            self.add_error("email", message)
        return cleaned


class LookupForm(NfcFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=40,
        help_text=_("Ví dụ: HD-2026-7K3QX (ghi trên phiếu tiếp nhận và trong thư xác nhận)."),
        error_messages={"required": _("Vui lòng nhập mã tra cứu.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    verifier = forms.CharField(
        label=_("4 số cuối điện thoại hoặc địa chỉ thư điện tử đã khai"),
        max_length=254,
        help_text=_("Để bảo vệ thông tin của bạn, người không biết số điện thoại hoặc thư điện tử không xem được."),
        error_messages={"required": _("Vui lòng nhập 4 số cuối điện thoại hoặc thư điện tử đã khai khi gửi.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not code:
            raise ValidationError(_("Mã tra cứu không đúng dạng. Mã có dạng HD-2026-7K3QX."))
        return code

    def clean_verifier(self):
        value = nfc(self.cleaned_data["verifier"]).strip()
        if "@" in value:
            return value.lower()
        number = digits(value)
        if len(number) < 4:
            raise ValidationError(_("Vui lòng nhập ít nhất 4 số cuối của số điện thoại, hoặc cả địa chỉ thư điện tử."))
        return number

    def matches(self, question: Question) -> bool:
        verifier = self.cleaned_data["verifier"]
        if "@" in verifier:
            return bool(question.email) and question.email.lower() == verifier
        phone = digits(question.phone)
        if not phone:
            return False
        if phone.endswith(verifier):
            return True
        international = "0" + verifier[2:] if verifier.startswith("84") else ""
        return international == phone


SCORE_CHOICES = [
    (5, _("5 – Rất hài lòng")),
    (4, _("4 – Hài lòng")),
    (3, _("3 – Bình thường")),
    (2, _("2 – Không hài lòng")),
    (1, _("1 – Rất không hài lòng")),
]


class RatingForm(NfcFormMixin, forms.Form):
    score = forms.TypedChoiceField(
        label=_("Mức độ hài lòng"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vui lòng chọn mức độ hài lòng (từ 1 đến 5)."),
            "invalid_choice": _("Mức độ hài lòng phải từ 1 đến 5."),
        },
    )
    comment = forms.CharField(
        label=_("Góp ý thêm (không bắt buộc)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Góp ý tối đa 1000 ký tự.")},
        help_text=_("Không ghi họ tên, số điện thoại: đánh giá là ẩn danh."),
    )
