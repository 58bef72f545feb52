"""Back office for "Thủ tục hành chính": the list of lĩnh vực (the procedures are pages)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from congphuong.documents.wagtail_hooks import ManagedListViewSet

from .models import ProcedureSector


class ProcedureSectorViewSet(ManagedListViewSet):
    model = ProcedureSector
    icon = "tag"
    menu_label = "Lĩnh vực thủ tục"


class ProceduresMenu(SnippetViewSetGroup):
    menu_label = "Thủ tục"  # the sidebar cuts labels past 14 characters
    menu_icon = "clipboard-list"
    menu_order = 270
    items = (ProcedureSectorViewSet,)


register_snippet(ProceduresMenu)
