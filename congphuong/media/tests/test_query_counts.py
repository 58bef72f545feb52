"""Query counts of the media pages: pinned, and independent of how many stories or photos exist."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import GalleryImageFactory, MediaIndexPageFactory, MediaStoryPageFactory

# One render, nothing kept: every cache layer off, whatever the suite's default.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nothing_cached")]

MAX_QUERIES = {"index": 17, "story": 17}


def _count(client, url):
    client.get(url)  # warm per-process caches and make the renditions
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _add(index, story, count):
    for _ in range(count):
        MediaStoryPageFactory(parent=index, listing_image=wagtail_factories.ImageFactory())
        GalleryImageFactory(page=story)


def test_media_query_counts_do_not_grow(client, home):
    index = MediaIndexPageFactory(parent=home)
    story = MediaStoryPageFactory(parent=index, title="Phóng sự ảnh: ngày hội đọc sách")
    _add(index, story, 2)
    urls = {"index": index.url, "story": story.url}
    small = {name: _count(client, url) for name, url in urls.items()}
    _add(index, story, 5)
    large = {name: _count(client, url) for name, url in urls.items()}
    assert large == small, f"queries grew with the number of stories/photos: {small} → {large}"
    for name, count in large.items():
        assert count <= MAX_QUERIES[name], f"{name}: {count} queries > {MAX_QUERIES[name]}"
