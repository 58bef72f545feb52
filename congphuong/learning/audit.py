"""Write the export log: every download of the module's data says who, when and what."""

from wagtail.models import Site

from . import access
from .models import ExportLog


def log_export(request, what, file_format, rows=0, site=None, personal_data=True):
    user = request.user if request.user.is_authenticated else None
    if site is None:
        raw = request.GET.get("site") or request.GET.get("phuong") or ""
        site_id = Site.objects.filter(pk=int(raw)).values_list("pk", flat=True).first() if raw.isdigit() else None
        if site_id is None and not raw:
            # Unfiltered export: a user of a single ward exported that ward's rows (the list holds no other),
            # so the ward's site administrators see the entry.
            wards = access.site_ids(user)
            site_id = next(iter(wards)) if wards is not None and len(wards) == 1 else None
    else:
        site_id = site.pk
    return ExportLog.objects.create(
        user=user,
        username=user.get_username() if user else "",
        site_id=site_id,
        what=what[:200],
        file_format=file_format,
        rows=rows,
        parameters=request.GET.urlencode()[:500],
        personal_data=personal_data,
    )
