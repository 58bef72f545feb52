"""The learning officer's work on the admin's first page.

A cadre who only works on the learning society (no page, image or document to edit)
landed on a dashboard saying "0 tài liệu": this panel shows their wards' households and
citizens and links to what they do every day.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from . import access

# (label, URL name, permission that shows it)
LINKS = (
    ("Thống kê, báo cáo", "learning_dashboard", "learning.view_learning_reports"),
    ("Hộ gia đình", "learning_household:index", "learning.view_household"),
    ("Công dân học tập", "learning_citizen:index", "learning.view_citizen"),
    ("Đăng ký – đánh giá", "learning_registration:index", "learning.view_registration"),
    ("Nhập từ Excel", "learning_import", "learning.add_household"),
    ("Sổ quỹ", "learning_cash_book", "learning.view_fundreceipt"),
)


def shows_for(user) -> bool:
    return user.is_active and not user.is_superuser and any(user.has_perm(perm) for _l, _u, perm in LINKS)


class LearningHomePanel(Component):
    name = "xa-hoi-hoc-tap"
    order = 90
    template_name = "learning/admin/home_panel.html"

    def get_context_data(self, parent_context):
        from .models import Citizen, Household

        request = parent_context["request"]
        user = request.user
        counts = []
        if user.has_perm("learning.view_household"):
            counts.append(("hộ gia đình", access.scope(Household.objects.all(), user).count()))
        if user.has_perm("learning.view_citizen"):
            counts.append(("công dân học tập", access.scope(Citizen.objects.all(), user).count()))
        return {
            "wards": [site.site_name for site in access.sites(user)],
            "counts": counts,
            "links": [(label, reverse(url)) for label, url, perm in LINKS if user.has_perm(perm)],
        }
