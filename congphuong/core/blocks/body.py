from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from .media import DocumentsBlock, ImageWithCaptionBlock, VideoBlock

RICH_TEXT_FEATURES = ["bold", "italic", "h2", "h3", "h4", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tiêu đề")
    level = blocks.ChoiceBlock(label="Cấp", choices=[("h2", "Tiêu đề mục"), ("h3", "Tiêu đề mục con")], default="h2")

    class Meta:
        icon = "title"
        label = "Tiêu đề mục"
        template = "blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    source = blocks.CharBlock(label="Nguồn", required=False)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "blocks/quote.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="Đoạn văn", features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageWithCaptionBlock()
    table = TableBlock(
        label="Bảng",
        table_options={"language": "vi"},
        template="blocks/table.html",
    )
    video = VideoBlock()
    documents = DocumentsBlock()
    quote = QuoteBlock()

    class Meta:
        label = "Nội dung"
