"""File storage for files that must never be public: outside MEDIA_ROOT, never given a URL.

Used for citizens' attachments (Hỏi đáp) and the learning society's evidence files and pending
imports. Such files are read back only through permission-checked admin views. The location is read
from the settings on every access, so tests can point it at a temporary directory:
``settings.<own setting>`` when the use has one and it is set, else ``PRIVATE_MEDIA_ROOT`` (else
``VAR_DIR/private``) followed by the use's subdirectory.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    def __init__(self, setting: str | None = None, subdirectory: str = "", **kwargs):
        super().__init__(base_url=None, **kwargs)
        self.setting = setting
        self.subdirectory = subdirectory

    def root(self) -> Path:
        own = getattr(settings, self.setting, None) if self.setting else None
        if own:
            return Path(own)
        shared = getattr(settings, "PRIVATE_MEDIA_ROOT", None) or Path(settings.VAR_DIR) / "private"
        return Path(shared) / self.subdirectory if self.subdirectory else Path(shared)

    @property
    def base_location(self):
        return str(self.root())

    @property
    def location(self):
        return str(self.root().resolve())

    def url(self, name):
        raise ValueError("Tệp riêng tư không có đường dẫn công khai.")
