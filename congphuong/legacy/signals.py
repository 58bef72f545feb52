"""An old host name added, changed or removed: the middleware's set is read again, and every cached
page is dropped (a page stored under that host before it became an old host must not be served by
the page cache or the WSGI fast path)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .middleware import forget_old_hostnames


def on_old_hostname_changed(sender, instance=None, raw=False, **kwargs):
    if raw:
        return
    from congphuong.serving.signals import purge_later
    from congphuong.serving.store import ALL_TAG

    forget_old_hostnames()
    transaction.on_commit(forget_old_hostnames)
    purge_later({ALL_TAG})


def connect():
    from .models import OldHostname

    post_save.connect(on_old_hostname_changed, sender=OldHostname, dispatch_uid="legacy_old_hostname_saved")
    post_delete.connect(on_old_hostname_changed, sender=OldHostname, dispatch_uid="legacy_old_hostname_deleted")
