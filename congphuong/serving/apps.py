from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "congphuong.serving"
    label = "serving"
    verbose_name = "Phục vụ trang"

    def ready(self):
        from congphuong.core import bulk
        from congphuong.core import routing as core_routing

        from . import restrictions, signals, tracking

        tracking.connect()  # the one ORM hook: what a cacheable render reads (tracking.py)
        signals.connect()
        bulk.register_deferral(signals.purges_deferred, outermost=True)
        # The ground floor asks serving without importing it: no restriction query for a page
        # under no restricted path.
        core_routing.register_restriction_shortcut(restrictions.view_restrictions)
