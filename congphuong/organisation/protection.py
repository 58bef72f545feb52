"""The minimum display period of public disclosures (Luật 10/2022/QH15, Điều 12).

Used by the admin hooks that refuse an early unpublish, delete or move, and by the
override view through which a site administrator removes a posting early with a reason.
"""

from django.utils import timezone

from congphuong.wards.membership import has_role
from congphuong.wards.roles import SITE_ADMIN


def protected_postings(page, today=None):
    """Live postings at or below `page` that are still inside their minimum display period."""
    from .models import DisclosurePage

    today = today or timezone.localdate()
    candidates = DisclosurePage.objects.live().filter(path__startswith=page.path).select_related("category")
    return [posting for posting in candidates if posting.is_protected(today)]


def is_site_admin(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or has_role(user, [SITE_ADMIN])


def refusal_message(postings, verb="gỡ") -> str:
    first = postings[0]
    basis = first.category.legal_basis or "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"
    if len(postings) == 1:
        head = f"Chưa thể {verb} “{first.title}”"
    else:
        head = (
            f"Chưa thể {verb}: có {len(postings)} thông tin công khai chưa hết thời gian niêm yết, "
            f"trong đó “{first.title}”"
        )
    return (
        f"{head}: thông tin công khai phải niêm yết ít nhất {first.display_days} ngày, đến hết ngày "
        f"{first.protected_until:%d/%m/%Y} ({basis})."
    )


ADMIN_HINT = " Nếu thật cần gỡ trước hạn, bấm “Gỡ trước hạn” và ghi rõ lý do; việc này được lưu lại."
EDITOR_HINT = " Chỉ Quản trị trang mới được gỡ trước hạn, và phải ghi rõ lý do."
