"""Where uploaded media live: the local disk (default) or S3-compatible object storage.

MEDIA_STORAGE=s3 switches Wagtail's images and documents to django-storages' S3 backend, configured
from AWS_* environment variables (docs/deploy.md). django-storages and boto3 are an optional extra
(`pip install --require-hashes -r requirements/production.lock`): a plain install never imports them.
"""

import importlib.util

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_str

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3_BACKEND = "storages.backends.s3.S3Storage"

# Environment variable → S3Storage option. Credentials are not listed: boto3 (and django-storages)
# read AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment themselves, so they never
# sit in the settings module.
S3_ENV_OPTIONS = {
    "AWS_STORAGE_BUCKET_NAME": "bucket_name",
    "AWS_S3_ENDPOINT_URL": "endpoint_url",
    "AWS_S3_REGION_NAME": "region_name",
    "AWS_S3_CUSTOM_DOMAIN": "custom_domain",
    "AWS_LOCATION": "location",
    "AWS_S3_ADDRESSING_STYLE": "addressing_style",
    "AWS_S3_SIGNATURE_VERSION": "signature_version",
}


def s3_options() -> dict:
    """S3Storage options from the environment (no import of django-storages)."""
    bucket = env_str("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 cần AWS_STORAGE_BUCKET_NAME (tên bucket).")
    options = {option: env_str(name) for name, option in S3_ENV_OPTIONS.items() if env_str(name)}
    options.update(
        {
            # Public image URLs without signatures: a signed URL expires, and pages (with their
            # image URLs) are cached. Documents stay private: they stream through /tai-lieu/
            # (WAGTAILDOCS_SERVE_METHOD = "serve_view"), never from the bucket's own URL.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 3600),
            # No per-object ACL: the bucket policy decides what is public (docs/deploy.md).
            "default_acl": None,
            # Like the local disk: a second upload named like the first gets a new name instead of
            # replacing a file that published pages still show.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": env_str("AWS_S3_CACHE_CONTROL", "public, max-age=604800")},
        }
    )
    return options


def media_storage() -> dict:
    """The STORAGES["default"] entry for MEDIA_STORAGE (``local``, the default, or ``s3``)."""
    kind = (env_str("MEDIA_STORAGE", "local") or "local").strip().lower()
    if kind in {"local", "disk", "file"}:
        return dict(LOCAL)
    if kind != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE={kind!r} không hợp lệ: dùng 'local' hoặc 's3'.")
    options = s3_options()
    missing = [name for name in ("storages", "boto3") if importlib.util.find_spec(name) is None]
    if missing:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 cần django-storages và boto3 (thiếu: "
            + ", ".join(missing)
            + "). Cài: pip install --require-hashes -r requirements/production.lock"
        )
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}
