"""The code asked for after the password: from the authenticator app or a recovery code."""

from django import forms
from django_otp.models import VerifyNotAllowed
from wagtail.admin.forms.auth import LoginForm

from .two_factor import candidate_devices, normalise_token


class TokenForm(forms.Form):
    """Verifies a six-digit code from the app, or a one-time recovery code.

    django-otp 1.7 wants the device named explicitly (wagtail-2fa's own form does not,
    so it cannot verify anything): the device is chosen from the shape of the code.
    """

    otp_token = forms.CharField(
        label="Mã xác thực",
        max_length=32,
        help_text="Nhập mã 6 chữ số trong ứng dụng xác thực, hoặc một mã khôi phục nếu không có điện thoại bên mình.",
        widget=forms.TextInput(
            attrs={"autofocus": "autofocus", "autocomplete": "one-time-code", "spellcheck": "false"}
        ),
    )

    error_messages = {
        "invalid": "Mã xác thực không đúng hoặc đã hết hạn. Vui lòng thử lại.",
        "throttled": "Đã nhập sai quá nhiều lần. Vui lòng đợi một lát rồi thử lại.",
        "not_allowed": "Tạm thời không thể kiểm tra mã xác thực. Vui lòng thử lại sau.",
    }

    def __init__(self, user, *args, **kwargs):
        self.user = user
        self.device = None
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        token = normalise_token(cleaned_data.get("otp_token", ""))
        if not token:
            return cleaned_data
        devices = candidate_devices(self.user, token)
        throttled = None
        for device in devices:
            allowed, extra = device.verify_is_allowed()
            if not allowed:
                throttled = extra
                continue
            if device.verify_token(token):
                self.device = device
                return cleaned_data
        if throttled is not None:
            code = "throttled" if throttled.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS else "not_allowed"
            raise forms.ValidationError(self.error_messages[code], code=code)
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class PasswordConfirmForm(forms.Form):
    """Asks for the current password again before 2FA settings change (goes through django-axes)."""

    password = forms.CharField(
        label="Mật khẩu hiện tại",
        strip=False,
        help_text="Để bảo vệ tài khoản, vui lòng nhập lại mật khẩu đăng nhập.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        from django.contrib.auth import authenticate

        password = self.cleaned_data["password"]
        user = self.request.user
        authenticated = authenticate(self.request, username=user.get_username(), password=password)
        if authenticated is None or authenticated.pk != user.pk:
            raise forms.ValidationError("Mật khẩu không đúng.", code="invalid_password")
        return password


class EnrolForm(PasswordConfirmForm):
    """Confirms that the authenticator app was set up: one code from it, plus the password."""

    otp_token = forms.CharField(
        label="Mã 6 chữ số trong ứng dụng",
        max_length=16,
        help_text="Sau khi quét mã QR, nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )

    field_order = ["otp_token", "password"]

    def __init__(self, request, device, *args, **kwargs):
        self.device = device
        super().__init__(request, *args, **kwargs)

    def clean_otp_token(self):
        token = normalise_token(self.cleaned_data["otp_token"])
        allowed, _extra = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(TokenForm.error_messages["throttled"], code="throttled")
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                "Mã không đúng. Kiểm tra giờ trên điện thoại và nhập mã đang hiện.", code="invalid"
            )
        return token


class PortalLoginForm(LoginForm):
    """Wagtail's login form with a translated password label.

    Wagtail's field has no label, so Django derives the English "Password" from the field name.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Mật khẩu"
