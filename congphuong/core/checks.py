"""System check: no admin form shows one model field in two panels.

A field in two panels renders two widgets with one name: two stacked choosers open on one
click, the second widget's (empty) value wins on save and the editor's choice is lost. That
is how articles lost their featured image ("Ảnh đại diện" in both "Nội dung" and "Quảng bá").

Every form is found from Wagtail's own registries, so a page type, snippet or model viewset
added tomorrow is checked too: get_page_models() for pages, and the admin viewset registry
(snippets and ModelViewSets alike) for the rest.
"""

from collections import Counter

from django.core import checks

DUPLICATE_PANEL_ID = "congphuong.E001"


def panel_field_names(panel) -> list[str]:
    """The form fields (and inline formsets) ``panel`` and its descendants show, in order, with
    repetitions. An InlinePanel's own children belong to its child form: checked on their own."""
    from wagtail.admin.panels import FieldPanel, InlinePanel

    if isinstance(panel, InlinePanel):
        return [panel.relation_name]
    if isinstance(panel, FieldPanel):
        return [panel.field_name]
    names = []
    for child in getattr(panel, "children", ()):
        names.extend(panel_field_names(child))
    return names


def inline_panels(panel):
    from wagtail.admin.panels import InlinePanel

    if isinstance(panel, InlinePanel):
        yield panel
        return
    for child in getattr(panel, "children", ()):
        yield from inline_panels(child)


def duplicated_fields(edit_handler) -> dict[str, list[str]]:
    """{form label: [field shown more than once]} for a bound edit handler and its inline forms."""
    found = {}
    counts = Counter(panel_field_names(edit_handler))
    repeated = sorted(name for name, count in counts.items() if count > 1)
    if repeated:
        found[edit_handler.model._meta.label] = repeated
    for inline in inline_panels(edit_handler):
        child = getattr(inline, "child_edit_handler", None)
        if child is not None:
            found.update(duplicated_fields(child))
    return found


def admin_edit_handlers():
    """(label, bound edit handler) for every page type and every admin viewset that has panels."""
    from django.urls import get_resolver
    from wagtail.admin.viewsets import viewsets
    from wagtail.models import get_page_models

    for model in get_page_models():
        yield f"page type {model._meta.label}", model.get_edit_handler()
    # Loading the URL conf runs Wagtail's register_admin_viewset hooks (ModelViewSets).
    _ = get_resolver().url_patterns
    seen = set()
    for viewset in viewsets.viewsets:
        get_handler = getattr(viewset, "get_edit_handler", None)
        if get_handler is None or id(viewset) in seen:
            continue
        seen.add(id(viewset))
        handler = get_handler()
        if handler is not None:
            yield f"{type(viewset).__name__} ({viewset.model._meta.label})", handler


def check_no_field_in_two_panels(app_configs=None, **kwargs):
    errors = []
    for label, handler in admin_edit_handlers():
        for form, fields in duplicated_fields(handler).items():
            errors.append(
                checks.Error(
                    f"{label}: the form of {form} shows {', '.join(fields)} in more than one panel.",
                    hint="Keep each field in one panel only (core/models.py base_promote_panels).",
                    obj=label,
                    id=DUPLICATE_PANEL_ID,
                )
            )
    return errors
