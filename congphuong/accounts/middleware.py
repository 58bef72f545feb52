"""Back-office security middleware: two-factor enforcement and the Content-Security-Policy."""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware
from django.urls import Resolver404, resolve, reverse
from django_otp.middleware import OTPMiddleware

from . import csp_nonce
from .two_factor import can_access_admin, enforcement_enabled, has_authenticator, two_factor_required

# Reachable by a signed-in user who still has to enter a code.
ALWAYS_ALLOWED = frozenset(
    {
        "accounts_2fa_verify",
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
    }
)
# Reachable by a user who must enrol and has no authenticator yet.
ENROLMENT = frozenset({"accounts_2fa_enrol"})


class TwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (``request.user.is_verified()``) plus the portal's rule.

    - A back-office user with an authenticator app must enter a code (or a recovery
      code) once per session before anything else, on the admin and the public site.
    - A user whose role requires 2FA (see ``two_factor.two_factor_required``) and who
      has no authenticator yet is sent to the enrolment page, unless enforcement is
      relaxed by ``CONGPHUONG_2FA_REQUIRED = False``.

    Sets ``request.user.two_factor_pending`` (read by the admin menu hook).
    """

    sync_capable = True
    async_capable = False

    def __call__(self, request):
        self._install_lazy_accessors(request)
        return self._enforce(request) or self.get_response(request)

    def _enforce(self, request):
        user = request.user
        if not can_access_admin(user):
            return None
        user.two_factor_pending = False
        if user.is_verified():
            return None
        has_device = has_authenticator(user)
        user.two_factor_pending = has_device or (enforcement_enabled() and two_factor_required(user))
        if not user.two_factor_pending:
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name in ALWAYS_ALLOWED:
            return None
        if has_device:
            return redirect_to_login(request.get_full_path(), login_url=reverse("accounts_2fa_verify"))
        if url_name in ENROLMENT:
            return None
        return redirect_to_login(request.get_full_path(), login_url=reverse("accounts_2fa_enrol"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two adjustments, both driven by settings.

    - ``frame-ancestors`` is ``'none'`` except on the responses Wagtail marks
      ``X-Frame-Options: SAMEORIGIN`` and on Wagtail's preview requests: the live
      preview is shown in an iframe of the page editor, so those get ``'self'``.
      Must sit above Django's ``XFrameOptionsMiddleware`` so that header is set.
    - Under the admin's URL, ``CONGPHUONG_ADMIN_CSP_UPDATE`` is added: the nonce that
      Wagtail's widget set-up scripts carry (``csp_nonce``) and the exceptions Wagtail
      still needs, listed in docs/security.md. The public site never gets it.
    - The request is recorded for ``csp_nonce.nonce_attr()`` while the view runs.
    """

    def process_request(self, request):
        super().process_request(request)
        request._congphuong_csp_token = csp_nonce.remember_request(request)

    def process_response(self, request, response):
        token = getattr(request, "_congphuong_csp_token", None)
        if token is not None:
            csp_nonce.forget(token)
            request._congphuong_csp_token = None
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        is_preview = getattr(request, "is_dummy", False) or getattr(request, "is_preview", False)
        if is_preview or response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        if not is_preview and request.path_info.startswith(_admin_prefix()):
            update = dict(getattr(settings, "CONGPHUONG_ADMIN_CSP_UPDATE", {}))
            for directive, values in (parts.update or {}).items():
                update[directive] = [*update.get(directive, []), *values]
            parts.update = update
        return parts


def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")


class RotationTolerantSessionMiddleware(SessionMiddleware):
    """Django's session middleware, except that a read whose session was rotated meanwhile is answered.

    With SESSION_SAVE_EVERY_REQUEST (sliding inactivity expiry) every request saves its session.
    Signing in rotates the session key; a script of the page (the admin's jsi18n) still fetched with
    the old key then finds its session gone and Django answers 400 (SessionInterrupted). For GET and
    HEAD there is nothing to save, so the response goes out as it is; writes still get the 400.
    """

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except SessionInterrupted:
            if request.method in ("GET", "HEAD"):
                return response
            raise
