"""A ward's English home made with «Dịch» gets the ward's roles and approval at once.

Translating a ward's home (wagtail.contrib.simple_translation, docs/english-section.md) puts the English
home beside it under the tree root, where no ward group has page permissions yet: without them the
ward's cadres could not edit, submit or publish any page of their English section. Wagtail signals the
copy; the ward's roles are completed then (`roles.ensure_roles` for that home: the same page permissions
and the four-eyes workflow on the English home as on the Vietnamese one).
"""

from wagtail.signals import copy_for_translation_done


def _translated(sender, source_obj, target_obj, **kwargs):
    from wagtail.models import Page, Site

    from .roles import ensure_roles

    if isinstance(target_obj, Page) and Site.objects.filter(root_page_id=source_obj.pk).exists():
        ensure_roles([source_obj])


def connect():
    copy_for_translation_done.connect(_translated, dispatch_uid="congphuong.editorial.translation")
