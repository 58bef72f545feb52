"""Private file storage for citizens' attachments: never under MEDIA_ROOT, never given a URL.

Files are read back only through the permission-checked admin view
(``feedback_attachment``). The location is read from ``settings.PRIVATE_MEDIA_ROOT``
on every access so tests can point it at a temporary directory.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_root() -> Path:
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if configured:
        return Path(configured)
    return Path(settings.VAR_DIR) / "private"


class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        super().__init__(base_url=None, **kwargs)

    @property
    def base_location(self):
        return str(private_root())

    @property
    def location(self):
        return str(private_root().resolve())

    def url(self, name):
        raise ValueError("Tệp riêng tư không có đường dẫn công khai.")


private_storage = PrivateStorage()


def get_private_storage():
    """Callable used by the FileField so migrations do not freeze a path."""
    return private_storage
