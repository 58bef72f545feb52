"""The ward whose name and emblem the back office shows instead of Wagtail's bird.

A cadre works for one ward: the ward of their editorial role, or else of their learning
assignment. A superuser (or a cadre of several wards) sees the ward of the address they
opened the admin on.
"""

from wagtail.models import Site

from .membership import some_ward_ids

PORTAL_NAME = "Cổng Phường"


def admin_ward_settings(request):
    """The WardSettings to brand the admin with for ``request.user``, or None."""
    from .models import WardSettings

    user = getattr(request, "user", None)
    ids = some_ward_ids(user)
    if ids is not None and len(ids) == 1:
        (site_id,) = ids
        # One query on every admin page: the ward's settings straight from its id; the Site is asked
        # for only when they are missing (a ward without settings shows the portal's name).
        ward = WardSettings.objects.filter(site_id=site_id).select_related("emblem").first()
        if ward is not None or Site.objects.filter(pk=site_id).exists():
            return ward
    site = Site.find_for_request(request)
    if site is None:
        return None
    return WardSettings.objects.filter(site=site).select_related("emblem").first()
