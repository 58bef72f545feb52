"""Which wards a user works for, and which ward a page, file or record belongs to.

Every rule of ward isolation asks here (docs/wards.md):

- *who*: a user works for a ward when they are in one of that ward's role groups (Biên tập viên,
  Lãnh đạo duyệt, Quản trị trang of the ward: `editorial.WardRoleGroup`, made by `setup_roles`);
  superusers work for every ward (`None` below means "every ward"). Page permissions do not make a
  ward member: a hand-made group holding only page permissions edits those pages through Wagtail
  and reaches no ward's records here (it fails closed).
- *what*: a page belongs to the ward whose home page holds it (the deepest Site root above it); a
  collection, and the documents and images in it, to the ward whose collection holds it (any model
  linking a `collection` to a `site` one-to-one: the ward's public collection, the learning society's
  private one); any other record to the Site it reaches through `ward_lookup(model)`.
- an app whose records follow another assignment registers it as a *dimension* (the learning
  society's "Phân công phường": `congphuong.learning.access`); its records are then scoped by that
  dimension instead of the role groups.

This module imports no app: it reads the role groups through the `ward_role` relation of
Django's `Group` and finds collection links in the model registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Length
from django.db.models.lookups import StartsWith
from wagtail.models import Collection, Page, Site

from .roles import CITY_OVERVIEW_PERMISSION, ROLE_KEYS, SITE_ADMIN

SITE = "site"
PAGE = "page"

# Answers are kept on the user object (one request's `request.user`) until any group membership or
# role group changes anywhere in this process (`forget_all`, connected in `WardsConfig.ready`).
CACHE_ATTR = "_ward_membership"
_generation = [0]


# Who works for which ward.


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _role_keys(roles) -> list[str]:
    return [ROLE_KEYS[name] for name in roles]


def ward_ids(user, roles=None) -> set[int] | None:
    """Ids of the wards where `user` holds one of `roles` (role names; any role when None).

    None means every ward (a superuser); an anonymous or inactive user holds none.
    """
    if not _active(user):
        return set()
    if user.is_superuser:
        return None
    memo = _memo(user)
    key = None if roles is None else frozenset(roles)
    if key not in memo:
        groups = Group.objects.filter(user=user, ward_role__isnull=False)
        if roles is not None:
            groups = groups.filter(ward_role__role__in=_role_keys(roles))
        memo[key] = frozenset(groups.values_list("ward_role__site_id", flat=True))
    return set(memo[key])


def _memo(user) -> dict:
    """The answers kept on `user` (see CACHE_ATTR), emptied when a membership changed meanwhile."""
    kept: tuple[int, dict] | None = getattr(user, CACHE_ATTR, None)
    if kept is None or kept[0] != _generation[0]:
        kept = (_generation[0], {})
        setattr(user, CACHE_ATTR, kept)
    return kept[1]


def group_roles(user) -> frozenset[tuple[str, str | None]]:
    """(name, ward role key or None) of each group `user` is in: one query per request however many
    rules ask. The back office's sidebar alone asked four times per page (who may unlock accounts,
    who manages notices, each twice), a query each."""
    if not _active(user):
        return frozenset()
    memo = _memo(user)
    if "groups" not in memo:
        memo["groups"] = frozenset(user.groups.values_list("name", "ward_role__role"))
    return memo["groups"]


def forget_all(**kwargs):
    """A membership changed: every kept answer is stale (a signal receiver)."""
    _generation[0] += 1


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    m2m_changed.connect(forget_all, sender=get_user_model().groups.through, dispatch_uid="wards_membership_m2m")
    post_save.connect(forget_all, sender="editorial.WardRoleGroup", dispatch_uid="wards_membership_saved")
    post_delete.connect(forget_all, sender="editorial.WardRoleGroup", dispatch_uid="wards_membership_deleted")
    # A renamed or removed group changes what `group_roles` answers.
    post_save.connect(forget_all, sender=Group, dispatch_uid="wards_membership_group_saved")
    post_delete.connect(forget_all, sender=Group, dispatch_uid="wards_membership_group_deleted")


def may_act_in(user, site_id, roles=None) -> bool:
    """Whether `user` works for ward `site_id` (in one of `roles` when given)."""
    ids = ward_ids(user, roles)
    return ids is None or site_id in ids


def some_ward_ids(user) -> set[int] | frozenset[int] | None:
    """The wards of `user`'s role groups, else of the first dimension that gives them one (None: every ward)."""
    ids = ward_ids(user)
    for dimension in _dimensions.values():
        if ids is None or ids:
            break
        ids = dimension.ward_ids(user)
    return ids


def ward_sites(user, roles=None):
    """The Sites of the wards `user` works for (every Site for a superuser), default ward first."""
    sites = Site.objects.order_by("-is_default_site", "site_name", "hostname", "pk")
    ids = ward_ids(user, roles)
    return sites if ids is None else sites.filter(pk__in=ids)


def overseen_ward_sites(user):
    """The wards whose compliance board and self-assessment `user` may read: the wards they work for,
    every ward for a superuser or a city administrator (who reads them from the province overview
    and may change nothing in them)."""
    if _active(user) and not user.is_superuser and user.has_perm(CITY_OVERVIEW_PERMISSION):
        return Site.objects.order_by("-is_default_site", "site_name", "hostname", "pk")
    return ward_sites(user)


def has_role(user, names) -> bool:
    """Whether `user` is in a group named one of `names` or in any ward's group of such a role.

    Settings and rules name roles ("Quản trị trang") and install-wide groups ("Cán bộ khuyến
    học"); the members of a role sit in the per-ward groups, which count as that role.
    """
    names = set(names)
    keys = {ROLE_KEYS[name] for name in names if name in ROLE_KEYS}
    return any(name in names or role in keys for name, role in group_roles(user))


def role_groups(site_ids, roles=None):
    """The role groups of the wards `site_ids` (of `roles` when given)."""
    groups = Group.objects.filter(ward_role__site_id__in=site_ids)
    if roles is not None:
        groups = groups.filter(ward_role__role__in=_role_keys(roles))
    return groups


def members(site_ids, roles=None):
    """The users who work for one of the wards `site_ids` (in one of `roles` when given)."""
    return get_user_model()._default_manager.filter(groups__in=role_groups(site_ids, roles).values("pk")).distinct()


def administered_ward_ids(user) -> set[int] | None:
    """Wards where `user` is "Quản trị trang"; None for a superuser (every ward)."""
    return ward_ids(user, [SITE_ADMIN])


# Which ward a page, a collection or a record belongs to.


def ward_roots() -> list[tuple[int, str]]:
    """(Site id, tree path of its home page or of a translation of it), deepest first: a site nested in
    another is its own ward; the English home at /en/ (a sibling of the home) is the ward's too."""
    rows = list(Site.objects.values_list("id", "root_page__path", "root_page__translation_key"))
    site_of_key = {key: site_id for site_id, _path, key in rows}
    homes = {path for _site_id, path, _key in rows}
    translations = (
        Page.objects.filter(translation_key__in=site_of_key)
        .exclude(path__in=homes)
        .values_list("translation_key", "path")
    )
    roots = [(site_id, path) for site_id, path, _key in rows]
    roots += [(site_of_key[key], path) for key, path in translations]
    return sorted(roots, key=lambda row: (-len(row[1]), row[0]))


def ward_of_path(path: str, roots=None) -> int | None:
    for site_id, root_path in ward_roots() if roots is None else roots:
        if path.startswith(root_path):
            return site_id
    return None


def ward_of_page(page) -> int | None:
    return ward_of_path(page.path) if page is not None else None


def pages_in(site_ids, lookup: str = "") -> Q:
    """A condition on pages (or on the page `lookup` of a record) in the trees of the wards `site_ids`."""
    field = f"{lookup}__path__startswith" if lookup else "path__startswith"
    condition = Q(pk__in=[])
    wanted = set(site_ids)
    for site_id, root in ward_roots():
        if site_id in wanted:
            condition |= Q(**{field: root})
    return condition


def ward_of_page_subquery(path_field: str):
    """A subquery for the ward (Site) of the page whose path is the outer query's `path_field`.

    Use as `.annotate(ward_name=Subquery(ward_of_page_subquery("draft__path").values("site_name")[:1]))`.
    """
    return Site.objects.filter(StartsWith(OuterRef(path_field), F("root_page__path"))).order_by(
        Length("root_page__path").desc(), "pk"
    )


def ward_name_of_page(path_field: str) -> Subquery:
    """An annotation with the site name of the ward of the outer query's page `path_field`."""
    return Subquery(ward_of_page_subquery(path_field).values("site_name")[:1])


@cache
def collection_link_models() -> tuple[type[models.Model], ...]:
    """Models that tie one collection to one ward (the ward's public collection, its private files)."""

    def one_to_one(model, target):
        return any(f.one_to_one and f.concrete and f.related_model is target for f in model._meta.get_fields())

    return tuple(model for model in apps.get_models() if one_to_one(model, Collection) and one_to_one(model, Site))


def collection_wards() -> list[tuple[str, int]]:
    """(collection path, Site id) of every ward collection, deepest first."""
    rows: list[tuple[str, int]] = []
    for model in collection_link_models():
        collection = next(f.name for f in model._meta.get_fields() if f.one_to_one and f.related_model is Collection)
        site = next(f.name for f in model._meta.get_fields() if f.one_to_one and f.related_model is Site)
        rows += model._default_manager.values_list(f"{collection}__path", f"{site}_id")
    return sorted(rows, key=lambda row: (-len(row[0]), row[1]))


def ward_of_collection(collection, among=None) -> int | None:
    """The ward whose collection `collection` is or lies under; `among`: (path, Site id) pairs to look in."""
    if collection is None:
        return None
    for path, site_id in collection_wards() if among is None else among:
        if collection.path.startswith(path):
            return site_id
    return None


def ward_of(obj) -> int | None:
    """The ward of a page, a Site, a collection, a document or image, or any ward-scoped record."""
    if obj is None:
        return None
    if isinstance(obj, Site):
        return obj.pk
    if isinstance(obj, Page):
        return ward_of_page(obj)
    if isinstance(obj, Collection):
        return ward_of_collection(obj)
    site_id = getattr(obj, "site_id", None)
    if isinstance(site_id, int):
        return site_id
    if isinstance(getattr(obj, "collection", None), Collection):
        return ward_of_collection(obj.collection)
    path = ward_lookup(type(obj)) if isinstance(obj, models.Model) else None
    if path is None:
        return None
    kind, lookup = path
    value = obj
    for part in lookup.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return ward_of_page(value) if kind == PAGE else getattr(value, "pk", None)


# Records of ward-scoped models.


@dataclass(frozen=True)
class Dimension:
    """Another answer to "who works for which ward", for the records of one app.

    `ward_ids(user)`: the wards whose records the user reaches (None: every ward);
    `lookup(model)`: the path from a model to its Site (None: a model without a ward);
    `scope(queryset, user)`: the queryset narrowed to those wards (with the app's shared rows).
    """

    name: str
    ward_ids: Callable
    lookup: Callable
    scope: Callable


_dimensions: dict[str, Dimension] = {}


def register_dimension(app_label: str, dimension: Dimension) -> None:
    """Rule the records of `app_label` by `dimension` (call from the app's `ready()`)."""
    _dimensions[app_label] = dimension
    ward_lookup.cache_clear()


def dimension_of(model) -> Dimension | None:
    return _dimensions.get(model._meta.app_label)


@cache
def ward_lookup(model) -> tuple[str, str] | None:
    """How `model` reaches its ward: (SITE, lookup) or (PAGE, lookup); None for a model without one.

    A Site foreign key; else a foreign key to a page (a comment on a draft); else one step to a
    model with a Site foreign key (a note of a question). Pages themselves, documents and images are
    ruled by Wagtail's page and collection permissions, so they have no lookup here.
    """
    if model is Site or not issubclass(model, models.Model) or issubclass(model, Page):
        return None
    dimension = dimension_of(model)
    if dimension is not None:
        field = dimension.lookup(model)
        return (SITE, field) if field else None
    forward = [f for f in model._meta.get_fields() if f.is_relation and f.concrete and (f.many_to_one or f.one_to_one)]
    for field in forward:
        if field.related_model is Site:
            return (SITE, field.name)
    for field in forward:
        related = field.related_model
        if related is None or related is model:
            continue
        if issubclass(related, Page):
            return (PAGE, field.name)
        for sub in related._meta.get_fields():
            if sub.is_relation and sub.concrete and sub.many_to_one and sub.related_model is Site:
                return (SITE, f"{field.name}__{sub.name}")
    return None


def user_ward_ids(user, model):
    """The wards whose records of `model` `user` reaches: its dimension's, else the role groups'."""
    dimension = dimension_of(model)
    return dimension.ward_ids(user) if dimension is not None else ward_ids(user)


def scope(queryset, user, shared: bool = True):
    """`queryset` narrowed to the wards `user` works for.

    `shared`: rows without a ward (a shared topic) stay; they belong to every ward.
    """
    path = ward_lookup(queryset.model)
    if path is None:
        return queryset
    dimension = dimension_of(queryset.model)
    if dimension is not None:
        return dimension.scope(queryset, user)
    allowed = ward_ids(user)
    if allowed is None:
        return queryset
    kind, lookup = path
    if kind == PAGE:
        return queryset.filter(pages_in(allowed, lookup))
    condition = Q(**{f"{lookup}__in": allowed})
    if shared:
        condition |= Q(**{f"{lookup}__isnull": True})
    return queryset.filter(condition)


def ward_models():
    """Every installed model that belongs to a ward."""
    return [model for model in apps.get_models() if ward_lookup(model) is not None]
