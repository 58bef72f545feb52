"""The filters of every admin listing offer only the wards, and ward records, the user may act in.

Wagtail builds a listing's filters from `list_filter` with a `WagtailFilterSet`: a "Phường"
filter offered every ward of the install to a ward's cadre, and a filter on a ward model
(a khu phố, a household) every ward's rows. The list itself was scoped, but the choices were
not. Rather than one filter set per viewset (a new viewset would forget it), every
`WagtailFilterSet` — ours, the snippets', Wagtail's own — narrows its choices after it is
built (`install_ward_filters`, from `EditorialConfig.ready`):

- a choice of `Site` keeps the wards the user works for (`isolation.user_ward_ids`, so the
  learning module's listings follow its "Phân công phường" assignments);
- a choice of a ward model keeps the rows of those wards (`isolation.scope`);
- anything else (accounts, page types, years…) is left as the filter set made it.

Superusers keep every choice.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Site

from congphuong.wards.membership import members, scope, user_ward_ids, ward_ids, ward_lookup


def narrowed(queryset, user, listed_model):
    """`queryset` (the choices of one filter) reduced to what `user` may act in."""
    model = getattr(queryset, "model", None)
    if model is Site:
        allowed = user_ward_ids(user, listed_model or Site)
        return queryset if allowed is None else queryset.filter(pk__in=allowed)
    if model is not None and model is get_user_model():
        # "Owner", "Edited by", "User" filters: the names of the user's own wards' staff, not the install's.
        allowed = ward_ids(user)
        if allowed is None:
            return queryset
        return queryset.filter(Q(pk__in=members(allowed).values("pk")) | Q(pk=user.pk))
    if model is not None and ward_lookup(model) is not None:
        return scope(queryset, user)
    return queryset


def narrow_filter_choices(filterset, user) -> None:
    listed_model = filterset._meta.model
    for filter_ in filterset.filters.values():
        queryset = getattr(filter_, "queryset", None)
        if queryset is None:
            continue
        if callable(queryset):  # django-filter calls it with the request when the field is built

            def narrowed_later(request, build=queryset):
                return narrowed(build(request), user, listed_model)

            filter_.queryset = narrowed_later
        else:
            filter_.queryset = narrowed(queryset, user, listed_model)
        filter_.__dict__.pop("_field", None)  # a field built already holds the old choices


_wagtail_init = WagtailFilterSet.__init__


def _ward_filterset_init(self, *args, **kwargs):
    _wagtail_init(self, *args, **kwargs)
    user = getattr(self.request, "user", None)
    if user is not None and user.is_authenticated and not user.is_superuser:
        narrow_filter_choices(self, user)


def install_ward_filters() -> None:
    """Every WagtailFilterSet narrows its choices once built (idempotent)."""
    WagtailFilterSet.__init__ = _ward_filterset_init
