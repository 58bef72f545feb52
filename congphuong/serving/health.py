"""/healthz: the process answers (no database, no cache). /readyz: it can serve (database, caches, media)."""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _check_database():
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")


def _check_cache(alias):
    def check():
        cache = caches[alias]
        key = f"readyz:{uuid.uuid4().hex}"
        cache.set(key, "ok", 10)
        if cache.get(key) != "ok":
            raise RuntimeError("value written was not read back")
        cache.delete(key)

    return check


def _check_media():
    name = default_storage.save(f"readyz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


MESSAGES = {
    "database": "Không kết nối được cơ sở dữ liệu.",
    "cache": "Không dùng được bộ nhớ đệm.",
    "media": "Không ghi được vào thư mục tệp tải lên.",
}


@never_cache
def readyz(request):
    checks = [("database", "database", _check_database)]
    checks += [(f"cache:{alias}", "cache", _check_cache(alias)) for alias in settings.CACHES]
    checks.append(("media", "media", _check_media))
    results, ready = {}, True
    for name, kind, check in checks:
        try:
            check()
        except Exception as error:
            # The class name only: the message may name internal hosts.
            logger.error("Kiểm tra sẵn sàng thất bại: %s (%s)", name, error.__class__.__name__)
            results[name] = {"ok": False, "error": error.__class__.__name__, "detail": MESSAGES[kind]}
            ready = False
        else:
            results[name] = {"ok": True}
    return JsonResponse({"status": "ok" if ready else "error", "checks": results}, status=200 if ready else 503)
