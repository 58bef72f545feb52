from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "congphuong.serving"
    label = "serving"
    verbose_name = "Phục vụ trang"

    def ready(self):
        from congphuong.core import bulk, origin
        from congphuong.core import routing as core_routing

        from . import restrictions, routing, signals, tracking

        tracking.connect()
        signals.connect()
        bulk.register_deferral(signals.purges_deferred, outermost=True)
        # The ground floor asks serving without importing it: the kept ward of a request, and no
        # restriction query for a page under no restricted path.
        origin.register_site_finder(routing.find_site)
        core_routing.register_restriction_shortcut(restrictions.view_restrictions)
