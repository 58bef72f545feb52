import pytest
from django.core.exceptions import ValidationError

from congphuong.media.tests.factories import GalleryImageFactory, MediaIndexPageFactory, MediaStoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_index(home):
    return MediaIndexPageFactory(parent=home)


def test_video_story_embeds_youtube_without_oembed(client, media_index):
    story = MediaStoryPageFactory(
        parent=media_index, title="Phóng sự ngày hội khuyến học", video_url="https://youtu.be/dQw4w9WgXcQ"
    )
    assert story.kind == "video"
    html = client.get(story.url).content.decode()
    assert "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" in html
    assert "<iframe" in html and 'title="' in html


def test_photo_story_shows_gallery_captions(client, media_index):
    story = MediaStoryPageFactory(parent=media_index, title="Ảnh: ra quân làm sạch kênh")
    GalleryImageFactory(page=story, caption="Đoàn viên thanh niên dọn rác")
    GalleryImageFactory(page=story, caption="Người dân cùng tham gia")
    assert story.kind == "photo"
    html = client.get(story.url).content.decode()
    assert "Đoàn viên thanh niên dọn rác" in html
    assert "<figcaption" in html


def test_media_index_lists_stories(client, media_index):
    MediaStoryPageFactory(parent=media_index, title="Phóng sự A", video_url="https://youtu.be/dQw4w9WgXcQ")
    MediaStoryPageFactory(parent=media_index, title="Phóng sự B")
    html = client.get(media_index.url).content.decode()
    assert "Phóng sự A" in html and "Phóng sự B" in html


def test_unsupported_video_url_is_refused_in_vietnamese(media_index):
    story = MediaStoryPageFactory.build(title="Video lạ", slug="video-la", video_url="https://example.com/a.mp4")
    story.depth = media_index.depth + 1
    story.path = media_index.path + "0001"
    with pytest.raises(ValidationError) as excinfo:
        story.clean()
    assert "YouTube hoặc Facebook" in str(excinfo.value)
