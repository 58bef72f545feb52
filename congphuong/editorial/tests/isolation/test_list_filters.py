"""The filters of every admin listing offer ward B's cadres only ward B (and ward B's records).

The listings come from Wagtail's viewset registry (every snippet and model viewset, ours and
Wagtail's), so a viewset added later is checked the day it is registered. For each listing a
ward B role may open, every choice filter it shows is read from the filter set the view built:
a choice of wards must hold only the wards the user works for, a choice of ward records
(khu phố, households…) none of ward A's.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.models import Site

from congphuong.wards.membership import members, user_ward_ids
from congphuong.wards.membership import ward_lookup as ward_path

from .conftest import WARD_B_ROLES, account

pytestmark = pytest.mark.ward_walk


def listing_urls():
    """(viewset name, URL) of the listing of every registered viewset that has one without arguments."""
    found = []
    for viewset in viewsets.viewsets:
        for view_name in ("index", "list"):
            try:
                url = reverse(viewset.get_url_name(view_name))
            except (NoReverseMatch, AttributeError):
                continue
            found.append((viewset.name, url))
            break
    return found


def choice_fields(response):
    """(filter name, field) of every choice of records the listing's filters offer."""
    view = (response.context or {}).get("view") if response.status_code == 200 else None
    filters = getattr(view, "filters", None)  # the filter set the listing built for this request
    if filters is None:
        return []
    return [(name, field) for name, field in filters.form.fields.items() if hasattr(field, "queryset")]


def ward_a_rows(queryset, site_a):
    """The rows of `queryset` that belong to ward A (none when its model has no ward)."""
    model = queryset.model
    if model is Site:
        return queryset.filter(pk=site_a.pk)
    path = ward_path(model)
    if path is None:
        return queryset.none()
    kind, lookup = path
    if kind == "page":
        return queryset.filter(**{f"{lookup}__path__startswith": site_a.root_page.path})
    return queryset.filter(**{lookup: site_a})


def test_listing_filters_offer_only_the_users_wards(wards):
    from congphuong.editorial.tests.isolation.test_holes import superuser_client

    site_a, site_b = wards
    urls = listing_urls()
    assert len(urls) > 30  # the registry was walked: snippets, ours, Wagtail's
    # The page explorer takes a page: ward B's home (its "Owner" and "Edited by" filters list accounts).
    urls.append(("page explorer", reverse("wagtailadmin_explore", args=[site_b.root_page_id])))

    # The check means something: a superuser is offered ward A in the listings' "Phường" filters.
    superuser = superuser_client()
    offered_to_superuser = [
        url
        for _, url in urls
        for _, field in choice_fields(superuser.get(url))
        if field.queryset.model is Site and field.queryset.filter(pk=site_a.pk).exists()
    ]
    assert len(offered_to_superuser) >= 10, offered_to_superuser

    found, ward_filters, user_filters = [], 0, 0
    for username in WARD_B_ROLES:
        user = account(username)
        client = Client()
        client.force_login(user)
        for viewset_name, url in urls:
            response = client.get(url)
            listed_model = response.context["view"].model if response.status_code == 200 else None
            for name, field in choice_fields(response):
                offered = field.queryset
                if offered.model is get_user_model():
                    # Accounts: ward A's staff who do not also work for ward B are not offered.
                    foreign_staff = offered.filter(pk__in=members([site_a.pk])).exclude(
                        pk__in=members(user_ward_ids(user, Site) or [])
                    )
                    user_filters += 1
                    if foreign_staff.exists():
                        found.append((username, viewset_name, name, [u.get_username() for u in foreign_staff[:3]]))
                elif offered.model is Site:
                    ward_filters += 1
                    allowed = user_ward_ids(user, listed_model or Site)
                    foreign = sorted(offered.exclude(pk__in=allowed).values_list("site_name", flat=True))
                    if foreign:
                        found.append((username, viewset_name, name, foreign))
                elif ward_a_rows(offered, site_a).exists():
                    found.append((username, viewset_name, name, [str(row) for row in ward_a_rows(offered, site_a)[:3]]))
    assert user_filters >= 1  # the page explorer's "Owner" / "Edited by" were among them
    assert ward_filters >= 10  # ward B's roles were shown "Phường" filters (leaders, khu phố, households…)
    assert found == []
