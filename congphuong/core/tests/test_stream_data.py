"""A crafted admin POST without the management keys ("body-count", "-TOTAL_FORMS") is a 400 or a
form error, never a 500, for every page type and every snippet (enumerated from Wagtail's registries)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.base import BlockWidget
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from congphuong.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(ward):
    return get_user_model().objects.create_superuser("quantri_stream", "qs@example.com", "CongPhuong@2025")


def crafted_data(form_class, drop):
    """Every plain field of the form with a value, the StreamField and formset management keys left out."""
    data = {"title": "Trang thử", "slug": "trang-thu", "name": "Tên thử"}
    return {key: value for key, value in data.items() if not drop(key)}


def _drop_management(key):
    return key.endswith(("-count", "-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS"))


def _forms():
    for model in get_page_models():
        if model is not Page:
            yield model, model.get_edit_handler().get_form_class()
    for model in get_snippet_models():
        yield model, model.snippet_viewset.get_edit_handler().get_form_class()


def _has_stream_field(form):
    return any(isinstance(field.widget, BlockWidget) for field in form.fields.values())


def test_the_registries_list_page_types_and_snippets():
    models = [model for model, _form in _forms()]
    assert len(models) >= 10
    assert any(model._meta.model_name == "articlepage" for model in models)


@pytest.mark.parametrize("model_and_form", list(_forms()), ids=lambda item: item[0]._meta.label)
def test_missing_management_keys_are_refused_not_crashed(model_and_form, home, superuser):
    model, form_class = model_and_form
    kwargs = {"instance": model(), "for_user": superuser}
    if issubclass(form_class, WagtailAdminPageForm):
        kwargs["parent_page"] = home
    form = form_class(data=crafted_data(form_class, _drop_management), **kwargs)
    if _has_stream_field(form):
        with pytest.raises(SuspiciousOperation):
            form.is_valid()
    else:
        assert form.is_valid() in (True, False)  # a form error at most; any exception fails the test
        for formset in getattr(form, "formsets", {}).values():
            assert not formset.is_valid()


def test_edit_view_answers_400(client, category, superuser):
    article = ArticlePageFactory(parent=category, title="Bài có nội dung")
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), {"title": "Bài sửa", "slug": article.slug}
    )
    assert response.status_code == 400
    article.refresh_from_db()
    assert article.title == "Bài có nội dung"  # nothing stored
