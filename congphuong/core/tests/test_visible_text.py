"""Text that shows nothing is empty, in every form a person types into (issue 14).

The forms are enumerated from the code: every plain Form of the project with a required
text field. Each must drop invisible characters before Django's checks, so a question of
zero-width spaces gets the field's own Vietnamese "required" message instead of being stored.
"""

import importlib
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import FileExtensionValidator
from django.utils import translation

import congphuong
from congphuong.core.forms import VisibleTextMixin
from congphuong.core.text import visible_text

INVISIBLES = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00a0", "\u3000", "\u202f", "\u00ad", "\u180e"]
INVISIBLE_ONLY = ["".join(INVISIBLES) * 3, "\u200b" * 40, "\u00a0\u200b \ufeff\u2060\t\n" * 5]
# Sign-in forms compare what is typed with a credential; nothing typed there is stored or shown.
CREDENTIAL_MODULES = {"congphuong.accounts.forms"}


def project_forms():
    for module in pkgutil.walk_packages(congphuong.__path__, "congphuong."):
        if any(part in module.name for part in (".tests", ".migrations", ".settings", "wsgi")):
            continue
        importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    found = set()
    for cls in subclasses(forms.Form):
        in_project = cls.__module__.startswith("congphuong.") and cls.__module__ not in CREDENTIAL_MODULES
        if in_project and required_text_fields(cls):
            found.add(cls)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def required_text_fields(cls):
    return [
        name
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.CharField) and field.strip and field.required
    ]


def test_visible_text():
    for value in INVISIBLE_ONLY:
        assert visible_text(value) == ""
    assert visible_text("\u200b Nguyễn\u200b Văn An \ufeff") == "Nguyễn Văn An"
    assert visible_text("Nguye\u0302\u0303n") == "Nguyễn"  # NFC too
    assert visible_text("👩\u200d💻") == "👩\u200d💻"  # a joiner inside an emoji stays


def test_the_registry_finds_the_public_forms():
    names = {cls.__name__ for cls in project_forms()}
    assert {"QuestionForm", "LookupForm", "DraftCommentForm", "NoteForm"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", project_forms(), ids=lambda cls: cls.__name__)
def test_invisible_only_text_is_refused_in_vietnamese(form_class):
    assert issubclass(form_class, VisibleTextMixin), f"{form_class.__name__} does not use VisibleTextMixin"
    for name in required_text_fields(form_class):
        for value in INVISIBLE_ONLY:
            with translation.override("vi"):
                form = form_class(data={name: value})
                form.is_valid()
                errors = form.errors.get(name)
            assert errors, f"{form_class.__name__}.{name} accepted {value!r}"
            assert "This field is required" not in " ".join(errors)


def test_django_validator_messages_are_in_vietnamese():
    with translation.override("vi"):
        with pytest.raises(ValidationError) as nul:
            forms.CharField().clean("Nội dung\x00")
        with pytest.raises(ValidationError) as extension:
            FileExtensionValidator(["pdf"])(SimpleUploadedFile("chay.exe", b"MZ"))
    assert nul.value.messages == ["Nội dung có ký tự rỗng (NUL) không hợp lệ; hãy xóa ký tự đó rồi gửi lại."]
    assert extension.value.messages == ["Không nhận tệp có đuôi “exe”. Các đuôi tệp được nhận: pdf."]


# Entries Django's vi catalogue leaves empty that nobody of this portal can see.
NOT_SHOWN = (
    "Django: the Web framework",
    "The install worked successfully",
    "You are seeing this page because",
    "View <a href",
    "Django Documentation",
    "Topics, references",
    "Tutorial: A Polling App",
    "Get started with Django",
    "Django Community",
    "Connect, get help, or contribute",
)


def test_every_django_core_message_has_vietnamese():
    """Django's own vi catalogue, enumerated: what it leaves in English, our catalogue translates."""
    from pathlib import Path

    import django
    import polib
    from django.conf import settings

    catalogue = polib.pofile(str(Path(django.__file__).parent / "conf/locale/vi/LC_MESSAGES/django.po"))
    languages = {name for _code, name in settings.LANGUAGES} | {
        str(name) for _code, name in getattr(django.conf.global_settings, "LANGUAGES", [])
    }
    missing = []
    with translation.override("vi"):
        for entry in catalogue:
            if entry.translated() or entry.obsolete or entry.msgid.startswith(NOT_SHOWN) or entry.msgid in languages:
                continue
            if entry.msgid_plural:
                rendered = translation.ngettext(entry.msgid, entry.msgid_plural, 2)
                same = rendered == entry.msgid_plural
            elif entry.msgctxt:
                rendered = translation.pgettext(entry.msgctxt, entry.msgid)
                same = False  # "…" is the right rendering of the truncation marker
            else:
                rendered = translation.gettext(entry.msgid)
                same = rendered == entry.msgid
            if same:
                missing.append(entry.msgid)
    assert not missing
