"""The guards of `core/admin_guards.py`: each crafted POST the every-URL walk turned up is refused
without a 500, and the real admin flow through the same code still works.

The class test (every admin URL, every role) is `editorial/tests/isolation/test_crafted_posts.py`.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import SuspiciousOperation
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
from wagtail.admin.widgets import AdminPageChooser
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from congphuong.editorial.tests.isolation.forms import main_form_data

pytestmark = pytest.mark.django_db

JUNK = "\u202e<x>'\"; 99999999999999999999"


@pytest.fixture
def admin_client(client, ward):
    user = get_user_model().objects.create_superuser("quantri_guard", "qg@example.vn", "CongPhuong@2025")
    client.force_login(user)
    client.raise_request_exception = False
    return client


def test_a_chooser_shows_nothing_for_a_value_that_is_no_id(home):
    chooser = AdminPageChooser()
    assert chooser.get_instance(JUNK) is None
    assert chooser.get_instance("99999999999999999999999") is None
    assert chooser.get_instance(home.pk) == home  # a real id is still shown


def test_rich_text_that_is_not_the_editors_json_is_a_400_error():
    widget = DraftailRichTextArea()
    for junk in (JUNK, "", '{"blocks": 5}', "[1, 2]"):
        with pytest.raises(SuspiciousOperation):
            widget.value_from_datadict({"body": junk}, {}, "body")
    content = {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "text": "Xin chào",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    assert (
        widget.value_from_datadict({"body": json.dumps(content)}, {}, "body") == '<p data-block-key="a1">Xin chào</p>'
    )


def test_a_page_edit_with_junk_rich_text_is_a_400_in_vietnamese(admin_client, home):
    from congphuong.documents.tests.factories import DocumentIndexPageFactory, LegalDocumentPageFactory

    page = LegalDocumentPageFactory(parent=DocumentIndexPageFactory(parent=home), title="Quyết định số 1 về thử nghiệm")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = main_form_data(admin_client.get(url).content.decode())
    assert "body" in form  # the Draftail field of the page ("Ghi chú thêm")
    form["title"] = ["Tiêu đề đã sửa"]
    form["body"] = [JUNK]
    response = admin_client.post(url, form)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()
    revisions = page.revisions.count()
    response = admin_client.post(url, form)
    assert response.status_code == 400
    page.refresh_from_db()
    assert page.title == "Quyết định số 1 về thử nghiệm"
    assert page.revisions.count() == revisions  # nothing stored


def test_the_link_chooser_answers_a_missing_url_with_a_form_error(admin_client):
    url = reverse("wagtailadmin_choose_page_external_link")
    for body in ({}, {"external-link-chooser-url": JUNK}):
        response = admin_client.post(url, body)
        assert response.status_code == 200
        assert response.json()["step"] == "external_link"  # the form again, with its error
    response = admin_client.post(url, {"external-link-chooser-url": "https://dichvucong.gov.vn/"})
    assert response.json()["step"] == "external_link_chosen"
    assert response.json()["result"]["url"] == "https://dichvucong.gov.vn/"


def test_a_page_copy_without_a_parent_is_a_form_error_and_a_real_copy_works(admin_client, article, category):
    url = reverse("wagtailadmin_pages:copy", args=[article.pk])
    before = Page.objects.count()
    for body in ({}, {"new_parent_page": JUNK}, {"new_parent_page": "999999"}):
        response = admin_client.post(url, body)
        assert response.status_code == 200  # the form again, with its errors
    assert Page.objects.count() == before
    response = admin_client.post(
        url, {"new_title": "Bản sao bài học bổng", "new_slug": "ban-sao-hoc-bong", "new_parent_page": category.pk}
    )
    assert response.status_code == 302
    assert Page.objects.filter(slug="ban-sao-hoc-bong", live=False).child_of(category).exists()


def test_the_redirect_import_refuses_missing_or_tampered_data_and_still_imports(admin_client, ward):
    process = reverse("wagtailredirects:process_import")
    for body in (
        {},
        {"import_file_name": JUNK, "input_format": "0"},
        {"import_file_name": "a:b", "input_format": "0:c"},
    ):
        response = admin_client.post(process, body)
        assert response.status_code == 400
        assert "Yêu cầu không hợp lệ" in response.content.decode()
    assert not Redirect.objects.exists()
    upload = SimpleUploadedFile(
        "chuyen-huong.csv", b"from,to\n/tin-cu/,https://dichvucong.gov.vn/\n", content_type="text/csv"
    )
    response = admin_client.post(reverse("wagtailredirects:start_import"), {"import_file": upload})
    assert response.status_code == 200
    form = main_form_data(response.content.decode())
    assert {"import_file_name", "input_format"} <= set(form)
    form.update({"from_index": ["0"], "to_index": ["1"], "site": [""], "permanent": ["on"]})
    response = admin_client.post(process, form)
    assert response.status_code in (200, 302)
    assert Redirect.objects.filter(old_path="/tin-cu").exists()


def test_a_chooser_without_a_creation_form_answers_404_to_a_post(admin_client):
    url = reverse("wagtailsnippetchoosers_wards_yeartheme:create")
    assert admin_client.post(url, {}).status_code == 404


def test_deleting_a_ward_still_used_by_protected_rows_says_why_in_vietnamese(admin_client, ward, home):
    from congphuong.organisation.tests.factories import DisclosureIndexPageFactory, DisclosurePageFactory

    DisclosurePageFactory(parent=DisclosureIndexPageFactory(parent=home))
    response = admin_client.post(reverse("wagtailsites:delete", args=[ward.pk]), {})
    assert response.status_code == 302
    assert Site.objects.filter(pk=ward.pk).exists()
    message = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "Không thể xóa" in message and "Hãy chuyển hoặc xóa" in message
    # A site nothing protects is still deleted.
    spare = Site.objects.create(hostname="du-phong.localhost", port=80, root_page=home, site_name="Dự phòng")
    response = admin_client.post(reverse("wagtailsites:delete", args=[spare.pk]), {})
    assert response.status_code == 302
    assert not Site.objects.filter(pk=spare.pk).exists()
