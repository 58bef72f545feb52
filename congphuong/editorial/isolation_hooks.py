"""Wagtail hooks of ward isolation (see `congphuong.editorial.isolation`).

- the admin API behind the page explorer and the rich-text choosers lists only the documents and
  images the user may choose (Wagtail's lists every file of the install, a ward's private learning
  files included);
- the page chooser (links, page fields) browses and finds only the pages of the user's wards
  (Wagtail's offers the whole tree, drafts of other wards included);
- the site history (and its filters of users and types) lists the log entries of a record only
  to those who may reach that record (`isolation.reachable`): Wagtail's shows every ward's
  entries of a model to anyone holding one permission on it, titles included; the entries of a
  deleted record or model, whose ward is unknown, only to superusers;
- the reports that cannot be narrowed to a ward (`SUPERUSER_ONLY_URL_NAMES`) leave the menu of
  everyone but superusers (the middleware refuses their URLs).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, Site
from wagtail.models.audit_log import ModelLogEntryManager
from wagtail.permissions import policy_registry

from congphuong.wards.membership import pages_in, ward_ids

from .isolation import SUPERUSER_ONLY_MENU_ITEMS, reachable


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
    # The tree's root stays: browsing starts there.
    return pages.filter(Q(depth=1) | pages_in(allowed))


_wagtail_viewable_by_user = ModelLogEntryManager.viewable_by_user


def ward_viewable_by_user(self, user):
    entries = _wagtail_viewable_by_user(self, user)
    if user.is_superuser:
        return entries
    condition = Q()
    for content_type_id in set(entries.values_list("content_type_id", flat=True).distinct()):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            ids = []  # a removed model: its ward is unknown
        else:
            rows = reachable(model, user)
            if rows is None:
                continue  # a model without a ward: its permissions decide, as in Wagtail
            ids = rows.annotate(log_object_id=Cast("pk", CharField())).values("log_object_id")
        condition &= ~Q(content_type_id=content_type_id) | Q(object_id__in=ids)
    return entries.filter(condition)


# Every use of the model log (site history, its filters) goes through this manager method.
ModelLogEntryManager.viewable_by_user = ward_viewable_by_user


class WardPagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count of the user's own wards.

    Wagtail counts the pages below the common ancestor of the pages a user may edit. A ward's groups edit
    its Vietnamese home and its English home (siblings under the tree root, docs/english-section.md), so
    that ancestor is the root, and the count would take in every ward's pages."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        allowed = ward_ids(self.request.user)
        if allowed is not None:
            context["total_pages"] = Page.objects.filter(pages_in(allowed)).count()
            home = _first_ward(allowed)
            if home is not None:
                context["root_page"] = home.root_page
        return context


def _first_ward(allowed):
    return Site.objects.filter(pk__in=allowed).select_related("root_page").order_by("pk").first()


def _named_after_the_ward(item, site):
    """Wagtail names the site of the common ancestor (the root: the install's name); say the ward's."""
    original = item.get_context_data

    def get_context_data(parent_context):
        context = original(parent_context)
        if "site_name" in context:
            context["site_name"] = site.site_name
        return context

    item.get_context_data = get_context_data
    return item


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail's own, which adds the items
def ward_summary(request, summary_items):
    allowed = ward_ids(request.user)
    site = _first_ward(allowed) if allowed else None
    items = [WardPagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in summary_items]
    summary_items[:] = [_named_after_the_ward(item, site) for item in items] if site is not None else items
