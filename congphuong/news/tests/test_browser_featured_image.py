"""In headless Chromium: a ward's editor gives a new article its featured image ("Ảnh đại diện").

Signs in as the ward's editor through the admin login form, creates an article, chooses the
image through the chooser modal, saves the draft and looks at the live preview (og:image); the
leader's approval is not this test's subject, so the revision is published directly, then the
category list shows the thumbnail and the article its og:image.

Before the fix the field was in both "Nội dung" and "Quảng bá": one click opened two stacked
choosers and the empty second widget won on save, so listing_image stayed NULL.
"""

import io
import re

import pytest
import wagtail_factories
from PIL import Image

from congphuong.core.tests.browser import BROWSER_MARKS, new_page
from congphuong.editorial.roles import EDITOR, ensure_roles
from congphuong.editorial.tests.factories import PASSWORD, make_user
from congphuong.news.models import ArticlePage

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Phường ra quân dọn vệ sinh kênh rạch"


def _jpeg():
    out = io.BytesIO()
    Image.new("RGB", (1600, 900), (29, 90, 163)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def browser_page(chromium):
    return new_page(chromium, viewport={"width": 1280, "height": 900}, locale="vi-VN")


def test_editor_chooses_a_featured_image_and_it_is_kept(live_server, ward, category, browser_page):
    page, errors = browser_page
    groups = ensure_roles([ward.root_page])
    make_user("bientap", groups[EDITOR])
    from django.core.files.images import ImageFile

    image = wagtail_factories.ImageFactory(
        title="Ra quân vệ sinh kênh",
        file=ImageFile(io.BytesIO(_jpeg()), name="kenh.jpg"),
        collection=ward.ward_collection.collection,
    )
    base = live_server.url

    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")

    page.goto(f"{base}/admin/pages/add/news/articlepage/{category.pk}/")
    page.wait_for_selector("form#page-edit-form")
    page.fill("#id_title", TITLE)
    # The featured image's chooser, on the content tab where editors look for it.
    field = page.locator("[data-contentpath='listing_image']").first
    field.locator("[data-chooser-action-choose]:visible").first.click()
    modal = page.locator(".modal.in")
    modal.locator(".modal-body h1").filter(has_text="Chọn ảnh").first.wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")
    # One chooser, not two stacked on top of each other.
    assert page.locator(".modal.in").count() == 1
    modal.get_by_role("link", name=image.title).first.click()
    page.locator(".modal.in").wait_for(state="detached", timeout=15000)
    assert field.locator("[data-chooser-title]").inner_text().strip() == image.title

    page.get_by_role("button", name="Lưu bản nháp").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=20000)
    article = ArticlePage.objects.get(title=TITLE)
    assert article.listing_image_id == image.pk, "the chosen featured image was not stored"
    revision = article.get_latest_revision_as_object()
    assert revision.listing_image_id == image.pk

    # The live preview already shares the image (og:image in the preview's <head>).
    page.locator("[data-side-panel-toggle='preview']").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    preview_og_image = preview.locator("meta[property='og:image']")
    preview_og_image.wait_for(state="attached", timeout=60000)
    og_image = preview_og_image.get_attribute("content")
    assert og_image and "/images/" in og_image

    # Published (the approval is another test's subject): the list shows the thumbnail.
    article.get_latest_revision().publish()
    page.goto(base + category.url)
    card = page.locator("article.card").filter(has_text=TITLE)
    thumbnail = card.locator(".card-img img")
    assert thumbnail.count() == 1
    assert thumbnail.evaluate("img => img.complete && img.naturalWidth > 0")
    page.goto(base + article.url)
    og_image = page.locator("meta[property='og:image']").get_attribute("content")
    assert og_image and "/images/" in og_image
    assert errors == []
