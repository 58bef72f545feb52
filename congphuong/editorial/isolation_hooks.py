"""Wagtail hooks of ward isolation (see `congphuong.editorial.isolation`).

- the admin API behind the page explorer and the rich-text choosers lists only the documents and
  images the user may choose (Wagtail's lists every file of the install, a ward's private learning
  files included);
- the page chooser (links, page fields) browses and finds only the pages of the user's wards
  (Wagtail's offers the whole tree, drafts of other wards included);
- the reports that cannot be narrowed to a ward (`SUPERUSER_ONLY_URL_NAMES`) leave the menu of
  everyone but superusers (the middleware refuses their URLs).
"""

from django.db.models import Q
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Site
from wagtail.permissions import policy_registry

from .isolation import SUPERUSER_ONLY_MENU_ITEMS
from .wards import ward_ids


class ChoosableMixin:
    """Only the files of collections the user may choose from (a ward's own and shared ones)."""

    def get_queryset(self):
        model = self.model
        choosable = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
            self.request.user, ["choose"]
        )
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class WardDocumentsAdminAPIViewSet(ChoosableMixin, DocumentsAdminAPIViewSet):
    model = get_document_model()


class WardImagesAdminAPIViewSet(ChoosableMixin, ImagesAdminAPIViewSet):
    model = get_image_model()


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own, which it replaces
def scope_admin_api(router):
    router.register_endpoint("documents", WardDocumentsAdminAPIViewSet)
    router.register_endpoint("images", WardImagesAdminAPIViewSet)


@hooks.register("construct_reports_menu")
def hide_install_wide_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in SUPERUSER_ONLY_MENU_ITEMS]


@hooks.register("construct_page_chooser_queryset")
def ward_pages_only(pages, request):
    allowed = ward_ids(request.user)
    if allowed is None:
        return pages
    condition = Q(depth=1)  # the tree's root: where browsing starts
    for root in Site.objects.filter(pk__in=allowed).values_list("root_page__path", flat=True):
        condition |= Q(path__startswith=root)
    return pages.filter(condition)
