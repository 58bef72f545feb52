"""Production settings: refuse to start without a secret, and pass Django's deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from .settings_probe import read_settings

ROOT = Path(__file__).resolve().parents[3]


# The server stack production expects (nothing connects to them for these commands).
SERVER_STACK = {
    "DATABASE_URL": "postgres://congphuong@127.0.0.1:5432/congphuong",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
EMBEDDED_ENV = {"DATABASE_URL", "REDIS_URL", "CONGPHUONG_ALLOW_SQLITE", "CONGPHUONG_ALLOW_LOCAL_CACHE"}


def _manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", *EMBEDDED_ENV}}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args, "--settings=congphuong.settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check", env_overrides={"ALLOWED_HOSTS": "phuong.example.vn"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_deploy_is_clean():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level=WARNING",
        env_overrides={**SERVER_STACK, "SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "phuong.example.vn"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_refuses_sqlite_and_a_per_process_cache():
    # Issue 14: `check --deploy` passed silently on SQLite with no Redis.
    base = {"SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "phuong.example.vn"}
    embedded = _manage("check", "--deploy", env_overrides=base)
    assert embedded.returncode != 0
    assert "DATABASE_URL" in embedded.stderr and "REDIS_URL" in embedded.stderr
    allowed = _manage(
        "check",
        "--deploy",
        "--fail-level=WARNING",
        env_overrides={**base, "CONGPHUONG_ALLOW_SQLITE": "1", "CONGPHUONG_ALLOW_LOCAL_CACHE": "1"},
    )
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr


def test_production_trusts_the_shipped_nginx_for_the_readers_address():
    # One proxy (nginx) appends to X-Forwarded-For; a load balancer in front makes it 2.
    base_env = {**SERVER_STACK, "SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "phuong.example.vn"}
    shipped, behind_lb = read_settings(
        [
            ("congphuong.settings.production", {**base_env, "TRUSTED_PROXIES": ""}, ["CONGPHUONG_TRUSTED_PROXIES"]),
            ("congphuong.settings.production", {**base_env, "TRUSTED_PROXIES": "2"}, ["CONGPHUONG_TRUSTED_PROXIES"]),
        ],
        without={"SECRET_KEY", "DJANGO_SETTINGS_MODULE", *EMBEDDED_ENV},
    )
    assert shipped == {"values": {"CONGPHUONG_TRUSTED_PROXIES": 1}}
    assert behind_lb == {"values": {"CONGPHUONG_TRUSTED_PROXIES": 2}}
