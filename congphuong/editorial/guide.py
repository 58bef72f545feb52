"""The ward staff's own short guide, in Vietnamese, inside the admin ("Hướng dẫn").

Replaces Wagtail's Help menu, whose links lead to an English guide on wagtail.org written
for another product's menus and roles.
"""

from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/guide.html"
    page_title = "Hướng dẫn sử dụng"
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]
