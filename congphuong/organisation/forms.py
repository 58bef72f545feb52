"""Back-office forms: a ward's snippets offer only the wards the user works on."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site


class WardScopedForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from congphuong.wards.membership import ward_ids

        field = self.fields.get("site")
        if field is None or self.for_user is None:
            return
        allowed = ward_ids(self.for_user)
        if allowed is not None:
            field.queryset = Site.objects.filter(pk__in=allowed)
            if len(allowed) == 1 and not self.instance.pk:
                field.initial = next(iter(allowed))
        scoped = self.fields.get("disclosure_category")
        if scoped is not None and allowed is not None:
            scoped.queryset = scoped.queryset.filter(site_id__in=allowed)
