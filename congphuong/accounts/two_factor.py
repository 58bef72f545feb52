"""Who must use two-factor authentication, and the recovery codes that back it up.

The rule: superusers, members of the groups in ``CONGPHUONG_2FA_REQUIRED_GROUPS``
("Biên tập viên", "Lãnh đạo duyệt", "Quản trị trang", "Cán bộ khuyến học": every role
that sees citizens' personal data) and any group given the permission
"accounts.require_2fa" (settable on the group's page in the admin) must enrol an
authenticator app before they can use the back office. Other users may enrol; once
they have, they are asked for a code at every sign-in too.

``CONGPHUONG_2FA_REQUIRED = False`` (development, most tests) only stops forcing
enrolment on users who have no device yet; a user with a device is always asked.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

REQUIRE_2FA_PERMISSION = "accounts.require_2fa"
RECOVERY_DEVICE_NAME = "Mã khôi phục"
RECOVERY_CODE_COUNT = 10

_TOTP_TOKEN = re.compile(r"^\d{6,8}$")


def required_groups() -> list[str]:
    return list(getattr(settings, "CONGPHUONG_2FA_REQUIRED_GROUPS", []))


def enforcement_enabled() -> bool:
    return bool(getattr(settings, "CONGPHUONG_2FA_REQUIRED", True))


def two_factor_required(user) -> bool:
    """Whether this user's role requires two-factor authentication."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    groups = required_groups()
    from congphuong.wards.membership import has_role  # per-ward groups count as their role

    if groups and has_role(user, groups):
        return True
    return user.has_perm(REQUIRE_2FA_PERMISSION)


def can_access_admin(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def normalise_token(token: str) -> str:
    """Codes are typed from a phone or read off paper: ignore spaces, dashes and case."""
    return re.sub(r"[\s-]+", "", token or "").lower()


def candidate_devices(user, token: str) -> list:
    """The devices that could have produced ``token``.

    Six digits come from the authenticator app; anything else can only be a recovery
    code. Trying only the matching kind keeps a typo from throttling the other device.
    """
    if _TOTP_TOKEN.match(token):
        return list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
    return list(StaticDevice.objects.devices_for_user(user, confirmed=True))


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def generate_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with ``RECOVERY_CODE_COUNT`` new one-time codes."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = []
    while len(codes) < RECOVERY_CODE_COUNT:
        code = StaticToken.random_token()  # 8 base32 characters, 40 random bits
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def format_code(code: str) -> str:
    """ "abcd2345" → "abcd-2345": easier to copy by hand."""
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else code
