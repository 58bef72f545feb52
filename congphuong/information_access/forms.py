"""Public forms: the request for information and the status lookup.

Labels and messages are Vietnamese msgids of the public catalogue (English on /en/ pages,
docs/english-section.md).

The spam guard (honeypot, time to submit), NFC cleaning and the phone rule are Hỏi đáp's
(``congphuong.feedback.forms``).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from congphuong.core.text import nfc
from congphuong.feedback.codes import normalise_code
from congphuong.feedback.forms import NfcFormMixin, SpamGuardForm, normalise_phone
from congphuong.feedback.privacy import digits

from .models import CODE_PREFIX, InformationRequest

MIN_INFORMATION_LENGTH = 15
MAX_INFORMATION_LENGTH = 5000
# Căn cước / căn cước công dân: 12 digits; the old chứng minh nhân dân: 9; a passport: a letter and 7 or 8 digits.
ID_RE = re.compile(r"^(\d{9}|\d{12}|[A-Z]\d{7,8})$")


def normalise_id_number(value: str) -> str:
    """ "0790 8500 1234" → "079085001234"; raises ValidationError for something that is not an ID number."""
    compact = re.sub(r"[\s.\-]", "", nfc(value or "")).upper()
    if not ID_RE.match(compact):
        raise ValidationError(
            gettext(
                "Số giấy tờ tùy thân chưa đúng: căn cước (căn cước công dân) gồm 12 chữ số, chứng minh nhân dân "
                "9 chữ số, hộ chiếu gồm một chữ cái và 7 hoặc 8 chữ số."
            ),
            code="id_number",
        )
    return compact


class RequestForm(NfcFormMixin, SpamGuardForm):
    full_name = forms.CharField(
        label=_("Họ và tên"),
        max_length=120,
        error_messages={"required": _("Vui lòng nhập họ và tên."), "max_length": _("Họ và tên tối đa 120 ký tự.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    id_number = forms.CharField(
        label=_("Số căn cước, căn cước công dân hoặc hộ chiếu"),
        max_length=30,
        help_text=_("Để xác định người yêu cầu (Luật Tiếp cận thông tin). Không bao giờ được công bố."),
        error_messages={"required": _("Vui lòng nhập số giấy tờ tùy thân."), "max_length": _("Số giấy tờ quá dài.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text", "spellcheck": "false"}),
    )
    address = forms.CharField(
        label=_("Nơi cư trú, địa chỉ liên hệ"),
        max_length=255,
        error_messages={
            "required": _("Vui lòng nhập nơi cư trú, địa chỉ."),
            "max_length": _("Địa chỉ tối đa 255 ký tự."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),  # street-address is for a textarea
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
    information = forms.CharField(
        label=_("Thông tin cần cung cấp"),
        min_length=MIN_INFORMATION_LENGTH,
        max_length=MAX_INFORMATION_LENGTH,
        help_text=_("Ghi rõ văn bản, hồ sơ, tài liệu cần (tên, số, ngày, nội dung) để phường tìm đúng."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Vui lòng nhập thông tin cần cung cấp."),
            "min_length": format_lazy(_("Nội dung quá ngắn: vui lòng viết ít nhất {} ký tự."), MIN_INFORMATION_LENGTH),
            "max_length": format_lazy(_("Nội dung quá dài: tối đa {} ký tự."), MAX_INFORMATION_LENGTH),
        },
    )
    purpose = forms.CharField(
        label=_("Mục đích yêu cầu (không bắt buộc)"),
        required=False,
        max_length=2000,
        help_text=_("Chỉ cần khi thông tin thuộc loại được tiếp cận có điều kiện."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Mục đích tối đa 2000 ký tự.")},
    )
    delivery = forms.ChoiceField(
        label=_("Hình thức nhận thông tin"),
        # The model's labels are the msgids: the radio buttons read English on /en/.
        choices=[(value, _(label)) for value, label in InformationRequest.DELIVERY_CHOICES],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vui lòng chọn hình thức nhận thông tin."),
            "invalid_choice": _("Hình thức nhận thông tin đã chọn không có trong danh sách."),
        },
    )
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để phường xử lý dữ liệu cá nhân nêu trên nhằm giải quyết yêu cầu."),
        error_messages={"required": _("Bạn cần đồng ý cho phép xử lý dữ liệu cá nhân để gửi yêu cầu.")},
    )

    def clean_full_name(self):
        name = " ".join(nfc(self.cleaned_data["full_name"]).split())
        if len(name) < 2 or not any(ch.isalpha() for ch in name):
            raise ValidationError(gettext("Họ và tên chưa đúng: vui lòng nhập họ tên đầy đủ, ví dụ: Nguyễn Văn An."))
        return name

    def clean_id_number(self):
        return normalise_id_number(self.cleaned_data["id_number"])

    def clean_address(self):
        return " ".join(nfc(self.cleaned_data["address"]).split())

    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean_information(self):
        text = nfc(self.cleaned_data["information"]).strip()
        if len(text) < MIN_INFORMATION_LENGTH:
            raise ValidationError(
                format_lazy(_("Nội dung quá ngắn: vui lòng viết ít nhất {} ký tự."), MIN_INFORMATION_LENGTH)
            )
        return text

    def clean(self):
        cleaned = super().clean()
        contact_errors = self.has_error("phone") or self.has_error("email")
        if not cleaned.get("phone") and not cleaned.get("email") and not contact_errors:
            message = gettext(
                "Vui lòng nhập số điện thoại hoặc thư điện tử (ít nhất một) để phường liên hệ và gửi kết quả."
            )
            self.add_error("phone", message)
            self.add_error("email", message)
        if cleaned.get("delivery") == InformationRequest.EMAIL and not cleaned.get("email") and not contact_errors:
            self.add_error("email", gettext("Bạn chọn nhận qua thư điện tử: vui lòng nhập địa chỉ thư điện tử."))
        return cleaned


class LookupForm(NfcFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=40,
        help_text=format_lazy(_("Ví dụ: {}-2026-7K3QX (ghi trên phiếu tiếp nhận và trong thư xác nhận)."), CODE_PREFIX),
        error_messages={"required": _("Vui lòng nhập mã tra cứu.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    verifier = forms.CharField(
        label=_("4 số cuối của số giấy tờ tùy thân hoặc số điện thoại đã khai"),
        max_length=254,
        help_text=_("Để bảo vệ thông tin của bạn: người chỉ biết mã không xem được tình trạng yêu cầu."),
        error_messages={"required": _("Vui lòng nhập 4 số cuối của số giấy tờ tùy thân hoặc số điện thoại đã khai.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"], prefix=CODE_PREFIX)
        if not code:
            raise ValidationError(
                gettext("Mã tra cứu không đúng dạng. Mã có dạng %(example)s.")
                % {"example": f"{CODE_PREFIX}-2026-7K3QX"}
            )
        return code

    def clean_verifier(self):
        number = digits(self.cleaned_data["verifier"])
        if len(number) < 4:
            raise ValidationError(
                gettext("Vui lòng nhập ít nhất 4 chữ số cuối của số giấy tờ tùy thân hoặc số điện thoại.")
            )
        return number[-4:]

    def matches(self, request: InformationRequest) -> bool:
        tail = self.cleaned_data["verifier"]
        candidates = [digits(request.id_number), digits(request.phone)]
        return any(len(value) >= 4 and value.endswith(tail) for value in candidates)
