"""Labels the admin shows instead of programmer names (model ids, app labels)."""

from django import template
from django.apps import apps

register = template.Library()

# Wagtail's own apps are named in English ("Wagtail core" holds the bare Page type).
WAGTAIL_APP_NAMES = {"wagtailcore": "Lõi Wagtail (trang gốc)"}


@register.filter
def app_verbose_name(content_type) -> str:
    """ "Tin tức" for the content type of news.articlepage: the app's Vietnamese name."""
    if content_type.app_label in WAGTAIL_APP_NAMES:
        return WAGTAIL_APP_NAMES[content_type.app_label]
    try:
        return str(apps.get_app_config(content_type.app_label).verbose_name)
    except LookupError:
        return content_type.app_label
