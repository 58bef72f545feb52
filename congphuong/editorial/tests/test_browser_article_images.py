"""An article with images, from the editor's first click to the reader, in headless Chromium.

The editor writes a new article: its featured image ("Ảnh đại diện") is a photo uploaded through
the image chooser's "Tải lên" tab, and an "Ảnh có chú thích" block in the body shows another image
of the ward's library. The editor submits it; the leader approves it from the page editor. Within
two seconds of the approval an anonymous reader, through the same live server with the caches as
the tests configure them, reads the article with its body image, sees its thumbnail in the
category's list and finds an `og:image` that is a rendition of the chosen image, served as an image.

test_browser_workflow.py covers the workflow's other paths (approval after a typo fix, changes
requested, scheduling); test_browser_featured_image.py the chooser of an existing image.
"""

import io
import time
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

from congphuong.core.tests.browser import BROWSER_MARKS, new_page
from congphuong.news.models import ArticlePage

from .test_browser_workflow import _approve_from_editor, _open_action_menu, _signed_in, newsroom  # noqa: F401 (a fixture)

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Phường khánh thành nhà văn hóa khu phố 4"
FEATURED = "Lễ cắt băng khánh thành nhà văn hóa"
IN_BODY = "Người dân tham quan nhà văn hóa"


def _jpeg(colour, size=(1600, 900)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG")
    return out.getvalue()


def _media_name(url):
    """The storage name of a media URL (absolute or not): what a Rendition's `file` holds."""
    path = urlsplit(url).path
    assert path.startswith(settings.MEDIA_URL), url
    return path[len(settings.MEDIA_URL) :]


def _is_rendition_of(image, url):
    return image.renditions.filter(file=_media_name(url)).exists()


def _loaded(img):
    """Whether `img` (scrolled to, as a reader does: body images load lazily) shows its picture."""
    img.scroll_into_view_if_needed()
    return img.evaluate(
        "img => img.complete && img.naturalWidth > 0 ? true"
        " : new Promise(done => { img.onload = () => done(img.naturalWidth > 0); img.onerror = () => done(false); })"
    )


def test_new_article_with_images_is_public_with_thumbnail_and_og_image_after_approval(
    live_server,
    ward,
    newsroom,  # noqa: F811 (the fixture imported above)
    chromium,
):
    base = live_server.url
    category = newsroom["category"]
    body_image = wagtail_factories.ImageFactory(
        title=IN_BODY,
        file=ImageFile(io.BytesIO(_jpeg((40, 120, 60))), name="tham-quan.jpg"),
        collection=ward.ward_collection.collection,
    )

    writer = _signed_in(chromium, base, "bientap")
    writer.goto(f"{base}/admin/pages/add/news/articlepage/{category.pk}/")
    writer.fill("#id_title", TITLE)
    writer.fill("#id_lead", "Nhà văn hóa khu phố 4 đưa vào sử dụng sau sáu tháng xây dựng.")

    # "Ảnh đại diện": a new photo, uploaded in the chooser.
    featured = writer.locator("[data-contentpath='listing_image']").first
    featured.locator("[data-chooser-action-choose]:visible").first.click()
    modal = writer.locator(".modal.in")
    modal.locator("#tab-label-upload").click()
    upload = modal.locator("form[data-chooser-modal-creation-form]")
    upload.locator("input[type=file]").set_input_files(
        {"name": "khanh-thanh.jpg", "mimeType": "image/jpeg", "buffer": _jpeg((163, 29, 29))}
    )
    upload.locator("input[name$=title]").fill(FEATURED)
    upload.locator("button[type=submit]").click()
    writer.locator(".modal.in").wait_for(state="detached", timeout=20000)
    assert featured.locator("[data-chooser-title]").inner_text().strip() == FEATURED

    # The body: an "Ảnh có chú thích" block with an image of the library.
    body = writer.locator("[data-contentpath='body']").first
    body.locator("button[title='Chèn khối']:visible, .c-sf-add-button:visible").first.click()
    writer.get_by_role("option", name="Ảnh có chú thích").first.click()
    block = body.locator("[data-contentpath='image']").first
    block.locator("[data-chooser-action-choose]:visible").first.click()
    modal = writer.locator(".modal.in")
    modal.get_by_role("link", name=IN_BODY).first.click()
    writer.locator(".modal.in").wait_for(state="detached", timeout=20000)
    body.locator("input[name$='-caption']").first.fill("Người dân khu phố 4 tham quan nhà văn hóa mới.")

    _open_action_menu(writer)
    with writer.expect_navigation():
        writer.locator("button[name=action-submit]").click()
    writer.wait_for_load_state()
    article = ArticlePage.objects.get(title=TITLE)
    assert article.current_workflow_state is not None, "the article was not submitted"
    uploaded = get_image_model().objects.get(title=FEATURED)
    assert uploaded.collection_id == ward.ward_collection.collection_id
    draft = article.get_latest_revision_as_object()
    assert draft.listing_image_id == uploaded.pk, "the featured image was not stored with the submission"

    # A reader looks before the approval (with the caches on, this keeps the list and the 404).
    reader, errors = new_page(chromium, viewport={"width": 1280, "height": 900}, locale="vi-VN")
    article_url = base + article.url
    assert reader.goto(article_url).status == 404
    assert reader.goto(base + category.url).status == 200
    assert reader.locator("article.card").filter(has_text=TITLE).count() == 0

    leader = _signed_in(chromium, base, "lanhdao")
    html = _approve_from_editor(leader, base, article)
    approved_at = time.monotonic()
    assert "không có quyền" not in html
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.current_workflow_state is None
    assert article.listing_image_id == uploaded.pk, "listing_image is NULL on the published article"

    response = reader.goto(article_url)
    assert response.status == 200
    assert reader.locator("h1").first.inner_text().strip() == TITLE
    hero = reader.locator(".article-head ~ figure.hero img")
    assert _loaded(hero)
    assert _is_rendition_of(uploaded, hero.evaluate("img => img.currentSrc"))
    body_figure = reader.locator(".prose figure.body-image")
    assert body_figure.locator("figcaption").inner_text() == "Người dân khu phố 4 tham quan nhà văn hóa mới."
    assert _loaded(body_figure.locator("img"))
    assert _is_rendition_of(body_image, body_figure.locator("img").evaluate("img => img.currentSrc"))

    og_image = reader.locator("meta[property='og:image']").get_attribute("content")
    assert _is_rendition_of(uploaded, og_image), f"og:image is not a rendition of the featured image: {og_image}"
    fetched = reader.request.get(base + urlsplit(og_image).path)
    assert fetched.status == 200
    assert fetched.headers["content-type"].startswith("image/")

    reader.goto(base + category.url)
    thumbnail = reader.locator("article.card").filter(has_text=TITLE).locator(".card-img img")
    assert thumbnail.count() == 1
    assert _loaded(thumbnail)
    assert _is_rendition_of(uploaded, thumbnail.evaluate("img => img.currentSrc"))
    elapsed = time.monotonic() - approved_at
    assert elapsed < 2, f"the reader waited {elapsed:.1f} s after the approval"
    assert errors == []
