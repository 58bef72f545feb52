"""NFC-normalise text on every save of our models and of Wagtail's content models."""

from django.db.models.signals import pre_save
from django.dispatch import Signal, receiver

from .normalise import normalise_instance_text

# Sent by the search index (congphuong.search) whenever it changes; the page cache (congphuong.serving)
# drops cached results. Here so that neither app imports the other.
search_index_changed = Signal()

# Apps whose models hold text typed by people: ours, plus Wagtail's pages,
# images, documents, tags and redirects.
NORMALISED_APP_PREFIXES = ("congphuong.",)
NORMALISED_APP_LABELS = {"wagtailcore", "wagtailimages", "wagtaildocs", "taggit", "wagtailredirects"}


@receiver(pre_save)
def normalise_text_to_nfc(sender, instance, raw=False, **kwargs):
    if raw:
        return  # fixtures are loaded verbatim
    if sender._meta.app_label in NORMALISED_APP_LABELS or sender.__module__.startswith(NORMALISED_APP_PREFIXES):
        normalise_instance_text(instance)
