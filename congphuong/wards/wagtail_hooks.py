from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import YearTheme


class YearThemeViewSet(SnippetViewSet):
    model = YearTheme
    icon = "calendar-alt"
    menu_label = "Chủ đề năm"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["year", "text", "site"]
    list_filter = ["site", "year"]
    ordering = ["-year"]


register_snippet(YearThemeViewSet)
