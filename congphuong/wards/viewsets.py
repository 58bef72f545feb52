"""The base of every snippet viewset whose rows belong to one ward (a `site` field).

- the listing and the chooser list only the wards the user works for
  (`congphuong.wards.membership.scope`); the views that open one record are guarded
  by `WardIsolationMiddleware` for every viewset, this one or not;
- no copy view: Wagtail's copy form saves into the record it was opened from, so a
  "copy" of another ward's record with our own ward in it moved and renamed the record,
  and unpublished it, without the edit view's checks.
"""

from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from congphuong.wards.membership import scope


class WardChooseMixin:
    def get_object_list(self):
        return scope(super().get_object_list(), self.request.user)


class WardChooseView(WardChooseMixin, ChooseView):
    pass


class WardChooseResultsView(WardChooseMixin, ChooseResultsView):
    pass


class WardChooserViewSet(SnippetChooserViewSet):
    choose_view_class = WardChooseView
    choose_results_view_class = WardChooseResultsView


class WardSnippetViewSet(SnippetViewSet):
    copy_view_enabled = False
    chooser_viewset_class = WardChooserViewSet

    def get_queryset(self, request):
        return scope(self.model._default_manager.all(), request.user)
