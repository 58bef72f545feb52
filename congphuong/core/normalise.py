"""Bring every text value of a model instance to NFC before it is stored.

Some Vietnamese keyboards and pasted text produce decomposed characters; stored
as-is they break search, sorting and uniqueness checks.
"""

from django.db import models
from wagtail.fields import RichTextField, StreamField

from .text import nfc, nfc_deep


def normalise_instance_text(instance) -> None:
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            value = getattr(instance, field.attname)
            if value is None:
                continue
            raw = field.get_prep_value(value)
            normalised = nfc_deep(raw)
            if normalised != raw:
                setattr(instance, field.attname, field.to_python(normalised))
        elif isinstance(field, (models.CharField, models.TextField, RichTextField)):
            value = getattr(instance, field.attname)
            normalised = nfc(value)
            if normalised is not value and normalised != value:
                setattr(instance, field.attname, normalised)
