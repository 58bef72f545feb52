"""Users in the portal's roles, and a way to sign them in past the second factor."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission

PASSWORD = "Mat-khau-thu-nghiem-2025"
EDITOR, APPROVER, SITE_ADMIN = "Biên tập viên", "Lãnh đạo duyệt", "Quản trị trang"


def make_group(name, home=None, page_permissions=()):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=home, permission=Permission.objects.get(codename=f"{codename}_page")
        )
    return group


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.vn", **extra
    )
    user.groups.add(*groups)
    return user


def add_authenticator(user):
    return TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)


def current_token(device) -> str:
    """The code the user's phone shows now (resets the replay guard so it can be used again)."""
    device.refresh_from_db()
    device.last_t = -1
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def login_verified(client, user):
    """force_login plus a passed second factor: for tests of admin views under the 2FA rule."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or add_authenticator(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
