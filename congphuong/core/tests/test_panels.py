"""No admin form shows one field twice (the featured image was lost that way).

The forms are enumerated from Wagtail's registries (core/checks.py), not listed here.
"""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import get_page_models

from congphuong.core.checks import (
    DUPLICATE_PANEL_ID,
    admin_edit_handlers,
    check_no_field_in_two_panels,
    duplicated_fields,
)
from congphuong.news.models import ArticlePage


def test_no_page_type_or_viewset_form_shows_a_field_twice():
    assert check_no_field_in_two_panels() == []


def test_the_check_covers_every_page_type_snippet_and_model_viewset():
    labels = [label for label, _handler in admin_edit_handlers()]
    page_types = {f"page type {model._meta.label}" for model in get_page_models()}
    assert page_types <= set(labels)
    assert any("news.ArticlePage" in label for label in labels)
    assert any("SnippetViewSet" in label or "wards.YearTheme" in label for label in labels)  # a snippet
    assert any("feedback.Question" in label for label in labels)  # a ModelViewSet


def test_the_check_reports_a_field_in_content_and_promote_tabs():
    handler = TabbedInterface(
        [
            ObjectList([FieldPanel("title"), FieldPanel("listing_image")], heading="Nội dung"),
            ObjectList([MultiFieldPanel([FieldPanel("slug"), FieldPanel("listing_image")])], heading="Quảng bá"),
        ]
    ).bind_to_model(ArticlePage)
    assert duplicated_fields(handler) == {"news.ArticlePage": ["listing_image"]}


def test_the_featured_image_is_in_the_article_form_once():
    names = []
    from congphuong.core.checks import panel_field_names

    names = panel_field_names(ArticlePage.get_edit_handler())
    assert names.count("listing_image") == 1


def test_the_check_is_a_registered_system_check():
    from django.core import checks

    assert check_no_field_in_two_panels in checks.registry.registry.get_checks()
    assert DUPLICATE_PANEL_ID == "congphuong.E001"
