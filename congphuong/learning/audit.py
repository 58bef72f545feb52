"""Write the export log: every download of the module's data says who, when, what and whose wards."""

from wagtail.models import Site

from . import access
from .models import ExportLog


def requested_site_ids(request) -> set[int]:
    """The ward a list or report was filtered on (?site= / ?phuong=), when it is one of the user's."""
    raw = request.GET.get("site") or request.GET.get("phuong") or ""
    if not raw.isdigit() or not access.may_see_site(request.user, int(raw)):
        return set()
    return set(Site.objects.filter(pk=int(raw)).values_list("pk", flat=True))


def data_site_ids(rows) -> set[int]:
    """The wards whose rows a list export holds (`rows`: a queryset or a list of objects)."""
    if isinstance(rows, list):
        found = set()
        for item in rows:
            if access.site_field_of(type(item)) == "sites":
                found.update(site.pk for site in item.sites.all())
            else:
                found.add(access.instance_site_id(item))
        return found - {None}
    field = access.site_field_of(rows.model)
    if field is None:
        return set()
    return set(rows.order_by().values_list(field, flat=True).distinct()) - {None}


def log_export(request, what, file_format, rows=0, site=None, personal_data=True, sites=None):
    """Log one download.

    `site`: the one ward of a report, cash book, certificate list or evidence file;
    `sites`: the wards whose rows a list export holds. Without either (or for an empty
    list) the entry names the ward asked for, else every ward the user could export from.
    """
    user = request.user if request.user.is_authenticated else None
    if site is not None:
        ward_ids = {site.pk}
    else:
        ward_ids = set(sites or ()) or requested_site_ids(request)
        if not ward_ids and user is not None:
            ward_ids = set(access.site_ids(user) or ())  # a superuser's empty export names no ward
    entry = ExportLog.objects.create(
        user=user,
        username=user.get_username() if user else "",
        what=what[:200],
        file_format=file_format,
        rows=rows,
        parameters=request.GET.urlencode()[:500],
        personal_data=personal_data,
    )
    if ward_ids:
        entry.sites.set(ward_ids)
    return entry
