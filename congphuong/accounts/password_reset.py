"""Wagtail's password reset form, rate limited (issue 14: twelve reset mails in a row).

Without a limit, anyone could make the portal mail an official's address again and again (a
nuisance, and a way to bury a real message), or make it send mail to many addresses. Each address
that asks may send CONGPHUONG_PASSWORD_RESETS_PER_HOUR requests an hour, and each e-mail address
gets at most CONGPHUONG_PASSWORD_RESET_MAILS_PER_HOUR; the counters are in the database (core/ratelimit.py)
and are spent whether or not an account has that address, so the answer tells nothing about accounts.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.admin.views.account import PasswordResetView

from congphuong.core import ratelimit
from congphuong.serving.client_address import client_ip

WINDOW = 60 * 60
LIMIT_MESSAGE = (
    "Đã có quá nhiều yêu cầu đặt lại mật khẩu trong một giờ qua. Vui lòng thử lại sau "
    "hoặc liên hệ quản trị trang của phường."
)


def _limits() -> tuple[int, int]:
    return (
        int(getattr(settings, "CONGPHUONG_PASSWORD_RESETS_PER_HOUR", 5)),
        int(getattr(settings, "CONGPHUONG_PASSWORD_RESET_MAILS_PER_HOUR", 3)),
    )


class RateLimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        per_client, per_address = _limits()
        address = (form.cleaned_data.get("email") or "").strip().lower()
        allowed = ratelimit.take(
            ratelimit.client_key("password-reset:ip", client_ip(self.request)), per_client, WINDOW
        ) and ratelimit.take(ratelimit.client_key("password-reset:email", address), per_address, WINDOW)
        if not allowed:
            form.add_error(None, LIMIT_MESSAGE)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
