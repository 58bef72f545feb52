from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "congphuong.search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from congphuong.core import bulk

        from . import signals

        signals.connect()
        bulk.register_deferral(signals.indexing_deferred)
        bulk.register_change_listener(signals.on_bulk_changed)
