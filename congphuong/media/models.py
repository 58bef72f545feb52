"""Tin tức media: video stories (uploaded file or YouTube/Facebook) and photo galleries."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from congphuong.core import renditions
from congphuong.core.models import BasePage, base_promote_panels, with_listing_images
from congphuong.core.pagination import paginate
from congphuong.core.video import embed_src

VIDEO_EXTENSIONS = (".mp4", ".webm")


class MediaIndexPage(BasePage):
    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["media.MediaStoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Chuyên mục media"
        verbose_name_plural = "Chuyên mục media"

    def default_description(self) -> str:
        return f"{self.title}: video và phóng sự ảnh về hoạt động của phường."

    def stories(self):
        return with_listing_images(
            MediaStoryPage.objects.child_of(self).live().public().order_by("-published_at", "-pk"),
            renditions.STORY_CARD,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = paginate(request, self.stories())
        return context


class GalleryImage(Orderable):
    page = ParentalKey("media.MediaStoryPage", related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey("wagtailimages.Image", verbose_name="Ảnh", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField("Chú thích", max_length=500, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class MediaStoryPage(BasePage):
    KIND_VIDEO = "video"
    KIND_PHOTO = "photo"

    published_at = models.DateTimeField("Ngày giờ đăng", default=timezone.now, db_index=True)
    lead = models.TextField("Sapo (đoạn dẫn)", blank=True)
    video_url = models.URLField(
        "Địa chỉ video YouTube/Facebook", blank=True, help_text="Ví dụ: https://www.youtube.com/watch?v=…"
    )
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Hoặc tệp video tải lên (MP4/WebM)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField("Mô tả", blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = BasePage.content_panels + [
        FieldPanel("published_at"),
        FieldPanel("lead"),
        FieldPanel("listing_image"),
        MultiFieldPanel([FieldPanel("video_url"), FieldPanel("video_file")], heading="Video"),
        InlinePanel("gallery_images", label="Ảnh trong phóng sự ảnh"),
        FieldPanel("description"),
    ]
    # The featured image sits with the content, where editors look for it: not in "Quảng bá" too.
    promote_panels = base_promote_panels(listing_image=False)
    search_fields = BasePage.search_fields + [index.SearchField("lead"), index.SearchField("description")]

    parent_page_types = ["media.MediaIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Tin media"
        verbose_name_plural = "Tin media"

    @property
    def kind(self) -> str:
        return self.KIND_VIDEO if (self.video_url or self.video_file_id) else self.KIND_PHOTO

    @property
    def video_embed_src(self):
        return embed_src(self.video_url)

    def clean(self):
        super().clean()
        if self.video_url and not embed_src(self.video_url):
            raise ValidationError({"video_url": "Chỉ hỗ trợ video YouTube hoặc Facebook. Hãy dán địa chỉ của video."})
        if self.video_file_id and not self.video_file.file.name.lower().endswith(VIDEO_EXTENSIONS):
            raise ValidationError({"video_file": "Tệp video phải có định dạng MP4 hoặc WebM."})
        if self.video_url and self.video_file_id:
            raise ValidationError(
                {"video_file": "Chỉ chọn một nguồn video: địa chỉ YouTube/Facebook hoặc tệp tải lên."}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        gallery = list(self.gallery_images.select_related("image"))
        renditions.prefetch((item.image, (renditions.HEAD,)) for item in gallery)
        context["gallery"] = gallery
        return context
