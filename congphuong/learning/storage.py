"""Where evidence files and pending imports are kept: private storage (core/private_storage.py) at
``LEARNING_PRIVATE_ROOT`` (default ``PRIVATE_MEDIA_ROOT/learning``, else ``VAR_DIR/private/learning``)."""

from congphuong.core.private_storage import PrivateStorage

private_storage = PrivateStorage(setting="LEARNING_PRIVATE_ROOT", subdirectory="learning")


def get_private_storage():
    """Callable for FileField(storage=…) so migrations do not freeze a path."""
    return private_storage
