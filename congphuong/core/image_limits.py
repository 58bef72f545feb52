"""How many pixels an uploaded image may have: a small file must not unpack into gigabytes.

A PNG of 12 000 × 12 000 black pixels is a 20 KB file and 430 MB once decoded (a
"decompression bomb"); the upload size limit does not see it. One limit,
`WAGTAILIMAGES_MAX_IMAGE_PIXELS` (settings/base.py), serves:

- Wagtail's image field (it reads the setting itself) and our `SafeImageField`, which checks it
  first with a Vietnamese message, before Wagtail or the re-encoding decode anything;
- Pillow's own guard (`PIL.Image.MAX_IMAGE_PIXELS`, set at start by `install_pillow_limit`):
  any image Pillow opens anywhere in the process (renditions, re-encoding) past twice the
  limit raises `DecompressionBombError` instead of being decoded; Pillow's default was
  89 million pixels, about 270 MB per decoded image;
- the image attachments of citizens' questions and learning evidence, which are stored as sent
  and opened by the staff's browsers.

Only the image's header is read here: the width, the height and (for GIF/WebP/APNG) the frame
count, each frame of an animation being decoded in turn.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image as PILImage

DEFAULT_MAX_IMAGE_PIXELS = 40_000_000

TOO_MANY_PIXELS_MESSAGE = (
    "Ảnh “%(name)s” có %(width)s × %(height)s điểm ảnh%(frames)s, tức %(pixels)s triệu điểm ảnh, "
    "vượt giới hạn %(limit)s triệu điểm ảnh. Hãy thu nhỏ ảnh (cạnh dài khoảng 4.000 điểm ảnh đã đủ nét "
    "cho cổng thông tin) rồi tải lên lại."
)
BOMB_MESSAGE = (
    "Ảnh “%(name)s” có quá nhiều điểm ảnh (hơn %(limit)s triệu): tệp nhỏ nhưng khi mở ra chiếm rất nhiều "
    "bộ nhớ, nên không được nhận. Hãy thu nhỏ ảnh rồi tải lên lại."
)


def max_image_pixels() -> int:
    return int(getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None) or DEFAULT_MAX_IMAGE_PIXELS)


def install_pillow_limit() -> None:
    """Pillow refuses to open, anywhere in the process, an image past twice the upload limit."""
    PILImage.MAX_IMAGE_PIXELS = max_image_pixels()


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Vietnamese groups thousands with a dot


def _millions(value: int) -> str:
    text = f"{value / 1_000_000:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def check_image_pixels(upload, limit: int | None = None) -> None:
    """Raise a Vietnamese ValidationError when the image `upload` has more pixels than `limit`.

    A file Pillow cannot read is left to the caller's own type and decoding checks.
    """
    limit = limit or max_image_pixels()
    name = (getattr(upload, "name", "") or "").rsplit("/", 1)[-1]
    upload.seek(0)
    try:
        with PILImage.open(upload) as image:
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
    except PILImage.DecompressionBombError as exc:
        # Past twice Pillow's limit: refused before the size is even returned.
        limit_text = _millions(min(limit, PILImage.MAX_IMAGE_PIXELS or limit))
        raise ValidationError(BOMB_MESSAGE, code="image_bomb", params={"name": name, "limit": limit_text}) from exc
    except (OSError, ValueError, SyntaxError, EOFError):
        return
    finally:
        upload.seek(0)
    pixels = width * height * frames
    if pixels > limit:
        raise ValidationError(
            TOO_MANY_PIXELS_MESSAGE,
            code="file_too_many_pixels",
            params={
                "name": name,
                "width": _number(width),
                "height": _number(height),
                "frames": f" × {_number(frames)} khung hình" if frames > 1 else "",
                "pixels": _millions(pixels),
                "limit": _millions(limit),
            },
        )
