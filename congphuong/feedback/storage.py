"""Where citizens' attachments are kept: private storage (core/private_storage.py) at
``PRIVATE_MEDIA_ROOT`` (else ``VAR_DIR/private``), read back only through ``feedback_attachment``."""

from congphuong.core.private_storage import PrivateStorage

private_storage = PrivateStorage()


def private_root():
    return private_storage.root()


def get_private_storage():
    """Callable used by the FileField so migrations do not freeze a path."""
    return private_storage
