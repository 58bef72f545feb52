"""Every page type's editor accepts an empty slug (the page then takes one from its title), enumerated
from Wagtail's registry so that a new page type is covered too."""

import pytest
from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", [model for model in get_page_models() if model is not Page], ids=lambda model: model._meta.label
)
def test_the_slug_may_be_left_for_the_title_to_fill(model):
    form_class = model.get_edit_handler().get_form_class()
    assert "slug" in form_class.base_fields
    assert not form_class(instance=model(), parent_page=None).fields["slug"].required
