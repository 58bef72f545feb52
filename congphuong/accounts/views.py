"""Back-office views: the second sign-in step, enrolment, recovery codes, lockouts."""

from __future__ import annotations

import base64

import qrcode
import qrcode.image.svg
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import lockout, two_factor
from .forms import EnrolForm, PasswordConfirmForm, TokenForm

RECOVERY_CODES_SESSION_KEY = "accounts_new_recovery_codes"
RECOVERY_NEXT_SESSION_KEY = "accounts_after_recovery_codes"
AUTHENTICATOR_NAME = "Ứng dụng xác thực"


def _safe_next(request, default: str) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class AdminPageMixin(WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class TokenLoginView(FormView):
    """Second sign-in step: a code from the authenticator app or a recovery code."""

    form_class = TokenForm
    template_name = "accounts/verify.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("wagtailadmin_login")
        if request.user.is_verified() or not two_factor.has_authenticator(request.user):
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": self.get_success_url()}

    def form_valid(self, form):
        otp_login(self.request, form.device)
        if isinstance(form.device, StaticDevice):
            left = two_factor.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                f"Bạn vừa đăng nhập bằng một mã khôi phục; còn lại {left} mã chưa dùng. "
                "Nếu điện thoại bị mất, hãy gỡ ứng dụng xác thực cũ và đăng ký lại.",
            )
        return redirect(self.get_success_url())

    def get_success_url(self):
        return _safe_next(self.request, reverse("wagtailadmin_home"))


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class TwoFactorView(AdminPageMixin, FormView):
    """The user's own 2FA page: status, recovery codes, turn off (with the password)."""

    template_name = "accounts/two_factor.html"
    page_title = "Xác thực hai lớp"
    header_icon = "key"

    def get_form(self, form_class=None):
        return PasswordConfirmForm(self.request, **self.get_form_kwargs())

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "has_authenticator": two_factor.has_authenticator(user),
            "required": two_factor.two_factor_required(user),
            "codes_left": two_factor.recovery_codes_left(user),
        }

    def form_valid(self, form):
        user = self.request.user
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        if two_factor.two_factor_required(user) and two_factor.enforcement_enabled():
            messages.warning(self.request, "Đã gỡ ứng dụng xác thực cũ. Vai trò của bạn bắt buộc đăng ký lại ngay.")
            return redirect("accounts_2fa_enrol")
        messages.success(self.request, "Đã tắt xác thực hai lớp.")
        return redirect("accounts_2fa")


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class EnrolView(AdminPageMixin, FormView):
    """Scan the QR code, type one code and the password; then see the recovery codes once."""

    template_name = "accounts/enrol.html"
    page_title = "Bật xác thực hai lớp"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("wagtailadmin_login")
        if two_factor.has_authenticator(request.user):
            return redirect("accounts_2fa")
        self.device = self._pending_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def _pending_device(user):
        """One unconfirmed device per user, kept until confirmed so a reload shows the same QR code."""
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
        return device

    def get_form(self, form_class=None):
        return EnrolForm(self.request, self.device, **self.get_form_kwargs())

    def get_context_data(self, **kwargs):
        image = qrcode.make(self.device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
        secret = base64.b32encode(self.device.bin_key).decode("ascii").rstrip("=")
        return {
            **super().get_context_data(**kwargs),
            "qr_data_uri": "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode("ascii"),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": two_factor.two_factor_required(self.request.user),
            "next": _safe_next(self.request, ""),
        }

    def form_valid(self, form):
        user = self.request.user
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        otp_login(self.request, self.device)
        self.request.session[RECOVERY_CODES_SESSION_KEY] = two_factor.generate_recovery_codes(user)
        self.request.session[RECOVERY_NEXT_SESSION_KEY] = _safe_next(self.request, reverse("wagtailadmin_home"))
        messages.success(self.request, "Đã bật xác thực hai lớp cho tài khoản của bạn.")
        return redirect("accounts_recovery_codes")


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(AdminPageMixin, TemplateView):
    """Shows freshly generated recovery codes exactly once; POST makes a new set."""

    template_name = "accounts/recovery_codes.html"
    page_title = "Mã khôi phục"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_verified() and two_factor.has_authenticator(user)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = self.request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
        context["codes"] = [two_factor.format_code(code) for code in codes or []]
        context["next_url"] = self.request.session.pop(RECOVERY_NEXT_SESSION_KEY, None) or reverse("accounts_2fa")
        context["codes_left"] = two_factor.recovery_codes_left(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        request.session[RECOVERY_CODES_SESSION_KEY] = two_factor.generate_recovery_codes(request.user)
        messages.success(request, "Đã tạo bộ mã khôi phục mới. Các mã cũ không còn dùng được.")
        return redirect("accounts_recovery_codes")


class LockoutListView(AdminPageMixin, TemplateView):
    """Settings → "Tài khoản bị khóa": current lockouts, each with an "Mở khóa" button."""

    template_name = "accounts/lockouts.html"
    page_title = "Tài khoản bị khóa"
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not lockout.can_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lockouts"] = [
            {"attempt": attempt, "until": lockout.locked_until(attempt)}
            for attempt in lockout.current_lockouts(self.request.user)
        ]
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        return context

    def post(self, request, *args, **kwargs):
        try:
            attempt = lockout.current_lockouts(request.user).get(pk=request.POST.get("attempt"))
        except (ValueError, TypeError, AccessAttempt.DoesNotExist) as exc:
            raise Http404("Không tìm thấy lượt khóa này.") from exc
        lockout.unlock(attempt)
        messages.success(request, f"Đã mở khóa tài khoản “{attempt.username}” (địa chỉ {attempt.ip_address}).")
        return redirect("accounts_lockouts")
