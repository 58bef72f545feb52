from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet

from .models import YearTheme
from .viewsets import WardSnippetViewSet


class YearThemeForm(WagtailAdminModelForm):
    """Only the wards the user works for can be chosen (every ward for a superuser)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .membership import ward_ids

        user = getattr(self, "for_user", None)
        allowed = ward_ids(user) if user is not None else None
        if allowed is not None and "site" in self.fields:
            self.fields["site"].queryset = self.fields["site"].queryset.filter(pk__in=allowed)


class YearThemeViewSet(WardSnippetViewSet):
    model = YearTheme
    icon = "calendar-alt"
    menu_label = "Chủ đề năm"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["year", "text", "site"]
    list_filter = ["site", "year"]
    ordering = ["-year"]

    edit_handler = ObjectList(YearTheme.panels, base_form_class=YearThemeForm)


register_snippet(YearThemeViewSet)


@hooks.register("insert_global_admin_css")
def admin_branding_css():
    return format_html('<link rel="stylesheet" href="{}">', static("wards/admin-branding.css"))
