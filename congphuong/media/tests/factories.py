import factory
import wagtail_factories

from congphuong.media.models import GalleryImage, MediaIndexPage, MediaStoryPage


class MediaIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tin tức media"
    slug = "tin-tuc-media"

    class Meta:
        model = MediaIndexPage


class MediaStoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Phóng sự số {n}")
    slug = factory.Sequence(lambda n: f"phong-su-so-{n}")
    lead = "Phóng sự về hoạt động của phường."

    class Meta:
        model = MediaStoryPage


class GalleryImageFactory(factory.django.DjangoModelFactory):
    image = factory.SubFactory(wagtail_factories.ImageFactory)
    caption = factory.Sequence(lambda n: f"Chú thích ảnh {n}")

    class Meta:
        model = GalleryImage
