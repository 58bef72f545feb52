"""The base of every form a person types into: text that shows nothing counts as empty.

Django strips spaces from a CharField, but not zero-width spaces, word joiners or byte
order marks (U+200B, U+2060, U+FEFF…): a question of twenty U+200B passed the 20-character
minimum and reached the editors as a blank. The mixin runs every stripped CharField's value
through ``text.visible_text`` before Django's own checks, so "required" and "min_length"
see what a reader would see, and the field's own (Vietnamese) "required" message answers.
"""

from django import forms

from .text import visible_text


def _keep_visible(field: forms.CharField) -> None:
    to_python = field.to_python

    def visible_to_python(value):
        value = to_python(value)
        if isinstance(value, str):
            return visible_text(value) or field.empty_value
        return value

    field.to_python = visible_to_python  # type: ignore[method-assign]


class VisibleTextMixin:
    """Mix into a Form before ``forms.Form``: every stripped CharField drops invisible characters."""

    fields: dict[str, forms.Field]  # set by the Form this is mixed into

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # strip=False (passwords) means "keep the input exactly": leave those alone.
            if isinstance(field, forms.CharField) and field.strip:
                _keep_visible(field)
