"""Copy a page for translation, as the admin's «Dịch» action does (wagtail.contrib.simple_translation),
for the demo loader and tests (docs/english-section.md)."""

from __future__ import annotations

from wagtail.models import Locale


def locale(language_code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=language_code)[0]


def translate_page(page, language_code: str = "en", *, publish: bool = True, **fields):
    """The translation of `page` in `language_code` (made with Wagtail's copy_for_translation when it
    does not exist; its parent must already be translated, except a ward's home whose translation
    becomes its sibling), with `fields` set and, by default, published."""
    target_locale = locale(language_code)
    translated = page.get_translation_or_none(target_locale)
    if translated is None:
        translated = page.specific.copy_for_translation(target_locale)
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
        translated.refresh_from_db()
    return translated
