"""The demo accounts, one per editorial role and demo ward. Development and demonstrations only.

Each account is in its ward's role group ("Biên tập viên – Phường Bình An"), so
`bientap` of Bình An cannot touch Tân Sơn Hòa and `bientap_tsh` the reverse.
"""

from dataclasses import dataclass
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils.module_loading import import_string

from congphuong.demo.binh_an import WARD as BINH_AN_WARD
from congphuong.demo.tan_son_hoa import WARD as TAN_SON_HOA_WARD
from congphuong.editorial.roles import APPROVER, EDITOR, ROLE_BY_NAME, SITE_ADMIN

DEMO_PASSWORD = "CongPhuong@2025"  # noqa: S105 (published demo password, never used outside a demo)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    role: str
    ward_hostname: str  # the demo ward's Site hostname (spec.hostname)

    @property
    def group(self) -> str:
        """Name of the account's group (the ward's role group once `ensure_roles()` has run)."""
        found = _ward_group(self)
        return found.name if found is not None else self.role


BINH_AN = BINH_AN_WARD.hostname
TAN_SON_HOA = TAN_SON_HOA_WARD.hostname

DEMO_ACCOUNTS = (
    DemoAccount("bientap", "Nguyễn Thị", "Lan", EDITOR, BINH_AN),
    DemoAccount("lanhdao", "Trần Văn", "Minh", APPROVER, BINH_AN),
    DemoAccount("quantri", "Đỗ Quang", "Huy", SITE_ADMIN, BINH_AN),
    DemoAccount("bientap_tsh", "Lê Thị", "Thu", EDITOR, TAN_SON_HOA),
    DemoAccount("lanhdao_tsh", "Phạm Văn", "Hải", APPROVER, TAN_SON_HOA),
    DemoAccount("quantri_tsh", "Võ Thanh", "Tâm", SITE_ADMIN, TAN_SON_HOA),
)


@cache
def demo_password_hash() -> str:
    """DEMO_PASSWORD hashed once for every demo account: each hash costs the hasher's deliberate
    half second or more, and a salt shared by accounts whose password is printed on screen hides nothing."""
    return make_password(DEMO_PASSWORD)


# Apps that scope a demo account to a ward (each is called with the results, idempotent).
APP_ACCOUNT_HOOKS = ("congphuong.learning.demo.assign_demo_accounts",)


def _ward_group(account: DemoAccount) -> Group | None:
    from congphuong.editorial.models import WardRoleGroup

    link = (
        WardRoleGroup.objects.filter(site__hostname=account.ward_hostname, role=ROLE_BY_NAME[account.role].key)
        .select_related("group")
        .order_by("site__port")
        .first()
    )
    return link.group if link is not None else None


def ensure_demo_accounts(reset_password: bool = False) -> list[tuple[DemoAccount, bool]]:
    """Create the missing demo accounts; an existing one only gets its group back (and, if asked, the password)."""
    User = get_user_model()
    results = []
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(username=account.username).first()
        created = user is None
        if created:
            user = User(
                username=account.username,
                first_name=account.first_name,
                last_name=account.last_name,
                email=f"{account.username}@example.vn",
                is_staff=False,
                is_superuser=False,
            )
        if created or reset_password:
            user.password = demo_password_hash()
            user.save()
        group = _ward_group(account)
        if group is not None and not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        results.append((account, created))
    for hook in APP_ACCOUNT_HOOKS:
        import_string(hook)(results)
    return results
