from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from ..video import embed_src


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    alt_text = blocks.CharBlock(
        label="Mô tả ảnh cho người khiếm thị",
        required=False,
        help_text="Để trống sẽ dùng tiêu đề của ảnh.",
    )
    caption = blocks.CharBlock(label="Chú thích", required=False)

    class Meta:
        icon = "image"
        label = "Ảnh có chú thích"
        template = "blocks/image_with_caption.html"


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label="Địa chỉ video YouTube hoặc Facebook")
    title = blocks.CharBlock(label="Tiêu đề video", help_text="Đọc cho người dùng trình đọc màn hình.")
    caption = blocks.CharBlock(label="Chú thích", required=False)

    def clean(self, value):
        value = super().clean(value)
        if not embed_src(value.get("url", "")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError("Chỉ hỗ trợ video YouTube hoặc Facebook. Hãy dán địa chỉ của video.")
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_src"] = embed_src(value.get("url", ""))
        return context

    class Meta:
        icon = "media"
        label = "Video nhúng"
        template = "blocks/video.html"


class DocumentsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Tiêu đề", required=False, default="Tệp đính kèm")
    documents = blocks.ListBlock(DocumentChooserBlock(label="Tệp"), label="Các tệp")

    class Meta:
        icon = "doc-full"
        label = "Tệp đính kèm"
        template = "blocks/documents.html"
