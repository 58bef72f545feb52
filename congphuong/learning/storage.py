"""Private storage for evidence files and pending imports: outside MEDIA_ROOT, no public URL.

Files are read back only through permission-checked admin views. The location comes
from ``settings.LEARNING_PRIVATE_ROOT`` (default: ``PRIVATE_MEDIA_ROOT/learning``, else
``VAR_DIR/private/learning``), read
on every access so tests can point it at a temporary directory.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_root() -> Path:
    configured = getattr(settings, "LEARNING_PRIVATE_ROOT", None)
    if configured:
        return Path(configured)
    shared = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if shared:
        return Path(shared) / "learning"
    return Path(settings.VAR_DIR) / "private" / "learning"


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
    """Callable for FileField(storage=…) so migrations do not freeze a path."""
    return private_storage
