"""Which wards' learning-society data a user may see and change (ward isolation).

This is a dimension of its own beside the editorial role groups of `congphuong.wards.membership`
("Phân công phường": a learning officer holds no ward's role group), registered there as
`DIMENSION` so that the admin's ward guard scopes this app's records by it.

Every list, form, export, report, import and dashboard of the module asks this module, and so
does the Wagtail permission policy of each model (`WardPermissionPolicy`):

- a superuser sees every ward;
- anyone else sees only the wards of their "Phân công phường" (`WardAssignment`);
  a user without an assignment sees no ward's data, whatever their groups;
- shared (national) criteria sets, targets and recognising bodies, those without a ward, are visible to
  everyone who may view them, but only a superuser or the "Quản trị xã hội học tập
  dùng chung" group changes them;
- assignments themselves are managed by a superuser, or by a member of "Quản trị trang"
  for the wards that member is assigned to.

A record of another ward answers 404, as if it did not exist: its id says nothing.
An export log entry belongs to every ward whose data the file held (`ExportLog.sites`).
Files (Wagtail documents) follow the same assignments through `files.py`.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy

from congphuong.wards.membership import Dimension, has_role, members

from .roles import NATIONAL_ADMIN, SITE_ADMIN

CACHE_ATTR = "_learning_site_ids"

NO_WARD_MESSAGE = (
    "Tài khoản của bạn chưa được phân công phường nào trong mục Xã hội học tập. "
    "Hãy đề nghị quản trị trang của phường phân công (mục “Phân công phường”)."
)


def site_ids(user) -> frozenset[int] | None:
    """Ids of the wards `user` works on; None means every ward (superuser)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    cached = getattr(user, CACHE_ATTR, None)
    if cached is None:
        from .models import WardAssignment

        cached = frozenset(WardAssignment.objects.filter(user=user).values_list("site_id", flat=True))
        setattr(user, CACHE_ATTR, cached)
    return cached


def forget(user):
    """Drop the cached wards (after the user's assignments changed)."""
    if user is not None and hasattr(user, CACHE_ATTR):
        delattr(user, CACHE_ATTR)


def sites(user) -> list[Site]:
    """The wards `user` may choose, default ward first."""
    queryset = Site.objects.order_by("-is_default_site", "site_name", "pk")
    ids = site_ids(user)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return list(queryset)


def site_queryset(user):
    ids = site_ids(user)
    queryset = Site.objects.order_by("-is_default_site", "site_name", "pk")
    return queryset if ids is None else queryset.filter(pk__in=ids)


def may_see_site(user, site_id) -> bool:
    ids = site_ids(user)
    return ids is None or site_id in ids


def site_field_of(model) -> str | None:
    """The path from `model` to its ward, or None for a model without one."""
    from .models import Evidence, ExportLog, HouseholdMember, RegistrationEvent, Score

    if model in (Evidence, Score, RegistrationEvent):
        return "registration__site"
    if model is HouseholdMember:
        return "household__site"
    if model is ExportLog:
        return "sites"  # every ward whose data the file held
    names = {field.name for field in model._meta.get_fields()}
    return "site" if "site" in names else None


def is_shared_model(model) -> bool:
    """Models whose rows without a ward are national data every ward reads."""
    from .models import CriteriaSet, RecognisingBody, Target

    return model in (CriteriaSet, Target, RecognisingBody)


def scope(queryset, user, field=None):
    """`queryset` reduced to the wards `user` may see (plus shared rows of shared models)."""
    field = field or site_field_of(queryset.model)
    if field is None:
        return queryset
    ids = site_ids(user)
    if ids is None:
        return queryset
    condition = Q(**{f"{field}__in": ids})
    if is_shared_model(queryset.model) and field == "site":
        condition |= Q(site__isnull=True)
    if queryset.model._meta.get_field(field.split("__")[0]).many_to_many:
        # A row of two of the user's wards must come once.
        return queryset.filter(pk__in=queryset.model._default_manager.filter(condition).values("pk"))
    return queryset.filter(condition)


def get_or_404(queryset, user, **lookup):
    """One object of a ward `user` may see, else 404 (never 403: an id reveals nothing)."""
    try:
        return scope(queryset, user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404("Không tìm thấy.") from exc


def chosen_site_or_404(user, raw):
    """The ward asked for by id (?phuong=), 404 when it is not one of the user's."""
    if raw is None or not str(raw).isdigit():
        raise Http404("Không tìm thấy phường.")
    found = site_queryset(user).filter(pk=int(raw)).first()
    if found is None:
        raise Http404("Không tìm thấy phường.")
    return found


def instance_site_id(instance):
    field = site_field_of(type(instance))
    if field is None or field == "sites":
        return None
    value = instance
    for part in field.split("__"):
        if value is None:
            return None
        if part == "site":
            return value.site_id
        value = getattr(value, part)
    return None


def is_national_admin(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=NATIONAL_ADMIN).exists()


def may_see_instance(user, instance) -> bool:
    model = type(instance)
    if is_shared_model(model) and instance.site_id is None:
        return True
    field = site_field_of(model)
    if field is None:
        return True
    if field == "sites":
        ids = site_ids(user)
        return ids is None or any(site.pk in ids for site in instance.sites.all())
    return may_see_site(user, instance_site_id(instance))


def may_change_instance(user, instance) -> bool:
    """Shared rows only for national administrators; ward rows only for the ward's users."""
    if is_shared_model(type(instance)) and instance.site_id is None:
        return is_national_admin(user)
    return may_see_instance(user, instance)


def manages_assignments_of(user) -> frozenset[int] | None:
    """Wards whose assignments `user` edits: all (None) for a superuser, their own wards for a site admin."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    # "Quản trị trang" itself or a ward's group of that role ("Quản trị trang – Phường …").
    if not has_role(user, [SITE_ADMIN]):
        return frozenset()
    return site_ids(user)


def assignable_users(user, managed):
    """The accounts a manager of the wards `managed` may assign (None: every ward, superuser).

    Their wards' cadres (role groups), those already assigned to their wards, and accounts of
    no ward yet (a new learning officer holds only the install-wide group): never another
    ward's cadres, whose names are that ward's business.
    """
    from django.contrib.auth import get_user_model

    from .models import WardAssignment

    users = get_user_model()._default_manager.filter(is_active=True)
    if managed is None:
        return users
    in_a_ward = members(Site.objects.values("pk")).values("pk")
    assigned = WardAssignment.objects.values("user_id")
    return (
        users.filter(is_superuser=False)
        .filter(
            Q(pk__in=members(managed).values("pk"))
            | Q(pk__in=WardAssignment.objects.filter(site_id__in=managed).values("user_id"))
            | (~Q(pk__in=in_a_ward) & ~Q(pk__in=assigned))
        )
        .distinct()
    )


def restrict_form(form, user, shared_allowed=False):
    """Limit the form's ward and related-object choices to what `user` may see.

    `shared_allowed`: the ward may be left empty (a shared criteria set or target),
    which only a national administrator may do.
    """
    from django import forms
    from wagtail.documents import get_document_model

    for name, field in form.fields.items():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        model = field.queryset.model
        if model is get_document_model():
            from .files import allowed_collections

            # Only the private files of the user's wards (the decision's own ward is checked by the model).
            field.queryset = field.queryset.filter(collection__in=allowed_collections(user, ["choose"]))
            field.error_messages["invalid_choice"] = (
                "Không chọn được tệp này: chỉ chọn tệp trong thư mục “Hồ sơ xã hội học tập” của phường mình."
            )
            continue
        if model is Site:
            if name == "site":
                field.queryset = site_queryset(user) if site_ids(user) is not None else field.queryset
                if not (shared_allowed and is_national_admin(user)):
                    field.required = True
                    field.empty_label = None if len(field.queryset) == 1 else field.empty_label
            continue
        if site_field_of(model) is not None:
            field.queryset = scope(field.queryset, user)
    return form


class WardPermissionPolicy(ModelPermissionPolicy):
    """Django model permissions, narrowed to the wards of the user (and shared rows read-only)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action == "view":
            return may_see_instance(user, instance)
        return may_change_instance(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        queryset = scope(self.model._default_manager.all(), user)
        if is_shared_model(self.model) and not is_national_admin(user) and set(actions) - {"view"}:
            queryset = queryset.exclude(site__isnull=True)
        return queryset

    def users_with_any_permission_for_instance(self, actions, instance):
        # Only used by Wagtail for notifications; the model permission is the best answer it needs.
        return self.users_with_any_permission(actions)


DIMENSION = Dimension(name="Phân công phường", ward_ids=site_ids, lookup=site_field_of, scope=scope)
