from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "congphuong.core"
    label = "core"
    verbose_name = "Lõi hệ thống"

    def ready(self):
        from django.core import checks
        from wagtail.signals import page_published, workflow_submitted

        from . import renditions, signals  # noqa: F401  (signals: connects the NFC normaliser)
        from .admin_guards import install_admin_form_guards
        from .checks import check_no_field_in_two_panels
        from .image_filters import install_filter_operations_cache
        from .image_limits import install_pillow_limit
        from .page_urls import install_page_urls
        from .spreadsheets import install_wagtail_export_guard
        from .stream_data import install_stream_data_guard

        checks.register(check_no_field_in_two_panels, "congphuong_panels")
        page_published.connect(renditions.on_page_published, dispatch_uid="congphuong-renditions-on-publish")
        workflow_submitted.connect(renditions.on_workflow_submitted, dispatch_uid="congphuong-renditions-on-review")
        # Wagtail's own listing exports (reports, site history, list_export) have no formula escaping.
        install_wagtail_export_guard()
        # A POST without a StreamField's "-count" keys must be a 400, not a KeyError (500).
        install_stream_data_guard()
        # Other admin code paths a crafted POST turned into a 500 (choosers, rich text, copy, import…).
        install_admin_form_guards()
        # Pillow's decompression-bomb guard follows our pixel limit, not its 89-megapixel default.
        install_pillow_limit()
        # Image tags parse the same filter specs on every render: parsed once per spec.
        install_filter_operations_cache()
        # Page links without a reverse() each (core/page_urls.py): some fifty on every page.
        install_page_urls()
