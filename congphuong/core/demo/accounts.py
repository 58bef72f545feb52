"""The demo accounts, one per editorial role. Development and demonstrations only."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from congphuong.core.roles import APPROVER, EDITOR, SITE_ADMIN

DEMO_PASSWORD = "CongPhuong@2025"  # noqa: S105 (published demo password, never used outside a demo)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    group: str


DEMO_ACCOUNTS = (
    DemoAccount("bientap", "Nguyễn Thị", "Lan", EDITOR),
    DemoAccount("lanhdao", "Trần Văn", "Minh", APPROVER),
    DemoAccount("quantri", "Đỗ Quang", "Huy", SITE_ADMIN),
)


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
            user.set_password(DEMO_PASSWORD)
            user.save()
        group = Group.objects.get(name=account.group)
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        results.append((account, created))
    return results
