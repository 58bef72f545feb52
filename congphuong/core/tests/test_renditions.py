"""Renditions are made when a page is published, so the first reader does not wait for them."""

import re
from pathlib import Path

import pytest
import wagtail_factories
from django.apps import apps
from wagtail.images import get_image_model

from congphuong.core import renditions
from congphuong.media.tests.factories import GalleryImageFactory, MediaStoryPageFactory
from congphuong.news.tests.factories import ArticlePageFactory

IMAGE_TAG_RE = re.compile(r"{%\s*(?:image|picture|srcset_image)\s+(\S+)\s+(.*?)%}", re.S)


def _rendition_specs(image):
    return set(
        get_image_model().get_rendition_model().objects.filter(image=image).values_list("filter_spec", flat=True)
    )


def _wanted(*spec_lists):
    from wagtail.images.models import Filter

    return {Filter(spec=spec).spec for spec in renditions.expand([s for specs in spec_lists for s in specs])}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_an_article_makes_its_renditions_before_the_first_request(category, client, settings):
    settings.CONGPHUONG_RENDITIONS_ON_PUBLISH = True  # the background thread, as in production
    listing = wagtail_factories.ImageFactory(title="Ảnh đại diện")
    in_body = wagtail_factories.ImageFactory(title="Ảnh trong bài")
    article = ArticlePageFactory(parent=category, title="Ra quân vệ sinh môi trường", live=False)
    article.listing_image = listing
    article.body = [{"type": "image", "value": {"image": in_body.pk, "alt_text": "", "caption": "Ra quân"}}]
    revision = article.save_revision()
    assert not _rendition_specs(listing) and not _rendition_specs(in_body)

    revision.publish()
    renditions.wait()

    assert _rendition_specs(listing) >= _wanted(renditions.LISTING_SPECS, renditions.CONTENT_SPECS)
    assert _rendition_specs(in_body) >= _wanted(renditions.CONTENT_SPECS)
    before = {image.pk: _rendition_specs(image) for image in (listing, in_body)}
    response = client.get(article.url)
    assert response.status_code == 200
    # The first reader found everything made: the request created no rendition.
    assert {image.pk: _rendition_specs(image) for image in (listing, in_body)} == before


@pytest.mark.django_db
def test_gallery_images_of_a_media_story_are_found(category, home):
    story = MediaStoryPageFactory(parent=home)
    image = wagtail_factories.ImageFactory()
    GalleryImageFactory(page=story, image=image)
    assert renditions.images_of(story)[image.pk] == "content"


def _public_templates():
    for config in apps.get_app_configs():
        if not config.name.startswith("congphuong."):
            continue
        for path in Path(config.path, "templates").rglob("*.html"):
            if "admin" not in path.parts and "wagtailadmin" not in path.parts:
                yield path
    yield from Path(apps.get_app_config("core").path).parent.joinpath("templates").rglob("*.html")


def test_every_page_image_size_of_the_public_templates_is_made_on_publish():
    """A template asking for a size the lists lack would bring the first reader's wait back."""
    listing = _wanted(renditions.LISTING_SPECS)
    content = _wanted(renditions.CONTENT_SPECS)
    seen = 0
    for path in _public_templates():
        for expression, rest in IMAGE_TAG_RE.findall(path.read_text()):
            spec_words = []
            for word in rest.split():
                if "=" in word or word == "as":
                    break
                spec_words.append(word)
            spec = " ".join(spec_words)
            if expression.startswith(("leader.", "ward.")):
                continue  # not page content: a profile photo, the ward's emblem
            wanted = listing if expression.endswith("listing_image") else content
            expanded = _wanted([spec])
            assert expanded <= wanted, f"{path.name}: {{% … {expression} {spec} %}} not made on publish"
            seen += 1
    assert seen >= 8  # the scan found the templates


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sending_a_draft_for_review_makes_its_renditions_before_the_publish(category, settings, django_user_model):
    """The leader reads the draft for minutes; its photos are resized meanwhile, so the readers' first
    renders after the publish do not wait for them (6 s on S3 storage in `make prod-check`)."""
    from wagtail.models import Workflow

    settings.CONGPHUONG_RENDITIONS_ON_PUBLISH = True  # the background thread, as in production
    listing = wagtail_factories.ImageFactory(title="Ảnh đại diện bản nháp")
    in_body = wagtail_factories.ImageFactory(title="Ảnh trong bản nháp")
    article = ArticlePageFactory(parent=category, title="Bản nháp có ảnh", live=False)
    article.listing_image = listing
    article.body = [{"type": "image", "value": {"image": in_body.pk, "alt_text": "", "caption": "Ảnh"}}]
    article.save_revision()
    assert not _rendition_specs(listing) and not _rendition_specs(in_body)

    workflow = article.get_workflow() or Workflow.objects.filter(active=True).first()
    editor = django_user_model.objects.create_user("bientap_anh", password="x")
    workflow.start(article, editor)
    renditions.wait()

    article.refresh_from_db()
    assert not article.live  # nothing published: the draft's images only
    assert _rendition_specs(listing) >= _wanted(renditions.LISTING_SPECS, renditions.CONTENT_SPECS)
    assert _rendition_specs(in_body) >= _wanted(renditions.CONTENT_SPECS)
