"""Test settings: fast hashing, isolated media, no manifest for static files."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="congphuong-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="congphuong-test-static-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="congphuong-test-private-")
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Most tests sign in approvers with force_login; the tests of the 2FA rule switch it on.
CONGPHUONG_2FA_REQUIRED = False
LOGGING["loggers"]["axes"] = {"level": "WARNING"}  # noqa: F405
if not REDIS_URL:  # noqa: F405 — one process: LocMem is enough and leaves no files behind
    CACHES["pages"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "congphuong-pages",
        "TIMEOUT": None,
    }
# The cache layers (page cache, ward chrome, kept fragments and reads) are those of base.py, as
# production runs them: on, unless CONGPHUONG_CACHE=0 (or a layer's own variable) says otherwise.
# The tests that pin the queries of one render switch every layer off themselves (the
# `nothing_cached` fixture of congphuong/conftest.py); docs/caching.md, "One switch".
LOGGING["loggers"]["congphuong.access"] = {"level": "WARNING"}  # noqa: F405
# Renditions on publish are made inline after the commit: a background thread would share the
# in-memory SQLite database with the live server's thread. The test of the thread switches it on.
CONGPHUONG_RENDITIONS_ON_PUBLISH = "sync"
# A file-based SQLite test database, for the tests of concurrent writers (in-memory SQLite shares
# one connection between the live server's threads, so it cannot show "database is locked"):
# congphuong/core/tests/concurrency.py runs them in a pytest of their own with this set.
if env_str("CONGPHUONG_TEST_SQLITE_FILE") and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": env_str("CONGPHUONG_TEST_SQLITE_FILE")}  # noqa: F405
