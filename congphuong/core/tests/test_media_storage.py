"""MEDIA_STORAGE: local disk by default, S3-compatible storage from AWS_* variables when asked."""

import importlib.util

import pytest
from django.core.exceptions import ImproperlyConfigured

from congphuong.settings.storage import LOCAL, S3_BACKEND, media_storage, s3_options

S3_INSTALLED = all(importlib.util.find_spec(name) for name in ("storages", "boto3"))


@pytest.fixture
def s3_env(monkeypatch):
    monkeypatch.setenv("MEDIA_STORAGE", "s3")
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "cong-phuong-media")
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", "https://s3.example.vn")
    monkeypatch.setenv("AWS_S3_REGION_NAME", "hcm-1")
    monkeypatch.setenv("AWS_S3_CUSTOM_DOMAIN", "media.example.vn")
    monkeypatch.delenv("AWS_QUERYSTRING_AUTH", raising=False)
    return monkeypatch


def test_local_disk_is_the_default(monkeypatch):
    monkeypatch.delenv("MEDIA_STORAGE", raising=False)
    assert media_storage() == LOCAL
    monkeypatch.setenv("MEDIA_STORAGE", "local")
    assert media_storage() == LOCAL


def test_unknown_storage_is_refused_in_vietnamese(monkeypatch):
    monkeypatch.setenv("MEDIA_STORAGE", "ftp")
    with pytest.raises(ImproperlyConfigured, match="không hợp lệ"):
        media_storage()


def test_s3_needs_a_bucket(s3_env):
    s3_env.delenv("AWS_STORAGE_BUCKET_NAME")
    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        media_storage()


def test_s3_options_from_the_environment(s3_env):
    s3_env.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    options = s3_options()
    assert options["bucket_name"] == "cong-phuong-media"
    assert options["endpoint_url"] == "https://s3.example.vn"
    assert options["region_name"] == "hcm-1"
    assert options["custom_domain"] == "media.example.vn"
    # Unsigned public URLs (cached pages keep them), no ACL per object, no overwrite.
    assert options["querystring_auth"] is False
    assert options["default_acl"] is None
    assert options["file_overwrite"] is False
    # Credentials stay in the environment, never copied into the settings.
    assert "AKIDEXAMPLE" not in repr(options)
    s3_env.setenv("AWS_QUERYSTRING_AUTH", "1")
    assert s3_options()["querystring_auth"] is True


def test_s3_without_the_optional_packages_says_how_to_install(s3_env):
    if S3_INSTALLED:
        assert media_storage()["BACKEND"] == S3_BACKEND
    else:
        with pytest.raises(ImproperlyConfigured, match=r"requirements/production\.lock"):
            media_storage()


@pytest.mark.skipif(
    not S3_INSTALLED, reason="django-storages and boto3 not installed (requirements/production.lock has them)"
)
def test_s3_storage_accepts_the_options(s3_env):
    from django.utils.module_loading import import_string

    entry = media_storage()
    storage = import_string(entry["BACKEND"])(**entry["OPTIONS"])
    assert storage.bucket_name == "cong-phuong-media"
    # A document's raw URL is the bucket's; the portal links /tai-lieu/ instead (serve_view).
    assert storage.url("images/anh.jpg") == "https://media.example.vn/images/anh.jpg"
