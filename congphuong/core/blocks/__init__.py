from .body import BodyStreamBlock
from .media import DocumentsBlock, ImageWithCaptionBlock, VideoBlock

__all__ = ["BodyStreamBlock", "DocumentsBlock", "ImageWithCaptionBlock", "VideoBlock"]
