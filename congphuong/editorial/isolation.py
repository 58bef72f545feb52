"""Ward isolation of every admin view that opens one record: one guard, not one patch per view.

Wagtail's viewsets (snippets, ModelViewSets) route many views to one record: edit, delete,
inspect, but also copy, history, usage, revisions, unpublish, lock, workflow and the
choosers' "chosen" view. Our viewsets narrowed some of them to the user's wards; the others
answered for any ward. `WardIsolationMiddleware` closes the class in one place: before any
admin view runs, the record its URL names (the view's `model`, the `pk` of the URL) must be
one of the wards the user works for, else 404 (an id reveals nothing). A POST that names a
ward (`site`) the user does not work for is refused (403) whatever the form offers. Bulk
actions (`/admin/bulk/<app>/<model>/<action>/?id=…`) on a ward's records get the same check for
every id; "every item of the listing" (`id=all`) is refused for them, since Wagtail would take
every ward's rows.

Which ward a record belongs to, and who works for which ward, is answered by
`congphuong.wards.membership` (`ward_lookup`, `scope`, `user_ward_ids`):
- learning-society records follow that module's own dimension (`congphuong.learning.access`:
  the "Phân công phường" assignments, shared criteria sets and targets);
- any other model with a `site` field, or reaching a Site through one foreign key (a note of
  a question), or through a page (a comment on a draft), belongs to that Site; a row
  without a ward (a shared topic) is readable by everyone who has the model permission;
- users, pages, documents and images are ruled by Wagtail's page/collection permissions and
  by `congphuong.accounts.users`; a model without a ward is left to its permission policy.
  Where Wagtail names rows it then refuses (bulk actions' confirmation page, the site history),
  `reachable` narrows accounts, groups and files to those the user may reach.

Who works for a ward: the per-ward role groups (`membership.ward_ids`); superusers work for every
ward.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse

from congphuong.wards.membership import role_groups, scope, user_ward_ids, ward_ids, ward_lookup

# Admin views that cannot be narrowed to a ward: install-wide counts and titles. Superusers only.
# The workflow reports list every ward's snippets in moderation and offer, as a filter, every
# account that ever asked for a review; Wagtail builds both from module-level functions no hook
# reaches.
SUPERUSER_ONLY_URL_NAMES = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_results",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:workflow_tasks_results",
}
SUPERUSER_ONLY_MENU_ITEMS = {"page-types-usage", "workflows", "workflow-tasks"}

BULK_URL_NAME = "wagtail_bulk_action"
BULK_ALL_MESSAGE = "Hãy chọn từng mục trong danh sách: không thao tác hàng loạt trên “tất cả” được."
FOREIGN_WARD_POST_MESSAGE = "Không thể gán nội dung cho phường khác: bạn chỉ làm việc trên phường của mình."


def reachable(model, user):
    """The rows of `model` `user` may reach, or None when the model's permissions alone decide.

    Besides ward models: accounts (the ward administrator's cadres, and oneself), role groups
    (of one's wards, and the shared ones) and collection-held files (Wagtail's collection
    permissions). Used to narrow what lists every row of a model, such as the site history.
    """
    from django.contrib.auth.models import Group
    from wagtail.models import Collection
    from wagtail.permissions import policy_registry

    if model is None:
        return None
    if ward_lookup(model) is not None:
        return scope(model._default_manager.all(), user)
    if model is get_user_model():
        from congphuong.accounts.users import visible_users

        return model._default_manager.filter(Q(pk__in=visible_users(user).values("pk")) | Q(pk=user.pk))
    if model is Group:
        allowed = ward_ids(user)
        if allowed is None:
            return None
        return Group.objects.filter(Q(pk__in=role_groups(allowed).values("pk")) | Q(ward_role__isnull=True))
    if model is Collection or any(f.name == "collection" for f in model._meta.concrete_fields):
        policy = policy_registry.get_by_type(model, fallback=False)
        if policy is None or not hasattr(policy, "instances_user_has_any_permission_for"):
            return None
        return policy.instances_user_has_any_permission_for(user, ["add", "change", "delete", "choose"])
    return None


def may_reach(user, model, pk) -> bool:
    """Whether the record `pk` of `model` exists in one of `user`'s wards (or belongs to none)."""
    manager = model._default_manager
    try:
        return scope(manager.filter(pk=pk), user).exists()
    except (ValueError, TypeError):
        return False


def view_model(view_func):
    """The model a (class-based) view works on, from its `as_view()` arguments or its class."""
    initkwargs = getattr(view_func, "view_initkwargs", None) or {}
    model = initkwargs.get("model") or getattr(getattr(view_func, "view_class", None), "model", None)
    return model if isinstance(model, type) and issubclass(model, models.Model) else None


def view_pk(view_func, kwargs):
    view_class = getattr(view_func, "view_class", None)
    name = (getattr(view_func, "view_initkwargs", None) or {}).get("pk_url_kwarg") or getattr(
        view_class, "pk_url_kwarg", "pk"
    )
    value = kwargs.get(name, kwargs.get("pk"))
    return unquote(str(value)) if value is not None else None


def bulk_refusal(request, user, kwargs):
    """None when every record of a bulk action is the user's, else why not (Vietnamese)."""
    try:
        model = apps.get_model(kwargs.get("app_label", ""), kwargs.get("model_name", ""))
    except (LookupError, ValueError):
        return None  # Wagtail answers 404 itself
    ids = request.GET.getlist("id")
    if ward_lookup(model) is not None:
        if "all" in ids:
            return BULK_ALL_MESSAGE
        if any(not may_reach(user, model, unquote(pk)) for pk in ids):
            raise Http404("Không tìm thấy.")
        return None
    # Accounts, groups and files have no ward field, but Wagtail's confirmation page names every
    # chosen row (with "you may not…"): only rows the user may reach are named at all.
    rows = reachable(model, user)
    if rows is None:
        return None
    if "all" in ids:
        return BULK_ALL_MESSAGE
    if any(not rows.filter(pk=_int_or_none(unquote(pk))).exists() for pk in ids):
        raise Http404("Không tìm thấy.")
    return None


def _int_or_none(value):
    return int(value) if str(value).isdigit() else None


def foreign_site_posted(request, model, user) -> bool:
    """A POST naming, as the record's ward, a ward `user` does not work for."""
    if request.method != "POST" or "site" not in request.POST:
        return False
    path = ward_lookup(model)
    if path is None or path[1] != "site":
        return False
    allowed = user_ward_ids(user, model)
    if allowed is None:
        return False
    raw = request.POST.get("site", "")
    return raw != "" and not (raw.isdigit() and int(raw) in allowed)


def is_admin_request(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and (match.route or "").startswith("admin/")


class WardIsolationMiddleware:
    """Runs before every admin view: another ward's record answers 404, another ward's `site` 403."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_superuser or not is_admin_request(request):
            return None
        if request.resolver_match.view_name in SUPERUSER_ONLY_URL_NAMES:
            raise Http404("Không tìm thấy.")
        if request.resolver_match.view_name == BULK_URL_NAME:
            reason = bulk_refusal(request, user, view_kwargs)
            return self.refuse(request, reason) if reason else None
        model = view_model(view_func)
        if model is None or ward_lookup(model) is None:
            return None
        pk = view_pk(view_func, view_kwargs)
        if pk is not None and not may_reach(user, model, pk):
            raise Http404("Không tìm thấy.")
        if foreign_site_posted(request, model, user):
            return self.refuse(request, FOREIGN_WARD_POST_MESSAGE)
        return None

    @staticmethod
    def refuse(request, message):
        return TemplateResponse(request, "editorial/admin/foreign_ward.html", {"message": message}, status=403)
