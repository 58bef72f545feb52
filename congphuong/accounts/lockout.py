"""Login lockouts (django-axes): who is locked out now, who may lift a lockout."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from congphuong.wards.roles import SITE_ADMIN

UNLOCK_PERMISSION = "accounts.unlock_accounts"


def can_unlock(user) -> bool:
    """Superusers, the "Quản trị trang" group, or any group given the dedicated permission."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    from congphuong.wards.membership import has_role

    groups = getattr(settings, "CONGPHUONG_UNLOCK_GROUPS", [SITE_ADMIN])
    if groups and has_role(user, groups):
        return True
    return user.has_perm(UNLOCK_PERMISSION)


def current_lockouts(actor=None):
    """Username + address pairs that have reached the failure limit within the cool-off period,
    limited to those `actor` may see and lift (all when no actor is given)."""
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt

    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    cool_off = get_cool_off()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return _visible_to(attempts, actor).order_by("-attempt_time")


def _visible_to(attempts, actor):
    """A ward's Quản trị trang sees the lockouts of its own ward's accounts only (a lockout shows a
    username and an address); superusers and holders of the unlock right without a ward see all."""
    if actor is None:
        return attempts
    from django.contrib.auth import get_user_model

    from congphuong.wards.membership import administered_ward_ids

    from .users import visible_users

    if not administered_ward_ids(actor):  # None: superuser; empty: an install-wide unlock right
        return attempts
    usernames = visible_users(actor).values(get_user_model().USERNAME_FIELD)
    return attempts.filter(username__in=usernames)


def locked_until(attempt):
    """When the lockout of this attempt ends by itself (None: only an administrator can lift it)."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off()
    return attempt.attempt_time + cool_off if cool_off else None


def unlock(attempt) -> int:
    """Lift one lockout: forget the failures of that username from that address."""
    from axes.utils import reset

    return reset(ip=attempt.ip_address, username=attempt.username)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Vietnamese lockout page, HTTP 429."""
    from axes.helpers import get_client_username, get_cool_off
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "username": get_client_username(request, credentials) or "",
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "accounts/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
